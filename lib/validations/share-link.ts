import { z } from "zod";
import { SHARE_ANNOTATIONS } from "@/lib/domain/share-links";
import { dateOrTime, isCalendarDate } from "./common";

/**
 * A share link's options. `expiresAt` is a calendar day (the link works to the end of that day,
 * UTC) or an ISO 8601 time; without it the link works until it is revoked. The team notes come
 * only with the team's annotations.
 */
export const createShareLinkSchema = z
  .object({
    annotations: z.enum(SHARE_ANNOTATIONS, { error: `Annotations must be one of: ${SHARE_ANNOTATIONS.join(", ")}.` }),
    notes: z.boolean({ error: "Notes must be true or false." }).default(false),
    expiresAt: dateOrTime("Expiry").nullish(),
  })
  .refine((v) => !(v.notes && v.annotations === "none"), {
    path: ["notes"],
    message: "The team notes can be shared only with the team's annotations (annotations: team).",
  });
export type CreateShareLinkInput = z.infer<typeof createShareLinkSchema>;

/** When an expiry the schema accepted ends: the end of a calendar day (UTC), or the time itself. */
export function expiryInstant(expiresAt: string): Date {
  return isCalendarDate(expiresAt) ? new Date(Date.parse(`${expiresAt}T00:00:00Z`) + 24 * 60 * 60 * 1000) : new Date(expiresAt);
}

/** The secret at the end of a share link (`/s/{token}`): 32 random bytes, base64url. */
export const SHARE_TOKEN = /^[A-Za-z0-9_-]{43}$/;
