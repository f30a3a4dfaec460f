import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { collapseWhitespace, normalizeText } from "./normalize";
import { assertPassages, pickTitle, primaryLanguage, splitAuthors, takeLeadingDate, trustedMetadataTitle } from "./report-front";
import { ImportError, type ImportedPassage, type ImportedReport } from "./types";

/** Longest PDF read; reports run to a few hundred pages. */
export const MAX_PDF_PAGES = 2000;

// Line and paragraph heuristics, in units of the text's font size unless said otherwise.
/** Items whose baselines are closer than this belong to one line (superscripts included). */
const SAME_LINE = 0.5;
/** A baseline gap this many times the usual line spacing of the size starts a paragraph. */
const PARAGRAPH_GAP = 1.3;
/** A first line indented this much further than the paragraph's edge starts a paragraph. */
const FIRST_LINE_INDENT = 0.8;
/** A line ending in a full stop that is shorter than this share of the column ends a paragraph. */
const SHORT_LINE = 0.75;
/** Text at least this much larger than the body (and 1 pt larger) is a heading. */
const HEADING_RATIO = 1.15;
/** Text at most this much of the body's size is small print: notes, captions. */
const SMALL_RATIO = 0.9;
const HEADING_MAX_LENGTH = 200;
const HEADING_MAX_LINES = 3;
/** A line repeated at the top or bottom of this share of pages is a running header or footer. */
const RUNNING_SHARE = 0.4;
/** How many lines at each end of a page are looked at for headers, footers and page numbers. */
const EDGE_LINES = 2;

const TERMINAL = /[.!?…:;؟。]["'”’»)\]]*$/u;
const PAGE_NUMBER =
  /^(?:(?:page|p\.|pg\.?|seite|página|صفحة)\s*)?[-–—(\[]?\s*(?:\p{Nd}{1,3}|(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))\s*[-–—)\]]?(?:\s*(?:of|\/|من|von|de)\s*\p{Nd}{1,4})?$/iu;
const NOTE_START = /^(?:\[?\d{1,3}\]?|[*†‡§])(?:\s+|(?=\p{Lu}))\S/u;
const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/gu;
const LETTER = /\p{L}/gu;

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

interface Line {
  page: number;
  text: string;
  /** Left edge, right edge and baseline, in PDF units (y grows upwards). */
  left: number;
  right: number;
  y: number;
  size: number;
  rtl: boolean;
}

interface Block {
  lines: Line[];
  text: string;
  size: number;
  footnote: boolean;
}

const NO_TEXT =
  "This PDF has no text layer — it looks like a scan. Run OCR on it first (for example with your scanner's software or Adobe Acrobat), or paste the text.";
const NOT_A_PDF =
  "This file is not a PDF, or it is damaged. Check that you chose the right file; if it opens elsewhere, save it again as PDF.";

/**
 * A PDF's text layer, read with pdf.js: lines are rebuilt from positioned text, paragraphs
 * from line spacing and indentation, headings from font size; running headers, footers
 * and page numbers are dropped. Every passage remembers the page it starts on.
 */
export async function importPdf(buffer: Buffer): Promise<ImportedReport> {
  const head = buffer.subarray(0, 1024).toString("latin1");
  if (!head.includes("%PDF-")) throw new ImportError("corrupt", NOT_A_PDF);

  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    data: new Uint8Array(buffer),
    useSystemFonts: true,
    disableFontFace: true,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
    ...localAssets(),
  });
  try {
    let pdf: Awaited<typeof task.promise>;
    try {
      pdf = await task.promise;
    } catch (error) {
      if ((error as Error)?.name === "PasswordException") {
        throw new ImportError(
          "unsupported",
          "This PDF is password-protected. Open it, remove the password (or print it to a new PDF), and import it again.",
        );
      }
      throw new ImportError("corrupt", NOT_A_PDF);
    }
    if (pdf.numPages > MAX_PDF_PAGES) {
      throw new ImportError(
        "too_large",
        `This PDF has ${pdf.numPages.toLocaleString("en")} pages; one import can take at most ${MAX_PDF_PAGES.toLocaleString("en")}. Split it into parts and import each part separately.`,
      );
    }

    const pages: Line[][] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(readLines(content.items.filter((item) => "str" in item) as TextItem[], number));
      page.cleanup();
    }
    if (!pages.some((lines) => lines.some((line) => /\S/.test(line.text)))) throw new ImportError("no_text", NO_TEXT);

    const metadata = await pdf.getMetadata().catch(() => null);
    const info = (metadata?.info ?? {}) as Record<string, unknown>;
    const field = (name: string) => (typeof info[name] === "string" ? (info[name] as string) : null);
    const metadataTitle = trustedMetadataTitle(field("Title") ?? metadata?.metadata?.get("dc:title"));

    const all = passagesOf(removeRunningLines(pages));
    const picked = metadataTitle !== null ? withTitle(all, metadataTitle) : pickTitle(all, null);
    const { publishedAt, passages } = takeLeadingDate(picked.passages);
    assertPassages(passages, "No text was found in this PDF besides page headers, footers and numbers. Check that it is the right file.");
    return {
      title: picked.title,
      publishedAt,
      passages,
      subtitle: null,
      authors: splitAuthors(field("Author")),
      publisher: null,
      language: primaryLanguage(field("Language")),
      sourceUrl: null,
      titlePassage: picked.titlePassage,
    };
  } finally {
    await task.destroy();
  }
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: Promise<PdfJs> | null = null;

