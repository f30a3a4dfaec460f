import { JSDOM, VirtualConsole } from "jsdom";
import mammoth from "mammoth";
import { htmlToPassages } from "./html-to-passages";
import { assertPassages, cleanField, pickTitle, primaryLanguage, takeFrontLines, trustedMetadataTitle } from "./report-front";
import { ImportError, type ImportedReport } from "./types";
import { unzipWithLimits, ZipFormatError, ZipSizeError, type ZipContents } from "./zip";

/** Most a .docx may inflate to, all parts together. */
export const MAX_DOCX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
// Deflate cannot do much better than 1000:1; Word's XML stays well under 100:1.
const MAX_RATIO = 200;
const RATIO_CHECK_FROM_BYTES = 1024 * 1024;
const MAX_ENTRIES = 10_000;
// Old binary Word files and password-protected .docx files are OLE compound files.
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const STYLE_MAP = [
  "p[style-name='Title'] => h1.docx-title:fresh",
  "p[style-name='Subtitle'] => p.docx-subtitle:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  // LibreOffice
  "p[style-name='Quotations'] => blockquote > p:fresh",
];
// How much further than the body a plain paragraph must be indented to read as a quote (twips).
const QUOTE_INDENT_TWIPS = 567;

const DAMAGED =
  "This .docx file is damaged or incomplete — it may not have finished downloading or copying. Open it in Word and save it again, or export it as PDF and import that.";

/**
 * A Word document, converted by mammoth to HTML and read like a web page. Its headings,
 * lists, tables, quotes (the Quote styles, or paragraphs indented further than the body)
 * and footnotes become passages.
 */
export async function importDocx(buffer: Buffer): Promise<ImportedReport> {
  const core = inspectArchive(buffer);

  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer },
      {
        styleMap: STYLE_MAP,
        // A style map inside the file would let the file decide how it is read.
        includeEmbeddedStyleMap: false,
        externalFileAccess: false,
        // Images are never read: an <img> with no source, which the passages skip.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })),
        transformDocument: markIndentedQuotes,
      },
    );
    html = result.value;
  } catch {
    throw new ImportError("corrupt", DAMAGED);
  }

  const { document } = new JSDOM(html, { virtualConsole: new VirtualConsole() }).window;
  const titleElement = document.querySelector("h1.docx-title");
  const subtitleElement = document.querySelector("p.docx-subtitle");
  const styledTitle = cleanField(titleElement?.textContent);
  const subtitle = cleanField(subtitleElement?.textContent);
  titleElement?.remove();
  subtitleElement?.remove();

  const all = htmlToPassages(document.body);
  const picked =
    styledTitle !== null
      ? { title: styledTitle, passages: all, titlePassage: { kind: "heading" as const, level: 1, text: styledTitle } }
      : pickTitle(all, trustedMetadataTitle(core.title));
  const { authors, publishedAt, passages } = takeFrontLines(picked.passages);
  assertPassages(
    passages,
    "No text was found in this Word document, only a title or images. Check that it is the right file; a scanned document needs OCR first.",
  );
  return {
    title: picked.title,
    publishedAt,
    passages,
    subtitle,
    authors,
    publisher: null,
    language: primaryLanguage(core.language),
    sourceUrl: null,
    titlePassage: picked.titlePassage,
  };
}

interface CoreProperties {
  title: string | null;
  language: string | null;
}

/**
 * Inflates every part of the archive, counting what comes out: refuses archives that hold
 * more than 10,000 parts or inflate past 100 MB in all, parts that inflate past what their
 * header declares or to an absurd compression ratio (zip bombs), whatever the headers say.
 * Returns the document's core properties (docProps/core.xml).
 */
function inspectArchive(buffer: Buffer): CoreProperties {
  if (buffer.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE)) {
    throw new ImportError(
      "unsupported",
      "This is an older Word (.doc) file or a password-protected document. Open it in Word, remove any password and save it as .docx, then import it again.",
    );
  }
  let archive: ZipContents;
  try {
    archive = unzipWithLimits(
      buffer,
      { maxEntries: MAX_ENTRIES, maxBytes: MAX_DOCX_UNCOMPRESSED_BYTES, maxRatio: { ratio: MAX_RATIO, fromBytes: RATIO_CHECK_FROM_BYTES } },
      (name) => name === "docProps/core.xml",
    );
  } catch (error) {
    if (error instanceof ZipSizeError) {
      throw new ImportError(
        "too_large",
        "This .docx file unpacks to more than 100 MB, more than a report can be. If it holds large images or embedded files, remove them and save it again.",
      );
    }
    if (error instanceof ZipFormatError) throw new ImportError("corrupt", DAMAGED);
    throw error;
  }
  if (!archive.names.includes("[Content_Types].xml")) throw new ImportError("corrupt", DAMAGED);
  const coreXml = Buffer.from(archive.files.get("docProps/core.xml") ?? []).toString("utf8");
  return { title: xmlField(coreXml, "dc:title"), language: xmlField(coreXml, "dc:language") };
}

function xmlField(xml: string, tag: string): string | null {
  const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
  return match ? cleanField(decodeXmlEntities(match[1])) : null;
}

function decodeXmlEntities(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity, body: string) => {
    if (body[0] !== "#") return named[body.toLowerCase()] ?? entity;
    const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : entity;
  });
}

// The parts of mammoth's document model this module reads and writes.
interface DocxElement {
  type: string;
  children?: DocxElement[];
  styleName?: string | null;
  numbering?: unknown;
  indent?: { start: string | null; hanging: string | null };
}

const PLAIN_STYLES = new Set(["", "normal", "body text", "body", "default", "text body"]);

/**
 * Word users often quote by indenting a plain paragraph instead of applying the Quote style.
 * A plain, unnumbered paragraph indented at least 1 cm further than most plain paragraphs
 * (and without the hanging indent of a bibliography) is given the Quote style.
 */
function markIndentedQuotes(document: DocxElement): DocxElement {
  const paragraphs: DocxElement[] = [];
  const collect = (element: DocxElement, inTable: boolean) => {
    const table = inTable || element.type === "table";
    if (element.type === "paragraph" && !table) paragraphs.push(element);
    for (const child of element.children ?? []) collect(child, table);
  };
  collect(document, false);

  const plain = paragraphs.filter(
    (p) => PLAIN_STYLES.has((p.styleName ?? "").toLowerCase()) && !p.numbering && !p.indent?.hanging && hasText(p),
  );
  const indentOf = (p: DocxElement) => Math.max(0, Number.parseInt(p.indent?.start ?? "0", 10) || 0);
  const counts = new Map<number, number>();
  for (const p of plain) counts.set(indentOf(p), (counts.get(indentOf(p)) ?? 0) + 1);
  // The body's indent: the most common one, the smaller on a tie.
  let bodyIndent = 0;
  let bodyCount = -1;
  for (const [indent, count] of counts) {
    if (count > bodyCount || (count === bodyCount && indent < bodyIndent)) [bodyIndent, bodyCount] = [indent, count];
  }
  for (const p of plain) {
    if (indentOf(p) >= bodyIndent + QUOTE_INDENT_TWIPS) p.styleName = "Quote";
  }
  return document;
}

function hasText(element: DocxElement): boolean {
  if (element.type === "text") return /\S/.test((element as { value?: string }).value ?? "");
  return (element.children ?? []).some(hasText);
}
