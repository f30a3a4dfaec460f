import { API_CONTENT_SECURITY_POLICY } from "./content-security-policy";

/** Sent with every response: by Next.js (next.config.ts) and by the app server's own routes (lib/http). */
export const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/**
 * The API's policy, for `/api/` (next.config.ts) and the app server's own API answers. Pages get
 * theirs, with a nonce, from proxy.ts: one policy per response, as browsers enforce every one sent.
 */
export const apiContentSecurityPolicyHeader = { key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY };

/** Everything an API answer carries. */
export const apiSecurityHeaders = [...securityHeaders, apiContentSecurityPolicyHeader];

/**
 * Whether the app is served over https, by its public address (NEXTAUTH_URL).
 * The configured address rather than the request: TLS usually ends at a
 * reverse proxy, so the request the app sees is plain http whatever the
 * browser used, and X-Forwarded-Proto is whatever the client or proxy says.
 */
export function servedOverHttps(publicUrl: string | undefined = process.env.NEXTAUTH_URL): boolean {
  return publicUrl?.trim().toLowerCase().startsWith("https://") ?? false;
}

export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/**
 * HSTS, only when the app is served over https: a browser that has seen it
 * never reaches this host over plain http for a year. Never over http (a
 * browser ignores it there anyway, and `localhost` development must keep
 * working). Read when the server starts, not from next.config.ts, whose
 * headers are fixed when the app is built (one build is copied to every instance).
 */
export function transportSecurityHeaders(publicUrl: string | undefined = process.env.NEXTAUTH_URL): { key: string; value: string }[] {
  return servedOverHttps(publicUrl) ? [{ key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY }] : [];
}
