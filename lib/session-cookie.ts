import { createSecretKey, hkdfSync, type KeyObject } from "node:crypto";
import { parse } from "cookie";
import { jwtDecrypt } from "jose";

/** What a session cookie says once decrypted: who, and which session row vouches for it. */
export interface SessionClaim {
  userId: string;
  sessionId: string;
}

/** NextAuth's cookie name: `__Secure-` when the app is served over https (NEXTAUTH_URL), as NextAuth itself chooses it. */
export function sessionCookieName(env: Record<string, string | undefined> = process.env): string {
  const secure = env.NEXTAUTH_URL?.startsWith("https://") ?? Boolean(env.VERCEL);
  return secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

const keys = new Map<string, KeyObject>();

/**
 * The key NextAuth encrypts its JWT cookie with: HKDF-SHA256 of the secret (empty salt,
 * NextAuth's info string), 32 bytes for A256GCM. NextAuth derives it again for every
 * request it reads a cookie for (an async HKDF and a key import each time); the key only
 * changes with the secret, so it is derived once per secret and kept as a KeyObject.
 */
function encryptionKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32)));
    keys.set(secret, key);
  }
  return key;
}

/** The cookie's value: whole, or in NextAuth's numbered chunks (`name.0`, `name.1`…) for a long one. */
function cookieValue(cookies: Record<string, string | undefined>, name: string): string | null {
  const whole = cookies[name];
  if (whole) return whole;
  const chunks: string[] = [];
  for (let i = 0; cookies[`${name}.${i}`] !== undefined; i++) chunks.push(cookies[`${name}.${i}`]!);
  return chunks.length ? chunks.join("") : null;
}

/**
 * The session a request's cookie claims, or null (no cookie, a cookie this secret did not
 * make, expired, or without a session id). This only reads the cookie: whether the session
 * is still open is the `sessions` row's to say (userOfSession, or the statement that writes).
 * It reads what NextAuth's `getToken` reads, with the same checks (`jwtDecrypt`, 15 s clock tolerance).
 */
export async function sessionOfCookie(
  cookieHeader: string | null | undefined,
  secret = process.env.NEXTAUTH_SECRET,
): Promise<SessionClaim | null> {
  if (!cookieHeader || !secret) return null;
  const token = cookieValue(parse(cookieHeader), sessionCookieName());
  if (!token) return null;
  const known = readCookies.get(token);
  if (known && known.secret === secret && Date.now() < known.expiresAtMs) return known.claim;
  try {
    const { payload } = await jwtDecrypt(token, encryptionKey(secret), { clockTolerance: CLOCK_TOLERANCE_S });
    const claim =
      typeof payload.sub === "string" && payload.sub && typeof payload.sid === "string" && payload.sid
        ? { userId: payload.sub, sessionId: payload.sid }
        : null;
    if (claim && typeof payload.exp === "number") remember(token, { claim, secret, expiresAtMs: (payload.exp + CLOCK_TOLERANCE_S) * 1000 });
    return claim;
  } catch {
    return null;
  }
}

const CLOCK_TOLERANCE_S = 15;
/** How many decrypted cookies are kept: a browser sends the same cookie with every request. */
const READ_COOKIES_MAX = 2_000;
const readCookies = new Map<string, { claim: SessionClaim; secret: string; expiresAtMs: number }>();

/**
 * A cookie once decrypted is kept (until it expires) with what it said, so the same cookie is
 * not decrypted again on each request: what a cookie says never changes. Whether its session
 * is still open is not kept here: that is asked of the `sessions` row every time.
 */
function remember(token: string, entry: { claim: SessionClaim; secret: string; expiresAtMs: number }): void {
  if (readCookies.size >= READ_COOKIES_MAX) readCookies.delete(readCookies.keys().next().value!);
  readCookies.set(token, entry);
}
