import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes as base64url (43 characters): the secret part of a token or a link. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored of a secret: its SHA-256, in hex. A leaked table gives no working token or link. */
export function secretDigest(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