/**
 * pdf.js parses in a worker. Node has no web workers, so pdf.js runs its worker code on
 * the main thread ("fake worker"); handing it the worker module here, instead of letting it
 * import "./pdf.worker.mjs" by a path at run time, keeps that working once bundled.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const scope = globalThis as { pdfjsWorker?: unknown };
    scope.pdfjsWorker ??= await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    return import("pdfjs-dist/legacy/build/pdf.mjs");
  })();
  return pdfjs;
}

/**
 * pdf.js's character maps (for CJK fonts) and standard font data, read from the installed
 * package on disk. Never fetched from a network; when they cannot be found, pdf.js falls
 * back to its built-in metrics, which is enough for text.
 */
function localAssets(): { cMapUrl?: string; cMapPacked?: boolean; standardFontDataUrl?: string } {
  try {
    const root = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
    const cmaps = path.join(root, "cmaps") + path.sep;
    const fonts = path.join(root, "standard_fonts") + path.sep;
    return {
      ...(existsSync(cmaps) ? { cMapUrl: cmaps, cMapPacked: true } : {}),
      ...(existsSync(fonts) ? { standardFontDataUrl: fonts } : {}),
    };
  } catch {
    return {};
  }
}

function withTitle(
  passages: ImportedPassage[],
  title: string,
): { title: string; passages: ImportedPassage[]; titlePassage: ImportedPassage | null } {
  const first = passages[0];
  const repeated = first?.kind === "heading" && collapseWhitespace(first.text).toLowerCase() === title.toLowerCase();
  return { title, passages: repeated ? passages.slice(1) : passages, titlePassage: repeated ? first : null };
}

// ---------------------------------------------------------------------------------------
// Lines

interface Placed {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
}

/** Groups a page's text items into lines, in the order the page draws them. */
function readLines(items: TextItem[], page: number): Line[] {
  const groups: Placed[][] = [];
  let current: Placed[] = [];
  let lineY = 0;
  let lineSize = 0;
  for (const item of items) {
    const [a, b, c, d, x, y] = item.transform;
    // Rotated text is a stamp, a watermark or a margin note, not the report's prose.
    if (Math.abs(b) > Math.abs(a) * 0.1 || Math.abs(c) > Math.abs(d) * 0.1) continue;
    const size = Math.abs(d) || item.height;
    if (item.str === "" || size <= 0) continue;
    const placed: Placed = { text: item.str, left: x, right: x + item.width, y, size };
    if (current.length > 0 && Math.abs(y - lineY) <= SAME_LINE * Math.max(size, lineSize)) {
      current.push(placed);
      if (/\S/.test(item.str) && size > lineSize) [lineY, lineSize] = [y, size];
    } else {
      if (current.length > 0) groups.push(current);
      current = [placed];
      [lineY, lineSize] = [y, size];
    }
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group) => assembleLine(group, page)).filter((line): line is Line => line !== null);
}

