import { z } from "zod";

export const SOURCE_FORMATS = ["text", "markdown", "url", "html", "docx", "pdf"] as const;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Dates are written YYYY-MM-DD.")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "That date does not exist.");

/** Report metadata a person can set or correct. */
export const reportMetadataSchema = z.object({
  title: z.string().trim().min(1, "The title cannot be empty.").max(300, "Title must be at most 300 characters.").optional(),
  subtitle: z.string().trim().max(300).nullable().optional(),
  authors: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  publisher: z.string().trim().max(200).nullable().optional(),
  publishedAt: isoDate.nullable().optional(),
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Language is a code such as en, ar or pt-BR.")
    .nullable()
    .optional(),
  sourceUrl: z
    .string()
    .trim()
    .max(2000)
    .refine((u) => /^https?:\/\/\S+$/i.test(u), "The source must be a web address starting with http:// or https://.")
    .nullable()
    .optional(),
});
export type ReportMetadataInput = z.infer<typeof reportMetadataSchema>;

/** JSON import: pasted text or Markdown, or a web address to fetch. Files come as multipart. */
export const importJsonSchema = reportMetadataSchema.extend({
  format: z.enum(["text", "markdown", "url"], { error: "Format must be one of: text, markdown, url (or upload a file as multipart)." }),
  content: z.string().optional(),
  url: z.string().trim().max(2000).optional(),
});
export type ImportJsonInput = z.infer<typeof importJsonSchema>;
