import { z } from "zod";
import { calendarDate, documentText, lineText, webAddress } from "./common";

export const SOURCE_FORMATS = ["text", "markdown", "url", "html", "docx", "pdf"] as const;

/** Report metadata a person can set or correct. */
export const reportMetadataSchema = z.object({
  title: lineText("Title").min(1, "The title cannot be empty.").max(300, "Title must be at most 300 characters.").optional(),
  subtitle: lineText("The subtitle").max(300, "The subtitle must be at most 300 characters.").nullable().optional(),
  authors: z.array(lineText("Author names").min(1, "Author names cannot be empty.").max(200, "Author names must be at most 200 characters.")).max(50).optional(),
  publisher: lineText("The publisher").max(200, "The publisher must be at most 200 characters.").nullable().optional(),
  publishedAt: calendarDate("publishedAt").nullable().optional(),
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Language is a code such as en, ar or pt-BR.")
    .nullable()
    .optional(),
  sourceUrl: webAddress("The source", "The source must be a web address starting with http:// or https://.").nullable().optional(),
});
export type ReportMetadataInput = z.infer<typeof reportMetadataSchema>;

/** JSON import: pasted text or Markdown, or a web address to fetch. Files come as multipart. */
export const importJsonSchema = reportMetadataSchema.extend({
  format: z.enum(["text", "markdown", "url"], { error: "Format must be one of: text, markdown, url (or upload a file as multipart)." }),
  content: documentText("content").optional(),
  // Checked for what it names when it is fetched (lib/server/import/fetch-url.ts).
  url: lineText("url").max(2000, "url must be at most 2,000 characters.").optional(),
});
export type ImportJsonInput = z.infer<typeof importJsonSchema>;
