import { forgetSignInCsrfToken, signInCsrfToken } from "./password-sign-in";

/**
 * Starts single sign-on: NextAuth answers the post with the identity
 * provider's address (state and PKCE cookies set), and the browser goes there.
 * A fetch rather than a form post: the pages' Content-Security-Policy allows
 * forms to post only to this site, and a form's redirect to the provider
 * would count as posting there. Resolves only when it could not start.
 */
export async function startSingleSignOn(providerId: string, callbackUrl: string): Promise<"network"> {
  try {
    const res = await fetch(`/api/auth/signin/${encodeURIComponent(providerId)}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: await signInCsrfToken(), callbackUrl, json: "true" }),
    });
    const { url } = (await res.json()) as { url?: unknown };
    if (!res.ok || typeof url !== "string") throw new Error(`sign-in ${res.status}`);
    forgetSignInCsrfToken();
    window.location.assign(url);
    return new Promise(() => undefined);
  } catch {
    forgetSignInCsrfToken();
    return "network";
  }
}
