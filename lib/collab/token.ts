import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The ticket a browser shows the collaboration server: who, which report's
 * notes, and whether they may write, signed by the app (HMAC-SHA256 with
 * NEXTAUTH_SECRET) and short-lived. The server still checks the membership in
 * the database when the connection opens; the token only says who is asking.
 */
export interface CollabClaims {
  userId: string;
  reportId: string;
  canWrite: boolean;
}

export interface VerifiedCollabClaims extends CollabClaims {
  /** Seconds since the epoch. */
  expiresAt: number;
}

const VERSION = "c1";
/** Long enough for any id; anything longer is not ours. */
const MAX_TOKEN_LENGTH = 1024;

const sign = (body: string, secret: string) => createHmac("sha256", secret).update(`${VERSION}.${body}`).digest();

export function createCollabToken(claims: CollabClaims, secret: string, ttlSeconds = 60 * 10, now = Date.now()): string {
  if (!secret) throw new Error("createCollabToken needs a secret");
  const payload = { u: claims.userId, r: claims.reportId, w: claims.canWrite, e: Math.floor(now / 1000) + ttlSeconds };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${VERSION}.${body}.${sign(body, secret).toString("base64url")}`;
}

/** The claims of a genuine, unexpired token; null for anything else (never throws). */
export function verifyCollabToken(token: unknown, secret: string, now = Date.now()): VerifiedCollabClaims | null {
  if (typeof token !== "string" || !secret || token.length > MAX_TOKEN_LENGTH) return null;
  const [version, body, signature, ...rest] = token.split(".");
  if (version !== VERSION || !body || !signature || rest.length > 0) return null;
  const expected = sign(body, secret);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const { u, r, w, e } = (payload ?? {}) as Record<string, unknown>;
  if (typeof u !== "string" || !u || typeof r !== "string" || !r || typeof w !== "boolean" || typeof e !== "number") return null;
  if (e * 1000 <= now) return null;
  return { userId: u, reportId: r, canWrite: w, expiresAt: e };
}
