import { normalizeMarks, safeHref, type PassageMark, type PassageMarkType } from "../passage-marks";

interface RawMark {
  type: PassageMarkType;
  /** UTF-16 indexes into the raw text, before whitespace is collapsed. */
  start: number;
  end: number;
  href?: string;
}

/** A passage's text with its marks, as an importer hands it on. */
export interface RichText {
  text: string;
  marks: PassageMark[];
}

/**
 * Gathers a passage's inline text as an importer walks a document, with the
 * bold, italic and link ranges around it. `finish` collapses whitespace as every
 * passage's text is collapsed and moves each mark with its text, so the plain
 * text is exactly what it would be without the marks.
 */
export class RichTextBuilder {
  private raw = "";
  private marks: RawMark[] = [];

  get text(): string {
    return this.raw;
  }

  append(text: string): this {
    this.raw += text;
    return this;
  }

  /** Appends what `write` adds, marked as `type` (a link only when its address is safe). */
  mark(type: PassageMarkType, write: () => void, href?: string | null): this {
    const start = this.raw.length;
    write();
    if (type !== "link") this.marks.push({ type, start, end: this.raw.length });
    else {
      const safe = safeHref(href);
      if (safe !== null) this.marks.push({ type, start, end: this.raw.length, href: safe });
    }
    return this;
  }

  /** Appends another builder's text with its marks. */
  appendBuilder(other: RichTextBuilder): this {
    const offset = this.raw.length;
    this.raw += other.raw;
    for (const mark of other.marks) this.marks.push({ ...mark, start: mark.start + offset, end: mark.end + offset });
    return this;
  }

  /** Cuts the raw text where `separator` matches, each part keeping its marks. */
  split(separator: RegExp): RichTextBuilder[] {
    const parts: RichTextBuilder[] = [];
    const global = new RegExp(separator.source, separator.flags.includes("g") ? separator.flags : `${separator.flags}g`);
    let from = 0;
    for (const match of this.raw.matchAll(global)) {
      parts.push(this.slice(from, match.index));
      from = match.index + match[0].length;
    }
    parts.push(this.slice(from, this.raw.length));
    return parts;
  }

  private slice(from: number, to: number): RichTextBuilder {
    const part = new RichTextBuilder();
    part.raw = this.raw.slice(from, to);
    for (const mark of this.marks) {
      const start = Math.max(mark.start, from);
      const end = Math.min(mark.end, to);
      if (start < end) part.marks.push({ ...mark, start: start - from, end: end - from });
    }
    return part;
  }

  /** The collapsed text ("a  b\n" → "a b") and its marks in code point offsets. */
  finish(): RichText {
    const { text, boundary } = collapseWithMap(this.raw);
    const points = codePointIndex(text);
    const marks: PassageMark[] = [];
    for (const mark of this.marks) {
      let start = boundary[mark.start];
      let end = boundary[mark.end];
      // A mark neither starts nor ends on the space between words.
      while (start < end && text[start] === " ") start++;
      while (end > start && text[end - 1] === " ") end--;
      if (start >= end) continue;
      marks.push({ type: mark.type, start: points[start], end: points[end], ...(mark.href ? { href: mark.href } : {}) });
    }
    return { text, marks: normalizeMarks(marks, points[text.length]) };
  }
}

/**
 * `collapseWhitespace` with a map: boundary[i] is where raw index i lands in the
 * collapsed text (how many collapsed units come before it).
 */
function collapseWithMap(raw: string): { text: string; boundary: Int32Array } {
  const boundary = new Int32Array(raw.length + 1);
  let text = "";
  let pendingSpace = false;
  for (let i = 0; i < raw.length; i++) {
    const space = /\s/.test(raw[i]);
    if (space) {
      if (text.length > 0) pendingSpace = true;
      boundary[i] = text.length;
      continue;
    }
    if (pendingSpace) {
      text += " ";
      pendingSpace = false;
    }
    boundary[i] = text.length;
    text += raw[i];
  }
  boundary[raw.length] = text.length;
  // Boundaries inside a dropped trailing run point at the text's end.
  for (let i = 0; i <= raw.length; i++) if (boundary[i] > text.length) boundary[i] = text.length;
  return { text, boundary };
}

/** For each UTF-16 index of the text (and its end), the code point offset there. */
function codePointIndex(text: string): Int32Array {
  const index = new Int32Array(text.length + 1);
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    index[i] = count;
    const unit = text.charCodeAt(i);
    const pair = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pair) index[++i] = count;
    count++;
  }
  index[text.length] = count;
  return index;
}
