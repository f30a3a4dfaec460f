import { NextResponse } from "next/server";
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from "@/lib/db/unavailable";
import { AppError, isAppError } from "@/lib/errors";
import { logger } from "@/lib/runtime/logger";
import { currentRequest } from "@/lib/runtime/request-context";
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
  if (isAppError(e)) {
    if (e.code === "unavailable") return unavailableResponse(e);
    const response = json(e.toBody(), e.status);
    if (e.retryAfterSeconds !== undefined) response.headers.set("Retry-After", String(Math.max(1, Math.ceil(e.retryAfterSeconds))));
    return response;
  }
  const refused = refusedByDatabase(e);
  if (refused) return refused;
  if (isDatabaseUnavailable(e)) {
    logger().warn({ reqId: currentRequest()?.requestId, err: errorText(e) }, "database unavailable");
    return unavailableResponse();
  }
  logger().error(
    { reqId: currentRequest()?.requestId, err: e instanceof Error ? { message: e.message, stack: e.stack } : String(e) },
    "unhandled API error",
  );
  const internal = new AppError("internal_error", "Something went wrong on our side. Try again in a moment.");
  return json(internal.toBody(), internal.status);
}

/** `503` with `Retry-After`: the database is away (restarting, unreachable); nothing was written. */
export function unavailableResponse(
  e = new AppError("unavailable", "Marginalia cannot reach its database right now. Nothing was changed; try again in a few seconds."),
): NextResponse {
  const response = json(e.toBody(), 503);
  response.headers.set("Retry-After", String(UNAVAILABLE_RETRY_AFTER_SECONDS));
  return response;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * A value Postgres could not take (a data exception: NUL in text, a date or a number out
 * of range) means a value got past the schemas. The request was at fault, so it is a 422
 * rather than a 500; the miss is logged so that the schema that let it through is mended.
 */
function refusedByDatabase(e: unknown): NextResponse | null {
  const code = dataExceptionCode(e);
  if (!code) return null;
  logger().error(
    { reqId: currentRequest()?.requestId, sqlstate: code, err: errorText(e) },
    "missed validation: the database refused a value a schema should have caught",
  );
  const message = "A value in the request cannot be stored (a control character, a broken character, or a date or number out of range).";
  const refused = new AppError("validation_failed", message, { issues: [{ path: "", message }] });
  return json(refused.toBody(), refused.status);
}
