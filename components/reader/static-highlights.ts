import { codePointToUtf16 } from "@/lib/anchoring";
import type { HighlightSpec } from "./editor-positions";

/** A run of a passage's text, and the highlights over it, outermost first. */
export interface TextRun {
  text: string;
  highlights: HighlightSpec[];
}

/**
 * A passage's text cut where highlights start and end, for the text shown
 * before the editor has mounted (server-rendered, so a long report's highlights
 * are painted with its first paint). The cuts and the nesting are those the
 * editor's decorations make: each highlight wraps every run it covers, longer
 * ones outside shorter ones, so overlaps nest and their tints add up.
 * Offsets are code points; a highlight that does not fit the text is left out.
 */
export function textRuns(text: string, highlights: HighlightSpec[]): TextRun[] {
  const astral = /[\uD800-\uDFFF]/.test(text);
  const placed: { h: HighlightSpec; from: number; to: number }[] = [];
  for (const h of highlights) {
    if (h.start < 0 || h.start >= h.end) continue;
    try {
      const from = astral ? codePointToUtf16(text, h.start) : h.start;
      const to = astral ? codePointToUtf16(text, h.end) : h.end;
      if (to <= text.length) placed.push({ h, from, to });
    } catch {
      // Past the end of the text: not shown, as in the editor.
    }
  }
  if (placed.length === 0) return [{ text, highlights: [] }];
  placed.sort((a, b) => a.from - b.from || b.to - a.to);
  const cuts = [...new Set([0, text.length, ...placed.flatMap((p) => [p.from, p.to])])].sort((a, b) => a - b);
  const runs: TextRun[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    runs.push({ text: text.slice(from, to), highlights: placed.filter((p) => p.from <= from && p.to >= to).map((p) => p.h) });
  }
  return runs;
}

/** Highlights by the passage they are in. */
export function highlightsByPassage(highlights: HighlightSpec[]): Map<string, HighlightSpec[]> {
  const map = new Map<string, HighlightSpec[]>();
  for (const h of highlights) {
    const list = map.get(h.passageId);
    if (list) list.push(h);
    else map.set(h.passageId, [h]);
  }
  return map;
}
