import { importDocx } from "./import-docx";
import { importHtml } from "./import-html";
import { importPdf } from "./import-pdf";
import type { ImportFileFormat } from "./file-format";
import { importReport } from "./index";
import { ImportError, MAX_FILE_BYTES, type ImportedReport } from "./types";

export { formatFromFileName, type ImportFileFormat } from "./file-format";

/**
 * Reads an uploaded file (or a fetched page) of the given format into a report. Throws
 * ImportError, whose message can be shown to the user, when the file is too large, empty,
 * damaged, a scan without text, or holds no passages.
 */
export async function importFile(format: ImportFileFormat, data: Buffer, options: { url?: string } = {}): Promise<ImportedReport> {
  if (data.length > MAX_FILE_BYTES) {
    throw new ImportError(
      "too_large",
      "The file is larger than 25 MB, the most one import can take. Save it without images, or split it into parts and import each part separately.",
    );
  }
  if (data.length === 0) {
    throw new ImportError("empty", "The file is empty. Check that it is the right file, or paste the report's text instead.");
  }
  switch (format) {
    case "docx":
      return importDocx(data);
    case "pdf":
      return importPdf(data);
    case "html":
      return importHtml(decodeHtml(data), options);
    case "text":
    case "markdown":
      return importReport(format, decodeText(data));
    default:
      throw new ImportError("unsupported", "This kind of file cannot be imported. Use .docx, .pdf, .html, .md or .txt.");
  }
}

/** UTF-8, or UTF-16 when a byte order mark says so (Windows Notepad's "Unicode"). */
function decodeText(data: Buffer): string {
  const bom = byteOrderMark(data);
  return new TextDecoder(bom ?? "utf-8").decode(data);
}

/**
 * A web page's bytes as text: by its byte order mark, else by the charset its first
 * kilobyte declares in a <meta> tag (many Arabic and Persian sites still use
 * windows-1256), else UTF-8.
 */
function decodeHtml(data: Buffer): string {
  const bom = byteOrderMark(data);
  if (bom !== null) return new TextDecoder(bom).decode(data);
  const head = data.subarray(0, 1024).toString("latin1");
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  if (declared && !/^utf-?16/i.test(declared)) {
    try {
      return new TextDecoder(declared).decode(data);
    } catch {
      // An unknown label: read as UTF-8.
    }
  }
  return new TextDecoder("utf-8").decode(data);
}

function byteOrderMark(data: Buffer): string | null {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return "utf-8";
  if (data[0] === 0xff && data[1] === 0xfe) return "utf-16le";
  if (data[0] === 0xfe && data[1] === 0xff) return "utf-16be";
  return null;
}
