// No database here (only NEXTAUTH_SECRET, which no client bundle has): the end-to-end tests make a link with it.
import { createHmac, timingSafeEqual } from "node:crypto";
import { keyFromSecret } from "../secrets";

/**
 * The one-click unsubscribe link's token: the user's id and an HMAC of it, keyed by a key derived
 * from NEXTAUTH_SECRET for this use alone. It works without signing in, for as long as the secret
 * stays (an old email's link still works), and can do one thing only: turn that person's email off.
 */
const PURPOSE = "marginalia email unsubscribe v1";

const mac = (userId: string) => createHmac("sha256", keyFromSecret(PURPOSE)).update(userId).digest();

export function unsubscribeToken(userId: string): string {
  return `${Buffer.from(userId).toString("base64url")}.${mac(userId).toString("base64url")}`;
}

/** The user a token names, or null when it was not signed by us (or is not a token at all). */
export function userOfUnsubscribeToken(token: string): string | null {
  const [id, signature] = token.split(".");
  if (!id || !signature || token.split(".").length !== 2) return null;
  const userId = Buffer.from(id, "base64url").toString();
  const given = Buffer.from(signature, "base64url");
  const expected = mac(userId);
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
}

/**
 * A message's two unsubscribe links: `page`, in its text, opens a page that asks before it turns
 * email off (a link checker that opens every link changes nothing); `oneClick`, in its
 * List-Unsubscribe header, is the API a mail client POSTs `List-Unsubscribe=One-Click` to (RFC 8058).
 */
export function unsubscribeLinks(appUrl: string, userId: string): { page: string; oneClick: string } {
  const token = encodeURIComponent(unsubscribeToken(userId));
  return { page: `${appUrl}/unsubscribe?token=${token}`, oneClick: `${appUrl}/api/v1/email/unsubscribe?token=${token}` };
}
