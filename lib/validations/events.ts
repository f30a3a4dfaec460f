import { AppError } from "@/lib/errors";
import { SESSION_ID } from "./presence";

const EVENT_ID = /^\d{1,18}$/;

/**
 * What a live stream's request asks for: where to resume (`Last-Event-ID`, which EventSource
 * sends when it reconnects, else `?after=`) and the page's session (`?session=`, for presence).
 */
export function eventStreamQuery(input: { lastEventId: string | null; after: string | null; session: string | null }): {
  afterId: bigint | null;
  sessionId: string | null;
} {
  const after = input.lastEventId ?? input.after;
  if (after !== null && !EVENT_ID.test(after.trim()))
    throw new AppError("bad_request", "Last-Event-ID (or after) must be the id of an event.");
  if (input.session !== null && !SESSION_ID.test(input.session))
    throw new AppError("bad_request", "session must be 8–64 letters, digits or dashes.");
  return { afterId: after === null ? null : BigInt(after.trim()), sessionId: input.session };
}
