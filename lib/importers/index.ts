import { importMarkdown } from "./import-markdown";
import { importText } from "./import-text";
import { assertImportable } from "./normalize";
import type { ImportedReport, ImportFormat } from "./types";

// The file importers (import-file, import-docx, import-pdf, import-html) need Node and
// jsdom; import them by path on the server so this module stays light.
export { formatFromFileName, type ImportFileFormat } from "./file-format";
export { importMarkdown } from "./import-markdown";
export { importText } from "./import-text";
export {
  IMPORT_ERROR_STATUS,
  ImportError,
  MAX_FILE_BYTES,
  MAX_HTML_BYTES,
  MAX_IMPORT_BYTES,
  type FileFormat,
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
