import { z } from "zod";
import { annotationFiltersSchema } from "./annotation";
import { dateOrTime } from "./common";

export const EXPORT_FORMATS = ["markdown", "csv", "jsonld", "docx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const flag = (name: string, fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0"], { error: `${name} must be true or false.` })
    .optional()
    .transform((v) => (v === undefined ? fallback : v === "true" || v === "1"));

/** What every export takes besides the sidebar's filters (annotationFiltersSchema). */
export const exportOptionsSchema = z
  .object({
    // Annotations created on or after this day (UTC) …
    from: dateOrTime("from").optional(),
    // … and on or before this day (UTC, the whole day).
    to: dateOrTime("to").optional(),
    includeReplies: flag("includeReplies", true),
    // Your own private annotations; never anyone else's.
    includePrivate: flag("includePrivate", false),
    // Under each ¶ the Markdown export quotes, the translation's passage(s) aligned with it (issue 21).
    includeCounterpart: flag("includeCounterpart", false),
  })
  .refine((o) => !o.from || !o.to || Date.parse(o.from) <= Date.parse(o.to), { message: "from must not be after to.", path: ["to"] });

/** `includeCounterpart` may be left out by callers of their own (the workspace export): absent is false. */
export type ExportOptionsInput = Omit<z.infer<typeof exportOptionsSchema>, "includeCounterpart"> & { includeCounterpart?: boolean };
export const exportFiltersSchema = annotationFiltersSchema;

/** The export's query parameters that are not filters, read from a URL. */
export function exportOptionsFromSearchParams(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ["from", "to", "includeReplies", "includePrivate", "includeCounterpart"]) {
    const value = params.get(key);
    if (value !== null && value.trim() !== "") out[key] = value.trim();
  }
  return out;
}
