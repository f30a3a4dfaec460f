import { anchorBonus, anchorsOf, mergeAnchors, type Anchors } from "./anchors";

/**
 * Passage alignment of a report and its translation: Gale & Church, "A program for
 * aligning sentences in bilingual corpora" (Computational Linguistics 19:1, 1993),
 * applied to passages, with anchors.
 *
 * - A *bead* joins 0–2 passages of one side to 0–2 of the other: 1:1, 1:2, 2:1, and
 *   unmatched 1:0 / 0:1 (a paragraph the translator dropped or added). 2:2 is left out:
 *   two 1:1 beads say the same more precisely.
 * - The cost of a bead is −log P(bead type) − log P(length match). Lengths are in
 *   characters without spaces; the translation's length is modelled as normal around
 *   c·l₁ with variance s²·l₁, so δ = (l₂ − c·l₁) / √(s²·(l₁ + l₂/c)/2) and
 *   P(match) = 2·(1 − Φ(|δ|)). s² = 6.8 as in the paper; c, the characters of the
 *   target per character of the source, is not 1 between English and Arabic (Arabic
 *   writes fewer letters), so it is measured on the two texts as a whole, then once
 *   more on the passages the first pass paired 1:1 (a dropped or merged paragraph skews
 *   the first measure: a drop makes a merge of its neighbours look likely).
 * - An unmatched passage (1:0, 0:1) costs its prior alone: the paper's sentences are
 *   short, but a dropped paragraph's length says nothing about the paragraphs around it.
 * - Priors (the paper's, split evenly between the mirrored types): 1:1 0.89, 1:2 and
 *   2:1 0.0445 each, 1:0 and 0:1 0.0049 each.
 * - Anchors (see anchors.ts: numbers in any digits, years, Latin-script names,
 *   quotations) lower the cost of a bead whose two sides share them (numbers on one
 *   side only raise it), as a log-likelihood ratio added to the length's.
 * - A dynamic programme over (i source passages, j target passages) finds the cheapest
 *   sequence of beads; the path is read back from the end. O(n·m) time and memory.
 */

export interface AlignmentBead {
  /** Indexes (0-based) into the source passages: empty for a passage added in the target. */
  source: number[];
  target: number[];
}

export const S2 = 6.8;

const PRIORS = { "1:1": 0.89, "1:2": 0.0445, "2:1": 0.0445, "1:0": 0.0049, "0:1": 0.0049 } as const;
type BeadType = keyof typeof PRIORS;
const STEPS: [BeadType, number, number][] = [
  ["1:1", 1, 1],
  ["1:2", 1, 2],
  ["2:1", 2, 1],
  ["1:0", 1, 0],
  ["0:1", 0, 1],
];

/** Characters that carry meaning: letters, digits, punctuation; not spaces. */
export function passageLength(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/u.test(ch)) n++;
  return n;
}

/** Φ, the standard normal distribution, by Abramowitz & Stegun 26.2.17 (error < 7.5e-8). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989422804014327 * Math.exp((-z * z) / 2);
  const p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z >= 0 ? 1 - p : p;
}

/** −log P(length match) for l₁ source and l₂ target characters, given c. */
export function lengthCost(l1: number, l2: number, c: number): number {
  if (l1 === 0 && l2 === 0) return 0;
  const mean = (l1 + l2 / c) / 2;
  const delta = (l2 - c * l1) / Math.sqrt(S2 * mean);
  const p = 2 * (1 - normalCdf(Math.abs(delta)));
  return -Math.log(Math.max(p, 1e-12));
}

const sum = (xs: number[], from = 0, to = xs.length) => xs.slice(from, to).reduce((a, b) => a + b, 0);
const ratio = (l1: number, l2: number) => (l1 > 0 && l2 > 0 ? l2 / l1 : 1);

/** The bead sequence that pairs `source` with `target` passages (their texts), in order. */
export function alignPassages(source: string[], target: string[]): AlignmentBead[] {
  const texts = {
    l1: source.map(passageLength),
    l2: target.map(passageLength),
    a1: source.map(anchorsOf),
    a2: target.map(anchorsOf),
  };
  const first = bestBeads(texts, ratio(sum(texts.l1), sum(texts.l2)));
  const paired = first.filter((b) => b.source.length === 1 && b.target.length === 1);
  if (!paired.length) return first;
  const c = ratio(
    sum(paired.flatMap((b) => b.source.map((i) => texts.l1[i]))),
    sum(paired.flatMap((b) => b.target.map((j) => texts.l2[j]))),
  );
  return bestBeads(texts, c);
}

function bestBeads(texts: { l1: number[]; l2: number[]; a1: Anchors[]; a2: Anchors[] }, c: number): AlignmentBead[] {
  const { l1, l2, a1, a2 } = texts;
  const n = l1.length;
  const m = l2.length;

  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  const back: (BeadType | null)[][] = Array.from({ length: n + 1 }, () => new Array<BeadType | null>(m + 1).fill(null));
  cost[0][0] = 0;
  const anchorsIn = (xs: Anchors[], from: number, to: number) => mergeAnchors(xs.slice(from, to));

  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      for (const [type, di, dj] of STEPS) {
        if (i < di || j < dj || cost[i - di][j - dj] === Infinity) continue;
        let bead = -Math.log(PRIORS[type]);
        // Not clamped at 0: a pair that fits and shares anchors must gain from them as much as a merge that
        // would use them to excuse its length (a shortest path over a grid without cycles takes negative costs).
        if (di > 0 && dj > 0)
          bead += lengthCost(sum(l1, i - di, i), sum(l2, j - dj, j), c) - anchorBonus(anchorsIn(a1, i - di, i), anchorsIn(a2, j - dj, j));
        const total = cost[i - di][j - dj] + bead;
        if (total < cost[i][j]) {
          cost[i][j] = total;
          back[i][j] = type;
        }
      }
    }
  }

  const beads: AlignmentBead[] = [];
  for (let i = n, j = m; i > 0 || j > 0;) {
    const type = back[i][j]!;
    const [, di, dj] = STEPS.find(([t]) => t === type)!;
    beads.push({ source: range(i - di, i), target: range(j - dj, j) });
    i -= di;
    j -= dj;
  }
  return beads.reverse();
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
