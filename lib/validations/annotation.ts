import { z } from "zod";
import { ANNOTATION_KINDS, ANNOTATION_STATUSES, STANCES, VERDICTS, VISIBILITIES } from "@/lib/domain/words";
import { idField, isCalendarDate, lineText, multilineText, webAddress, wholeNumber } from "./common";

export const BODY_MAX = 20_000;
export const CLAIM_SUMMARY_MAX = 300;
export const TAG_NAME_MAX = 40;
export const TAGS_PER_ANNOTATION_MAX = 10;

const claimSummary = lineText("The claim summary").max(
  CLAIM_SUMMARY_MAX,
  `The claim summary must be at most ${CLAIM_SUMMARY_MAX} characters.`,
);

/** A tag's name, wherever one is sent: creating a tag, tagging an annotation, filtering by tag. */
export const tagName = lineText("Tag names", "Tag name is required.").max(
  TAG_NAME_MAX,
  `Tag names must be at most ${TAG_NAME_MAX} characters.`,
);

const tagNames = z
  .array(tagName.min(1, "Tag names cannot be empty."))
  .max(TAGS_PER_ANNOTATION_MAX, `An annotation can carry at most ${TAGS_PER_ANNOTATION_MAX} tags.`);

/** Markdown, in several lines. Its size is checked by the server (413 when over BODY_MAX). */
const body = multilineText("body", "body is required.");

/** The version an edit was made on: a stale one is a 409. */
const version = wholeNumber("version", { min: 1, error: "version is required: send the version you read." });

/** The largest body POST /reports/{id}/annotations reads: 20,000 characters can take up to 4 bytes each, plus JSON escaping. */
export const CREATE_ANNOTATION_MAX_BYTES = 256 * 1024;

export const createAnnotationSchema = z.object({
  passageId: idField("passageId"),
  start: wholeNumber("start", { min: 0 }),
  end: wholeNumber("end", { min: 0 }),
  body: body.optional(),
  kind: z.enum(ANNOTATION_KINDS).optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  claimSummary: claimSummary.optional(),
  tags: tagNames.optional(),
  // When sent, must equal the passage text between start and end.
  quote: multilineText("quote").max(BODY_MAX).optional(),
});
export type CreateAnnotationInput = z.infer<typeof createAnnotationSchema>;

/** Where PUT /annotations/{id}/anchor re-attaches an annotation. */
export const anchorSchema = createAnnotationSchema.pick({ passageId: true, start: true, end: true });

/** A due date: a calendar day, "YYYY-MM-DD" (a UTC day, see lib/domain/assignments.ts). */
export const dueDate = z
  .string({ error: "dueAt must be a date (YYYY-MM-DD), or null." })
  .refine(isCalendarDate, "dueAt must be a date (YYYY-MM-DD), or null.");

export const updateAnnotationSchema = z.object({
  body: body.optional(),
  claimSummary: claimSummary.nullable().optional(),
  tags: tagNames.optional(),
  status: z.enum(ANNOTATION_STATUSES).optional(),
  // The member the thread is assigned to, or null to unassign (which clears the due date too).
  assigneeId: idField("assigneeId").nullable().optional(),
  dueAt: dueDate.nullable().optional(),
  version,
});
export type UpdateAnnotationInput = z.infer<typeof updateAnnotationSchema>;

export const createReplySchema = z.object({ body });
export const updateReplySchema = z.object({ body, version });

export const stanceSchema = z.object({
  stance: z.enum(STANCES, { error: `stance must be one of: ${STANCES.join(", ")}.` }),
  note: multilineText("The note").trim().max(2_000, "The note must be at most 2,000 characters.").optional(),
  evidence: z
    .object({
      url: webAddress("The evidence link", "Evidence links must start with http:// or https://.").optional(),
      passageId: idField("passageId").optional(),
      annotationId: idField("annotationId").optional(),
    })
    .refine(
      (e) => [e.url, e.passageId, e.annotationId].filter(Boolean).length === 1,
      "Evidence is one of: a url, a passageId or an annotationId.",
    )
    .optional(),
});
export type StanceInput = z.infer<typeof stanceSchema>;

export const verdictSchema = z.object({
  verdict: z.enum(VERDICTS, { error: `verdict must be one of: ${VERDICTS.join(", ")}.` }),
});

/** What `due=` can ask for. */
export const DUE_FILTERS = ["overdue"] as const;

/** The sidebar's filters, as query parameters; repeated values mean "any of". */
export const annotationFiltersSchema = z.object({
  tag: z.array(tagName).max(50).optional(),
  author: z.array(idField("author")).max(50).optional(),
  kind: z.array(z.enum(ANNOTATION_KINDS)).optional(),
  verdict: z.array(z.enum(VERDICTS)).optional(),
  status: z.array(z.enum(ANNOTATION_STATUSES)).optional(),
  visibility: z.array(z.enum(VISIBILITIES)).optional(),
  // `me` or a member's id: threads assigned to them.
  assignee: z
    .array(z.union([z.literal("me"), idField("assignee")]))
    .max(50)
    .optional(),
  // `overdue`: open threads whose due date has passed.
  due: z.array(z.enum(DUE_FILTERS, { error: `due must be one of: ${DUE_FILTERS.join(", ")}.` })).optional(),
});
export type AnnotationFilters = z.infer<typeof annotationFiltersSchema>;

export function filtersFromSearchParams(params: URLSearchParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of ["tag", "author", "kind", "verdict", "status", "visibility", "assignee", "due"]) {
    // Repeat a parameter for several values: tag names may contain commas.
    const values = params
      .getAll(key)
      .map((v) => v.trim())
      .filter(Boolean);
    if (values.length) out[key] = values;
  }
  return out;
}
