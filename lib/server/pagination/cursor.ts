import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";

/** Longer than any cursor we hand out; anything past it is refused before it is parsed. */
export const MAX_CURSOR_LENGTH = 512;

const SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

let processSecret: string | null = null;

/**
 * The key cursors are signed with: derived from NEXTAUTH_SECRET (shared by every
 * instance, so a cursor from one works on another) rather than the secret itself,
 * so a cursor never doubles as anything NextAuth would accept. Without it, a
 * random key for this process: its cursors then last only as long as it runs.
 */
export function cursorSecret(): string {
  const base = process.env.NEXTAUTH_SECRET || (processSecret ??= randomBytes(32).toString("base64url"));
  return createHmac("sha256", base).update("marginalia:pagination-cursor:v1").digest("base64url");
}

const sign = (body: string, secret: string) => createHmac("sha256", secret).update(body).digest("base64url");

const invalid = () => new AppError("bad_request", "That cursor is not valid. Start again from the first page (without `cursor`).");

/**
 * An opaque cursor: the payload as base64url JSON, a dot, and the HMAC-SHA256
 * of that text. The MAC covers the text itself, not the bytes it decodes to, so
 * no two spellings of one payload pass.
 */
export function encodeCursor(payload: object, secret = cursorSecret()): string {
  const body = Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
  return `${body}.${sign(body, secret)}`;
}

/** The payload of a cursor we signed; anything altered, forged, malformed or oversized is a 400. */
export function decodeCursor(cursor: string, secret = cursorSecret()): Record<string, unknown> {
  if (typeof cursor !== "string" || cursor.length > MAX_CURSOR_LENGTH || !SHAPE.test(cursor)) throw invalid();
  const [body, mac] = cursor.split(".");
  const expected = Buffer.from(sign(body, secret), "utf8");
  const given = Buffer.from(mac, "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) throw invalid();
  return payload as Record<string, unknown>;
}
