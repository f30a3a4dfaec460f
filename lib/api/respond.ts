import { NextResponse } from "next/server";
import { AppError, isAppError } from "@/lib/errors";

export function json(data: unknown, status = 200): NextResponse {
  return NextResponse.json(data, { status, headers: { "Cache-Control": "no-store" } });
}

/** Turns anything thrown into the API's error shape; internal details are only logged. */
export function errorResponse(e: unknown): NextResponse {
  if (isAppError(e)) return json(e.toBody(), e.status);
  console.error("Unhandled API error", e);
  const internal = new AppError("internal_error", "Something went wrong on our side. Try again in a moment.");
  return json(internal.toBody(), internal.status);
}