/** One line's text: items in reading order, spaces where the page leaves a gap. */
function assembleLine(items: Placed[], page: number): Line | null {
  const visible = items.filter((item) => /\S/.test(item.text));
  if (visible.length === 0) return null;
  const size = dominant(visible.map((item) => [round(item.size), item.text.length]));
  const main = visible.find((item) => round(item.size) === size) ?? visible[0];
  const joined = items.map((item) => item.text).join("");
  const rtl = (joined.match(RTL_CHAR)?.length ?? 0) > (joined.match(LETTER)?.length ?? 0) / 2;

  const ordered = [...items].sort((p, q) => p.left - q.left);
  if (rtl) ordered.reverse();
  let text = "";
  let previous: Placed | null = null;
  for (const item of ordered) {
    if (previous !== null) {
      const gap = rtl ? previous.left - item.right : item.left - previous.right;
      if (gap > 0.2 * size && !/\s$/.test(text) && !/^\s/.test(item.text)) text += " ";
    }
    const superscript =
      previous !== null &&
      item.size < 0.85 * main.size &&
      item.y > main.y + 0.2 * main.size &&
      /^\d{1,3}(?:[,–-]\d{1,3})*$/.test(item.text.trim());
    text += superscript ? `[${item.text.trim()}]` : item.text;
    previous = item;
  }
  const clean = collapseWhitespace(normalizeText(text));
  if (clean === "") return null;
  return {
    page,
    text: clean,
    left: Math.min(...visible.map((item) => item.left)),
    right: Math.max(...visible.map((item) => item.right)),
    y: main.y,
    size,
    rtl,
  };
}

function round(size: number): number {
  return Math.round(size * 2) / 2;
}

/** The value carrying the most weight (ties go to the larger value). */
function dominant(pairs: [number, number][]): number {
  const weights = new Map<number, number>();
  for (const [value, weight] of pairs) weights.set(value, (weights.get(value) ?? 0) + weight);
  let best = pairs[0][0];
  for (const [value, weight] of weights) {
    const bestWeight = weights.get(best) ?? 0;
    if (weight > bestWeight || (weight === bestWeight && value > best)) best = value;
  }
  return best;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((p, q) => p - q);
  return sorted[Math.floor(sorted.length / 2)];
}

// ---------------------------------------------------------------------------------------
// Running headers, footers and page numbers

/**
 * The same line with any number in it, so "Report 2023 — 4" matches "Report 2023 — 5";
 * in the same type size, so a cover's big title is not taken for the running head repeating it.
 */
function runningKey(line: Line): string {
  return `${line.size}:${line.text
    .toLowerCase()
    .replace(/\p{Nd}+/gu, "#")
    .replace(/\s+/g, " ")}`;
}

/** Indices of the lines nearest the top and the bottom of a page. */
function edgeLines(lines: Line[]): Set<number> {
  const byHeight = lines.map((line, i) => [line.y, i] as const).sort((p, q) => q[0] - p[0]);
  const top = byHeight.slice(0, EDGE_LINES).map(([, i]) => i);
  const bottom = byHeight.slice(-EDGE_LINES).map(([, i]) => i);
  return new Set([...top, ...bottom]);
}

/**
 * Drops lines printed at the top or bottom of many pages (digits ignored, so numbered
 * running heads match) and bare page numbers there.
 */
