import { z } from "zod";

export const IMPORT_FORMATS = ["text", "markdown"] as const;

export const importReportSchema = z.object({
  format: z.enum(IMPORT_FORMATS, { error: `Format must be one of: ${IMPORT_FORMATS.join(", ")}.` }),
  content: z.string({ error: "Content is required: the report's text." }),
  title: z.string().trim().max(300, "Title must be at most 300 characters.").optional(),
});
export type ImportReportInput = z.infer<typeof importReportSchema>;
