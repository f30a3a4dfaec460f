/**
 * A long report's blocks are laid out only near the screen (CSS
 * content-visibility) until its cards are in. Until a block is laid out, the
 * browser sizes it by `contain-intrinsic-size`: a fixed guess made every jump
 * into the text land far from its passage (a block's real height differs from
 * the guess, the blocks above the target are laid out as they come near, and
 * the target moves by the sum: ¶ 250 ended at ¶ 244 in the benchmark's report).
 * So each block carries its length (`--chars`, and `--items` for a list or a
 * quote), and globals.css turns that into lines with `--line-chars`, the
 * characters a line of the text column holds, measured here on laid out passages.
 */

/** The inline style giving a block its length. */
export function sizeHintStyle(chars: number, items?: number): string {
  return items === undefined ? `--chars:${chars}` : `--chars:${chars};--items:${items}`;
}

/** What a laid out passage tells of the column: its length, its height and its line height, in px. */
export interface PassageSample {
  chars: number;
  height: number;
  lineHeight: number;
}

/**
 * Characters per line of the text column, from passages as laid out: each gives
 * its length over its lines, less half a line (the last line is on average half
 * full). The median of those that fill at least three lines; null without any.
 */
export function lineCharsFrom(samples: PassageSample[]): number | null {
  const estimates = samples
    .filter((s) => s.lineHeight > 0 && s.chars > 0)
    .map((s) => ({ chars: s.chars, lines: Math.round(s.height / s.lineHeight) }))
    .filter((s) => s.lines >= 3)
    .map((s) => s.chars / (s.lines - 0.5))
    .sort((a, b) => a - b);
  if (estimates.length === 0) return null;
  return estimates[Math.floor(estimates.length / 2)];
}

/**
 * Samples the paragraphs of `root` on screen (at most `limit`): a block on
 * screen is laid out, while one off screen may still have the estimated size.
 */
export function samplePassages(root: HTMLElement, limit = 9): PassageSample[] {
  const samples: PassageSample[] = [];
  for (const p of root.querySelectorAll<HTMLElement>(".ProseMirror > p[data-passage-id]")) {
    const box = p.getBoundingClientRect();
    if (box.top >= window.innerHeight || samples.length >= limit) break;
    const chars = Number(p.style.getPropertyValue("--chars"));
    if (box.bottom <= 0 || !chars) continue;
    samples.push({ chars, height: box.height, lineHeight: parseFloat(getComputedStyle(p).lineHeight) });
  }
  return samples;
}
