import { z } from "zod";
import { idField, queryWholeNumber } from "./common";

export const ACTIVITY_PAGE_DEFAULT = 50;
export const ACTIVITY_PAGE_MAX = 200;

/** The query of an activity feed: `?limit=&cursor=&actor=`. */
export const activityQuerySchema = z.object({
  limit: queryWholeNumber("limit", { min: 1, max: ACTIVITY_PAGE_MAX }).optional(),
  // Its size and contents are checked by the cursor itself: a bad cursor is a 400, like any other altered one.
  cursor: z.string().optional(),
  actor: idField("actor").optional(),
});

/** The parameters that are present, as the schema expects them (an empty `limit=` still counts, and fails). */
export function activityParamsToInput(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ["limit", "cursor", "actor"] as const) {
    const value = params.get(key);
    if (value !== null) out[key] = key === "cursor" ? value : value.trim();
  }
  return out;
}
