import { z } from "zod";
import { ANNOTATION_KINDS, VISIBILITIES } from "./common";

export const BODY_MAX = 20_000;
export const CLAIM_SUMMARY_MAX = 300;
export const TAG_NAME_MAX = 40;
export const TAGS_PER_ANNOTATION_MAX = 10;
export const STATUSES = ["open", "resolved"] as const;
export const STANCES = ["supports", "disputes", "needs_evidence"] as const;
export const VERDICTS = ["unverified", "supported", "contested", "refuted"] as const;

const claimSummary = z
  .string()
  .trim()
  .max(CLAIM_SUMMARY_MAX, `The claim summary must be at most ${CLAIM_SUMMARY_MAX} characters.`)
  .refine((s) => !/[\r\n]/.test(s), "The claim summary is one line.");

const tagNames = z
  .array(z.string().trim().min(1, "Tag names cannot be empty.").max(TAG_NAME_MAX, `Tag names must be at most ${TAG_NAME_MAX} characters.`))
  .max(TAGS_PER_ANNOTATION_MAX, `An annotation can carry at most ${TAGS_PER_ANNOTATION_MAX} tags.`);

/** The largest body POST /reports/{id}/annotations reads: 20,000 characters can take up to 4 bytes each, plus JSON escaping. */
export const CREATE_ANNOTATION_MAX_BYTES = 256 * 1024;

export const createAnnotationSchema = z.object({
  passageId: z.string({ error: "passageId is required." }).min(1).max(64),
  start: z.number({ error: "start must be a number." }).int("start must be a whole number.").min(0, "start must be 0 or more."),
  end: z.number({ error: "end must be a number." }).int("end must be a whole number.").min(0, "end must be 0 or more."),
  // Markdown. Its size is checked by the server (413 when over BODY_MAX).
  body: z.string().optional(),
  kind: z.enum(ANNOTATION_KINDS).optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  claimSummary: claimSummary.optional(),
  tags: tagNames.optional(),
  // When sent, must equal the passage text between start and end.
  quote: z.string().max(BODY_MAX).optional(),
});
export type CreateAnnotationInput = z.infer<typeof createAnnotationSchema>;

export const updateAnnotationSchema = z.object({
  body: z.string().optional(),
  claimSummary: claimSummary.nullable().optional(),
  tags: tagNames.optional(),
  status: z.enum(STATUSES).optional(),
  version: z.number({ error: "version is required: send the version you read." }).int().min(1),
});
export type UpdateAnnotationInput = z.infer<typeof updateAnnotationSchema>;

export const createReplySchema = z.object({ body: z.string({ error: "body is required." }) });
export const updateReplySchema = z.object({
  body: z.string({ error: "body is required." }),
  version: z.number({ error: "version is required: send the version you read." }).int().min(1),
});

export const stanceSchema = z.object({
  stance: z.enum(STANCES, { error: `stance must be one of: ${STANCES.join(", ")}.` }),
  note: z.string().trim().max(2_000, "The note must be at most 2,000 characters.").optional(),
  evidence: z
    .object({
      url: z
        .string()
        .trim()
        .max(2_000)
        .refine((u) => /^https?:\/\/[^\s]+$/i.test(u), "Evidence links must start with http:// or https://.")
        .optional(),
      passageId: z.string().max(64).optional(),
      annotationId: z.string().max(64).optional(),
    })
    .refine((e) => [e.url, e.passageId, e.annotationId].filter(Boolean).length === 1, "Evidence is one of: a url, a passageId or an annotationId.")
    .optional(),
});
export type StanceInput = z.infer<typeof stanceSchema>;

export const verdictSchema = z.object({
  verdict: z.enum(VERDICTS, { error: `verdict must be one of: ${VERDICTS.join(", ")}.` }),
});

/** The sidebar's filters, as query parameters; repeated values mean "any of". */
export const annotationFiltersSchema = z.object({
  tag: z.array(z.string().max(TAG_NAME_MAX)).max(50).optional(),
  author: z.array(z.string().max(64)).max(50).optional(),
  kind: z.array(z.enum(ANNOTATION_KINDS)).optional(),
  verdict: z.array(z.enum(VERDICTS)).optional(),
  status: z.array(z.enum(STATUSES)).optional(),
  visibility: z.array(z.enum(VISIBILITIES)).optional(),
});
export type AnnotationFilters = z.infer<typeof annotationFiltersSchema>;

export function filtersFromSearchParams(params: URLSearchParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of ["tag", "author", "kind", "verdict", "status", "visibility"]) {
    // Repeat a parameter for several values: tag names may contain commas.
    const values = params.getAll(key).map((v) => v.trim()).filter(Boolean);
    if (values.length) out[key] = values;
  }
  return out;
}
