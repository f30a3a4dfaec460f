import { NextResponse } from "next/server";
import { AppError, isAppError } from "@/lib/errors";
import { dataExceptionCode } from "@/lib/server/prisma-errors";

/** Bodies below this go out uncompressed: the `compression` middleware's own threshold (lib/http/app-server.ts). */
export const COMPRESS_MIN_BYTES = 1024;

/**
 * A JSON response. The app server gzips every response whose size it does not
 * know, and it drops a Content-Length set here, so a small answer would cost
 * more CPU in zlib than in the rest of the request. `no-transform` (which the
 * middleware honours) keeps bodies under its threshold as they are; larger
 * ones (lists, exports) are still compressed.
 */
export function json(data: unknown, status = 200): NextResponse {
  const body = JSON.stringify(data);
  return new NextResponse(body, { status, headers: jsonHeaders(body) });
}

/** The headers of a JSON answer: never cached, and left uncompressed when small. */
export function jsonHeaders(body: string): { "Content-Type": string; "Cache-Control": string } {
  const small = body.length < COMPRESS_MIN_BYTES && Buffer.byteLength(body) < COMPRESS_MIN_BYTES;
  return { "Content-Type": "application/json", "Cache-Control": small ? "no-store, no-transform" : "no-store" };
}

/** Turns anything thrown into the API's error shape; internal details are only logged. */
export function errorResponse(e: unknown): NextResponse {
  if (isAppError(e)) return json(e.toBody(), e.status);
  const refused = refusedByDatabase(e);
  if (refused) return refused;
  console.error("Unhandled API error", e);
  const internal = new AppError("internal_error", "Something went wrong on our side. Try again in a moment.");
  return json(internal.toBody(), internal.status);
}

/**
 * A value Postgres could not take (a data exception: NUL in text, a date or a number out
 * of range) means a value got past the schemas. The request was at fault, so it is a 422
 * rather than a 500; the miss is logged so that the schema that let it through is mended.
 */
function refusedByDatabase(e: unknown): NextResponse | null {
  const code = dataExceptionCode(e);
  if (!code) return null;
  console.error(`Missed validation: the database refused a value (SQLSTATE ${code}). A schema should have caught it.`, e);
  const message = "A value in the request cannot be stored (a control character, a broken character, or a date or number out of range).";
  const refused = new AppError("validation_failed", message, { issues: [{ path: "", message }] });
  return json(refused.toBody(), refused.status);
}
