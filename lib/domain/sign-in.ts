/** NextAuth's id of the organisation's identity provider: its callback is {NEXTAUTH_URL}/api/auth/callback/oidc. */
export const SSO_PROVIDER_ID = "oidc";

/** The `error` a refused single sign-on brings back to the sign-in page, by reason (lib/server/users/sign-in-with-identity.ts). */
export const SSO_ERROR_CODES = {
  email_missing: "SsoEmailMissing",
  email_unverified: "SsoEmailUnverified",
  domain_not_allowed: "SsoDomainNotAllowed",
} as const;

/**
 * What the sign-in page says for the `error` NextAuth (or our own routes) put in
 * its address. Anything else gets the general sentence: the value is never shown.
 */
const SIGN_IN_ERRORS: Record<string, string> = {
  [SSO_ERROR_CODES.email_missing]:
    "Your organisation’s sign-in did not tell Marginalia your email address. Ask your administrator to release the email to Marginalia.",
  [SSO_ERROR_CODES.email_unverified]:
    "Your organisation’s sign-in has not verified your email address, so Marginalia cannot use it. Ask your administrator to verify it, then try again.",
  [SSO_ERROR_CODES.domain_not_allowed]:
    "This Marginalia accepts sign-ins only from its organisation’s email domains, and your address is not in one of them. Sign in with your work account, or ask your administrator.",
  OAuthSignin:
    "Marginalia could not reach your organisation’s sign-in. Try again in a minute; if it keeps failing, tell your administrator.",
  OAuthCallback: "Your organisation’s sign-in did not complete. Try again; if it keeps failing, tell your administrator.",
  Callback: "Your organisation’s sign-in did not complete. Try again; if it keeps failing, tell your administrator.",
  AccessDenied: "That sign-in was not allowed. Try again, or ask your administrator.",
  Configuration: "Signing in is not set up correctly on this server. Tell your administrator.",
  SessionRequired: "Sign in to continue.",
  RateLimited: "Too many failed sign-ins for this account from your network. Wait a few minutes (at most 15), then try again.",
  CredentialsSignin: "That email and password do not match an account. Check them and try again.",
};

const GENERAL = "Signing in did not work. Try again; if it keeps failing, tell your administrator.";

/** The sentence for a sign-in page's `error`, or null when there is none. */
export function signInErrorMessage(error: string | undefined | null): string | null {
  if (!error) return null;
  return Object.hasOwn(SIGN_IN_ERRORS, error) ? SIGN_IN_ERRORS[error] : GENERAL;
}
