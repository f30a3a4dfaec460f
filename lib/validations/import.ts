import { z } from "zod";
import { calendarDate, documentText, lineText, queryWholeNumber, webAddress, wholeNumber } from "./common";
import { citationDetailsShape } from "./citation";

/** Report metadata a person can set or correct. */
export const reportMetadataSchema = z.object({
  title: lineText("Title").min(1, "The title cannot be empty.").max(300, "Title must be at most 300 characters.").optional(),
  subtitle: lineText("The subtitle").max(300, "The subtitle must be at most 300 characters.").nullable().optional(),
  authors: z
    .array(lineText("Author names").min(1, "Author names cannot be empty.").max(200, "Author names must be at most 200 characters."))
    .max(50)
    .optional(),
  publisher: lineText("The publisher").max(200, "The publisher must be at most 200 characters.").nullable().optional(),
  publishedAt: calendarDate("publishedAt").nullable().optional(),
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Language is a code such as en, ar or pt-BR.")
    .nullable()
    .optional(),
  sourceUrl: webAddress("The source", "The source must be a web address starting with http:// or https://.").nullable().optional(),
  ...citationDetailsShape,
});
export type ReportMetadataInput = z.infer<typeof reportMetadataSchema>;

/** The most passages a report may have: far beyond any real one (a 5 MB text of one-word lines). */
const MAX_PASSAGES = 1_000_000;
const passageNumber = (label: string) => wholeNumber(label, { min: 1, max: MAX_PASSAGES });

/**
 * What a person chose in the preview, by the dry run's passage numbers: passages to leave
 * out (`omit`), to join with the next (`merge`), and whose text becomes the authors, the
 * date or the subtitle. Checked against the passages on the server.
 */
export const importChoicesSchema = z.object({
  omit: z.array(passageNumber("Each omitted passage")).max(MAX_PASSAGES).optional(),
  merge: z.array(passageNumber("Each merged passage")).max(MAX_PASSAGES).optional(),
  authorsFrom: passageNumber("authorsFrom").optional(),
  publishedAtFrom: passageNumber("publishedAtFrom").optional(),
  subtitleFrom: passageNumber("subtitleFrom").optional(),
});
export type ImportChoicesInput = z.infer<typeof importChoicesSchema>;

/** A page of a dry run's passages: `?passageOffset=500&passageLimit=500`. */
export const previewPageSchema = z.object({
  passageOffset: queryWholeNumber("passageOffset", { min: 0, max: MAX_PASSAGES }).optional(),
  passageLimit: queryWholeNumber("passageLimit", { min: 1, max: 2000 }).optional(),
});

/** JSON import: pasted text or Markdown, or a web address to fetch. Files come as multipart. */
export const importJsonSchema = reportMetadataSchema.extend({
  ...importChoicesSchema.shape,
  format: z.enum(["text", "markdown", "url"], { error: "Format must be one of: text, markdown, url (or upload a file as multipart)." }),
  content: documentText("content").optional(),
  // Checked for what it names when it is fetched (lib/server/reports/fetch-url.ts).
  url: lineText("url").max(2000, "url must be at most 2,000 characters.").optional(),
});
export type ImportJsonInput = z.infer<typeof importJsonSchema>;
