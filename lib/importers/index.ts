import { importMarkdown } from "./import-markdown";
import { importText } from "./import-text";
import { assertImportable } from "./normalize";
import type { ImportedReport, ImportFormat } from "./types";

export { importMarkdown } from "./import-markdown";
export { importText } from "./import-text";
export {
  ImportError,
  MAX_IMPORT_BYTES,
  type ImportErrorReason,
  type ImportFormat,
  type ImportedPassage,
  type ImportedReport,
  type PassageKind,
} from "./types";

/**
 * Turns what a user pasted or uploaded into a report's passages. Throws ImportError, whose
 * message can be shown to the user, when the content is too large, empty or binary, or
 * when nothing readable is left after cleaning.
 */
export function importReport(format: ImportFormat, content: string): ImportedReport {
  assertImportable(content);
  return format === "markdown" ? importMarkdown(content) : importText(content);
}
