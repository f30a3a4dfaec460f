/**
 * Single sign-on and password sign-in, as the environment configures them:
 *
 *   OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET   all three, or no single sign-on
 *   OIDC_NAME                                          the button's label ("Sign in with {OIDC_NAME}")
 *   OIDC_ALLOWED_DOMAINS                               optional: comma-separated email domains
 *   MARGINALIA_PASSWORD_LOGIN=0                        no password sign-in or registration
 *
 * Read at request time (not at build time), so one build serves any configuration.
 * Only `ssoButton()` may reach a page: the client secret stays on the server.
 */
export interface SsoSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
  /** Lower-case domains; empty means any domain. */
  allowedDomains: string[];
}

type Env = Record<string, string | undefined>;

/** The single sign-on settings, or null when single sign-on is not configured. */
export function ssoSettings(env: Env = process.env): SsoSettings | null {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
  if (!issuer && !clientId && !clientSecret) return null;
  if (!issuer || !clientId || !clientSecret)
    throw new Error("Single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together: one of them is missing.");
  return {
    // The issuer as the provider writes it in its tokens; discovery appends to it without a doubled slash.
    issuer: issuer.replace(/\/+$/, ""),
    clientId,
    clientSecret,
    name: env.OIDC_NAME?.trim() || "single sign-on",
    allowedDomains: parseDomains(env.OIDC_ALLOWED_DOMAINS),
  };
}

/** What a page may know about single sign-on: the button's label, nothing secret. */
export function ssoButton(env: Env = process.env): { name: string } | null {
  const settings = ssoSettings(env);
  return settings ? { name: settings.name } : null;
}

/** Whether people may sign in and register with a password (MARGINALIA_PASSWORD_LOGIN, on unless "0" or "false"). */
export function passwordLoginEnabled(env: Env = process.env): boolean {
  const value = env.MARGINALIA_PASSWORD_LOGIN?.trim().toLowerCase();
  return value !== "0" && value !== "false" && value !== "off";
}

function parseDomains(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(",")
    .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
}

/** Whether an address's domain is one of the allowed ones (exactly: a subdomain is another domain). */
export function emailDomainAllowed(email: string, allowedDomains: readonly string[]): boolean {
  if (allowedDomains.length === 0) return true;
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  return allowedDomains.includes(domain);
}
