import { z } from "zod";
import { ANNOTATION_KINDS } from "@/lib/domain/words";
import { tagName } from "./annotation";
import { calendarDate, idField, lineText, queryWholeNumber } from "./common";

/** The longest search string taken (characters). */
export const QUERY_MAX_LENGTH = 500;

export const searchQuerySchema = z.object({
  q: lineText("q", "q is required: what to search for.").max(QUERY_MAX_LENGTH, `Search for at most ${QUERY_MAX_LENGTH} characters.`),
  kind: z.array(z.enum(ANNOTATION_KINDS)).max(4).optional(),
  tag: z.array(tagName).max(20).optional(),
  author: z.array(idField("author")).max(20).optional(),
  from: calendarDate("from").optional(),
  to: calendarDate("to").optional(),
  limit: queryWholeNumber("limit", { min: 1, max: 100 }).optional(),
  // Checked by the cursor itself: an altered one, or one of another search, is a 400.
  cursor: z.string().optional(),
});
export type SearchQueryInput = z.infer<typeof searchQuerySchema>;

/** The filters the search page offers, one value each (the API takes several of kind, tag and author). */
export const SEARCH_FILTER_KEYS = ["kind", "tag", "author", "from", "to"] as const;
export type SearchFilterValues = Record<(typeof SEARCH_FILTER_KEYS)[number], string>;

export function searchParamsToInput(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const q = params.get("q");
  if (q !== null) out.q = q;
  for (const key of ["kind", "tag", "author"]) {
    const values = params
      .getAll(key)
      .map((v) => v.trim())
      .filter(Boolean);
    if (values.length) out[key] = values;
  }
  for (const key of ["from", "to", "limit"]) {
    const v = params.get(key);
    if (v !== null && v.trim() !== "") out[key] = v.trim();
  }
  const cursor = params.get("cursor");
  if (cursor) out.cursor = cursor;
  return out;
}
