/**
 * Signing in with a password through NextAuth's credentials endpoint, in one
 * request. next-auth/react's `signIn` first asks for the providers and a CSRF
 * token, one after the other, on every attempt: three round trips before the
 * person hears anything. The token is fetched once, ahead of time
 * (`prepareSignIn`), and the attempt is the one POST.
 */
let csrf: Promise<string> | null = null;

async function fetchCsrfToken(): Promise<string> {
  const res = await fetch("/api/auth/csrf", { cache: "no-store" });
  if (!res.ok) throw new Error(`csrf ${res.status}`);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/** Fetches the CSRF token before it is needed (when the form shows). */
export function prepareSignIn(): void {
  csrf ??= fetchCsrfToken().catch((e) => {
    csrf = null;
    throw e;
  });
  csrf.catch(() => undefined);
}

/** The CSRF token NextAuth wants with every sign-in post (fetched once, ahead of time). */
export function signInCsrfToken(): Promise<string> {
  prepareSignIn();
  return csrf!;
}

/** A failed sign-in start keeps nothing: the next attempt fetches a fresh token. */
export function forgetSignInCsrfToken(): void {
  csrf = null;
}

export type SignInOutcome = "ok" | "wrong" | "rate_limited" | "unavailable" | "network";

export async function signInWithPassword(email: string, password: string): Promise<SignInOutcome> {
  try {
    prepareSignIn();
    const token = await csrf!;
    const res = await fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: token, email, password, json: "true" }),
    });
    if (res.ok) {
      // Signed in: a later sign-in (after signing out) fetches a fresh token. A failed attempt keeps this one.
      csrf = null;
      return "ok";
    }
    if (res.status === 429) return "rate_limited";
    if (res.status === 503) return "unavailable";
    return "wrong";
  } catch {
    csrf = null;
    return "network";
  }
}
