import { z } from "zod";
import { QUERY_MAX_LENGTH } from "@/lib/server/search/query";
import { ANNOTATION_KINDS } from "./common";

const day = (name: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${name} must be a day such as 2026-11-27.`)
    .refine((s) => !Number.isNaN(Date.parse(s)), `${name} is not a real date.`)
    .optional();

export const searchQuerySchema = z.object({
  q: z
    .string({ error: "q is required: what to search for." })
    .max(QUERY_MAX_LENGTH, `Search for at most ${QUERY_MAX_LENGTH} characters.`),
  kind: z.array(z.enum(ANNOTATION_KINDS)).max(4).optional(),
  tag: z.array(z.string().max(40)).max(20).optional(),
  author: z.array(z.string().max(64)).max(20).optional(),
  from: day("from"),
  to: day("to"),
  limit: z.coerce.number().int().min(1, "limit must be 1 or more.").max(100, "limit must be at most 100.").optional(),
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
    const values = params.getAll(key).map((v) => v.trim()).filter(Boolean);
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
