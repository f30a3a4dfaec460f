/**
 * Inline formatting kept from an imported document (bold, italic, links) beside a
 * passage's plain text. The text and its code point offsets never change: every
 * annotation's anchor counts in them. A mark is a range over those offsets, and a
 * link's address is kept only when it is http(s) or mailto.
 */
export type PassageMarkType = "bold" | "italic" | "link";

export interface PassageMark {
  type: PassageMarkType;
  /** Code point offsets in the passage's text, start inclusive, end exclusive. */
  start: number;
  end: number;
  /** For links only: an http(s) or mailto address. */
  href?: string;
}

/** A stretch of text with the same formatting throughout. */
export interface MarkedRun {
  text: string;
  bold: boolean;
  italic: boolean;
  href: string | null;
}

const MAX_HREF_LENGTH = 2000;

/** The address when it is http(s) or mailto (nothing that runs script or reads files), else null. */
export function safeHref(value: string | null | undefined): string | null {
  const href = (value ?? "").trim();
  if (href === "" || href.length > MAX_HREF_LENGTH || /[\u0000-\u001f\u007f\s]/.test(href)) return null;
  try {
    const url = new URL(href);
    if (url.protocol === "mailto:") return href;
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.href;
  } catch {
    return null;
  }
}

/**
 * The marks of a stored passage, from its JSON column: anything that is not a
 * well-formed mark inside the text is left out, so a bad row cannot break a page.
 */
export function readMarks(value: unknown, textLength: number): PassageMark[] {
  if (!Array.isArray(value)) return [];
  const out: PassageMark[] = [];
  for (const item of value) {
    if (typeof item !== "object" || item === null) continue;
    const { type, start, end, href } = item as Record<string, unknown>;
    if (type !== "bold" && type !== "italic" && type !== "link") continue;
    if (!Number.isInteger(start) || !Number.isInteger(end)) continue;
    const from = start as number;
    const to = Math.min(end as number, textLength);
    if (from < 0 || from >= to) continue;
    if (type === "link") {
      const safe = safeHref(typeof href === "string" ? href : null);
      if (safe !== null) out.push({ type, start: from, end: to, href: safe });
    } else out.push({ type, start: from, end: to });
  }
  return out;
}

/**
 * The text between two code point offsets cut into runs of equal formatting, in
 * order; with no marks, one plain run. Offsets default to the whole text.
 */
export function markedRuns(text: string, marks: readonly PassageMark[], from = 0, to?: number): MarkedRun[] {
  const points = Array.from(text);
  const end = Math.min(to ?? points.length, points.length);
  const start = Math.max(0, Math.min(from, end));
  const cuts = new Set<number>([start, end]);
  for (const mark of marks) {
    if (mark.start > start && mark.start < end) cuts.add(mark.start);
    if (mark.end > start && mark.end < end) cuts.add(mark.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const runs: MarkedRun[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [a, b] = [sorted[i], sorted[i + 1]];
    const over = marks.filter((mark) => mark.start <= a && mark.end >= b);
    const run: MarkedRun = {
      text: points.slice(a, b).join(""),
      bold: over.some((mark) => mark.type === "bold"),
      italic: over.some((mark) => mark.type === "italic"),
      href: over.find((mark) => mark.type === "link")?.href ?? null,
    };
    const last = runs[runs.length - 1];
    if (last && last.bold === run.bold && last.italic === run.italic && last.href === run.href) last.text += run.text;
    else runs.push(run);
  }
  if (runs.length === 0) runs.push({ text: "", bold: false, italic: false, href: null });
  return runs;
}

/** Marks sorted, clipped to the text, empty ones dropped and touching ones of a kind joined. */
export function normalizeMarks(marks: readonly PassageMark[], textLength: number): PassageMark[] {
  const sorted = marks
    .map((mark) => ({ ...mark, start: Math.max(0, mark.start), end: Math.min(textLength, mark.end) }))
    .filter((mark) => mark.start < mark.end)
    .sort((a, b) => a.type.localeCompare(b.type) || (a.href ?? "").localeCompare(b.href ?? "") || a.start - b.start);
  const out: PassageMark[] = [];
  for (const mark of sorted) {
    const last = out[out.length - 1];
    if (last && last.type === mark.type && last.href === mark.href && mark.start <= last.end) last.end = Math.max(last.end, mark.end);
    else out.push({ ...mark });
  }
  return out.sort((a, b) => a.start - b.start || a.type.localeCompare(b.type));
}

/** Marks of a text that follows another of `offset` code points, as when two passages are merged. */
export function shiftMarks(marks: readonly PassageMark[], offset: number): PassageMark[] {
  return marks.map((mark) => ({ ...mark, start: mark.start + offset, end: mark.end + offset }));
}
