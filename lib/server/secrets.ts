import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";

/** 32 random bytes as base64url (43 characters): the secret part of a token or a link. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored of a secret: its SHA-256, in hex. A leaked table gives no working token or link. */
export function secretDigest(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

let derived: { secret: string; keys: Map<string, Buffer> } | null = null;

/** A 32-byte key for one use (`purpose`), derived from NEXTAUTH_SECRET with HKDF: once per secret and purpose. */
export function keyFromSecret(purpose: string): Buffer {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error(`NEXTAUTH_SECRET is not set: no key for ${purpose}.`);
  if (derived?.secret !== secret) derived = { secret, keys: new Map() };
  let key = derived.keys.get(purpose);
  if (!key) derived.keys.set(purpose, (key = Buffer.from(hkdfSync("sha256", secret, "", purpose, 32))));
  return key;
}

const SEAL = "marginalia sealed v1";

/**
 * A secret kept for a while (an invitation's link until its email has gone), encrypted and
 * authenticated (AES-256-GCM) with a key derived from NEXTAUTH_SECRET: a copy of the table alone
 * gives no working link. `v1.{iv}.{tag}.{ciphertext}`, base64url.
 */
export function seal(text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFromSecret(SEAL), iv);
  const data = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** What `seal` sealed, or null when it was not sealed with this secret (or was changed). */
export function unseal(sealed: string): string | null {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFromSecret(SEAL), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
