import { z } from "zod";
import { documentText, lineText, queryWholeNumber } from "./common";

export const IMPORT_FORMATS = ["text", "markdown"] as const;

export const importReportSchema = z.object({
  format: z.enum(IMPORT_FORMATS, { error: `Format must be one of: ${IMPORT_FORMATS.join(", ")}.` }),
  content: documentText("Content", "Content is required: the report's text."),
  title: lineText("Title").max(300, "Title must be at most 300 characters.").optional(),
});
export type ImportReportInput = z.infer<typeof importReportSchema>;

/** `?version=N`: one of a report's versions, counted from 1. */
export const versionQuerySchema = z.object({ version: queryWholeNumber("version", { min: 1 }).optional() });
