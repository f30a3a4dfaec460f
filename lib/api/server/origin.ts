import { AppError } from "@/lib/errors";

/** Methods that change nothing: never checked for their origin. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The one thing read of a request's headers here: a `Headers`, or the app server's view of a Node request's. */
export interface HeaderReader {
  get(name: string): string | null;
}

export const isSafeMethod = (method: string) => SAFE_METHODS.has(method.toUpperCase());

function originOf(url: string): string | null {
  try {
    const { origin } = new URL(url);
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

let cached: { key: string; origins: Set<string> } | undefined;

/**
 * The app's own origins: NEXTAUTH_URL's (the public URL every instance is
 * given), plus MARGINALIA_TRUSTED_ORIGINS (comma-separated) for a second
 * public name. Read from the environment on each call, cached by its value.
 */
export function trustedOrigins(env: Record<string, string | undefined> = process.env): Set<string> {
  const key = `${env.NEXTAUTH_URL ?? ""}|${env.MARGINALIA_TRUSTED_ORIGINS ?? ""}`;
  if (cached?.key === key) return cached.origins;
  const listed = [env.NEXTAUTH_URL ?? "", ...(env.MARGINALIA_TRUSTED_ORIGINS ?? "").split(",")].map((s) => s.trim()).filter(Boolean);
  const origins = new Set(listed.map(originOf).filter((o): o is string => o !== null));
  cached = { key, origins };
  return origins;
}

/** How a request showed where it came from, and whether that is us. */
export type OriginVerdict = "same-origin" | "cross-origin" | "unknown";

/**
 * Where a browser request comes from, by the headers a page cannot forge:
 * `Origin` (sent by every current browser on a request that is not a GET),
 * else `Sec-Fetch-Site`, else the `Referer`'s origin. A request with none of
 * them is "unknown" (a script with a copied cookie, or a very old browser).
 */
export function requestOrigin(headers: HeaderReader, trusted: Set<string> = trustedOrigins()): OriginVerdict {
  const origin = headers.get("origin");
  if (origin !== null) return trusted.has(origin.trim()) ? "same-origin" : "cross-origin";
  const site = headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin" ? "same-origin" : "cross-origin";
  const referer = headers.get("referer");
  if (referer) {
    const from = originOf(referer);
    return from !== null && trusted.has(from) ? "same-origin" : "cross-origin";
  }
  return "unknown";
}

/**
 * Cross-site request protection for a request authenticated by the session
 * cookie: one that changes something must come from the app's own pages.
 * `SameSite=Lax` alone lets a sibling subdomain or another port of the same
 * host write as the signed-in user.
 */
export function assertSameOrigin(req: { method: string; headers: HeaderReader }): void {
  if (isSafeMethod(req.method)) return;
  const verdict = requestOrigin(req.headers);
  if (verdict === "same-origin") return;
  throw new AppError(
    "cross_origin",
    verdict === "unknown"
      ? "This request changes something but does not say where it comes from (no Origin header). Use the app, or send a personal access token."
      : "This request comes from another site, so it was refused. Use Marginalia itself, or send a personal access token.",
  );
}

/**
 * For requests with no session to protect (registration, signing in): a
 * browser that names another site is refused; a script that names none is let through.
 */
export function assertNotCrossOrigin(req: { method: string; headers: HeaderReader }): void {
  if (isSafeMethod(req.method)) return;
  if (requestOrigin(req.headers) === "cross-origin") assertSameOrigin(req);
}