function removeRunningLines(pages: Line[][]): Line[][] {
  const edges = pages.map(edgeLines);
  const pagesWithText = pages.filter((lines) => lines.length > 0).length;
  const counts = new Map<string, number>();
  pages.forEach((lines, p) => {
    const keys = new Set([...edges[p]].map((i) => runningKey(lines[i])));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const minimum = Math.max(2, Math.ceil(RUNNING_SHARE * pagesWithText));
  const running = (key: string) => pagesWithText >= 2 && (counts.get(key) ?? 0) >= minimum;

  return pages.map((lines, p) =>
    lines.filter((line, i) => !(edges[p].has(i) && (PAGE_NUMBER.test(line.text) || running(runningKey(line))))),
  );
}

// ---------------------------------------------------------------------------------------
// Paragraphs and headings

function passagesOf(pages: Line[][]): ImportedPassage[] {
  const lines = pages.flat();
  if (lines.length === 0) return [];
  const bodySize = dominant(lines.map((line) => [line.size, line.text.length]));
  const spacing = lineSpacings(pages);
  const isSmall = (line: Line) => line.size <= bodySize * SMALL_RATIO;
  // Small print below the page's last line of body text: the page's footnotes.
  const trailing = new Set<Line>();
  for (const page of pages) {
    for (let i = page.length - 1; i >= 0 && isSmall(page[i]); i--) trailing.add(page[i]);
  }

  const blocks: Block[] = [];
  let block: Block | null = null;
  let previous: Line | null = null;
  for (const line of lines) {
    const inNotes = trailing.has(line);
    const startsNote = inNotes && NOTE_START.test(line.text);
    if (block !== null && previous !== null && !startsNote && continues(block, previous, line, spacing, inNotes)) {
      block.text = joinLines(block.text, line.text);
      block.lines.push(line);
    } else if (previous !== null && previous.page !== line.page && !inNotes && resumeAcrossPage(blocks, line)) {
      // A paragraph that runs on from the previous page, past that page's footnotes.
      block = blocks.findLast((candidate) => !candidate.footnote) ?? null;
      if (block !== null) {
        block.text = joinLines(block.text, line.text);
        block.lines.push(line);
      }
    } else {
      block = { lines: [line], text: line.text, size: line.size, footnote: startsNote };
      blocks.push(block);
    }
    previous = line;
  }

  const headingSizes = [...new Set(blocks.filter((candidate) => isHeading(candidate, bodySize)).map((candidate) => candidate.size))].sort(
    (p, q) => q - p,
  );
  return blocks.map((candidate): ImportedPassage => {
    const page = candidate.lines[0].page;
    if (isHeading(candidate, bodySize)) {
      return { kind: "heading", level: Math.min(6, headingSizes.indexOf(candidate.size) + 1), text: candidate.text, page };
    }
    return { kind: candidate.footnote ? "footnote" : "paragraph", level: null, text: candidate.text, page };
  });
}

function isHeading(block: Block, bodySize: number): boolean {
  return (
    !block.footnote &&
    block.size >= bodySize * HEADING_RATIO &&
    block.size >= bodySize + 1 &&
    block.lines.length <= HEADING_MAX_LINES &&
    block.text.length <= HEADING_MAX_LENGTH &&
    /\p{L}/u.test(block.text)
  );
}

/** The usual distance between baselines for each font size, measured on the document. */
function lineSpacings(pages: Line[][]): Map<number, number> {
  const gaps = new Map<number, number[]>();
  for (const page of pages) {
    for (let i = 1; i < page.length; i++) {
      const [above, below] = [page[i - 1], page[i]];
      const gap = above.y - below.y;
      if (above.size === below.size && gap > 0 && gap < 3 * below.size) {
        gaps.set(below.size, [...(gaps.get(below.size) ?? []), gap]);
      }
    }
  }
  return new Map([...gaps].map(([size, values]) => [size, median(values) ?? size * 1.2]));
}

/** Whether `line` goes on with the block whose last line is `previous`. */
function continues(block: Block, previous: Line, line: Line, spacing: Map<number, number>, inNotes: boolean): boolean {
  if (line.size !== block.size) return false;
  if (previous.page !== line.page || line.y >= previous.y) {
    // A new page or a new column: only a sentence cut in the middle runs on.
    return !inNotes && runsOn(block.text, line.text);
  }
  const gap = previous.y - line.y;
  const usual = Math.min(spacing.get(line.size) ?? line.size * 1.2, line.size * 2);
  if (gap > PARAGRAPH_GAP * usual) return false;

  const edge = (l: Line) => (l.rtl ? -l.right : l.left);
  const blockEdge = Math.min(...block.lines.map(edge));
  const indented = edge(line) - blockEdge >= FIRST_LINE_INDENT * line.size;
  const previousAtEdge = Math.abs(edge(previous) - blockEdge) < 0.3 * line.size;
  if (indented && previousAtEdge) return false;

  const width = Math.max(...block.lines.map((l) => l.right - l.left));
  const previousShort = block.lines.length > 1 && previous.right - previous.left < SHORT_LINE * width;
  return !(previousShort && TERMINAL.test(previous.text));
}

/** A paragraph cut by a page break: it stops mid-sentence and the next line starts in lower case. */
function runsOn(text: string, next: string): boolean {
  if (/[-‐\u00AD]$/.test(text)) return true;
  return !TERMINAL.test(text) && /^\p{Ll}/u.test(next);
}

function resumeAcrossPage(blocks: Block[], line: Line): boolean {
  const last = blocks.findLast((candidate) => !candidate.footnote);
  return last !== undefined && last.size === line.size && blocks.at(-1) !== last && runsOn(last.text, line.text);
}

/**
 * Joins a line to the text before it. A word hyphenated across the line break is mended
 * when the line goes on in lower case ("regi-" + "me" → "regime"); before a capital the
 * hyphen is part of the word ("Franco-" + "German").
 */
export function joinLines(text: string, next: string): string {
  if (/\u00AD$/.test(text)) return text.slice(0, -1) + next;
  if (/\p{L}[-‐]$/u.test(text)) return /^\p{Ll}/u.test(next) ? text.slice(0, -1) + next : text + next;
  if (/\S[—–]$/u.test(text)) return text + next;
  return `${text} ${next}`;
}
