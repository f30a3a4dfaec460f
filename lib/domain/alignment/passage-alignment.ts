import type { AlignmentBead } from "./align-passages";

/** The API's shape of an alignment: passage ids, the report asked about on the `source` side. */
export interface PassageAlignment {
  pairs: { source: string[]; target: string[] }[];
  unaligned: { source: string[]; target: string[] };
}

export interface AlignmentIssue {
  path: string;
  message: string;
}

/** 1:1, 1:2 or 2:1: two passages on each side say no more than two pairs would. */
export function isPairShape(pair: { source: unknown[]; target: unknown[] }): boolean {
  const [a, b] = [pair.source.length, pair.target.length];
  return a >= 1 && b >= 1 && Math.min(a, b) === 1 && Math.max(a, b) <= 2;
}

/** Beads (passage indexes) as passage ids: beads with an empty side become unaligned passages. */
export function alignmentOfBeads(beads: AlignmentBead[], sourceIds: string[], targetIds: string[]): PassageAlignment {
  const alignment: PassageAlignment = { pairs: [], unaligned: { source: [], target: [] } };
  for (const bead of beads) {
    const source = bead.source.map((i) => sourceIds[i]);
    const target = bead.target.map((i) => targetIds[i]);
    if (source.length && target.length) alignment.pairs.push({ source, target });
    else {
      alignment.unaligned.source.push(...source);
      alignment.unaligned.target.push(...target);
    }
  }
  return alignment;
}

/** The same alignment seen from the other report. */
export function reverseAlignment(a: PassageAlignment): PassageAlignment {
  return {
    pairs: a.pairs.map((p) => ({ source: p.target, target: p.source })),
    unaligned: { source: a.unaligned.target, target: a.unaligned.source },
  };
}

/**
 * What is wrong with an alignment sent by a person, if anything: every id must be a
 * passage of its side's report (a passage of a third report, or of the other side, is
 * refused), each passage appears at most once, and a pair has passages on both sides.
 */
export function alignmentIssues(a: PassageAlignment, sourceIds: string[], targetIds: string[]): AlignmentIssue[] {
  const issues: AlignmentIssue[] = [];
  const sides = { source: new Set(sourceIds), target: new Set(targetIds) };
  const seen = new Set<string>();
  const check = (id: string, side: "source" | "target", path: string) => {
    if (!sides[side].has(id)) issues.push({ path, message: `Passage ${id} is not a passage of the ${side} report.` });
    else if (seen.has(id)) issues.push({ path, message: `Passage ${id} appears more than once.` });
    seen.add(id);
  };
  a.pairs.forEach((pair, k) => {
    if (!pair.source.length || !pair.target.length)
      issues.push({ path: `pairs.${k}`, message: "A pair needs passages on both sides; list the others as unaligned." });
    else if (!isPairShape(pair)) issues.push({ path: `pairs.${k}`, message: "A pair joins one passage to one or two: 1:1, 1:2 or 2:1." });
    pair.source.forEach((id, i) => check(id, "source", `pairs.${k}.source.${i}`));
    pair.target.forEach((id, i) => check(id, "target", `pairs.${k}.target.${i}`));
  });
  a.unaligned.source.forEach((id, i) => check(id, "source", `unaligned.source.${i}`));
  a.unaligned.target.forEach((id, i) => check(id, "target", `unaligned.target.${i}`));
  return issues;
}

/**
 * A stored alignment fitted to the passages the reports have now (after a new version):
 * ids that are gone are dropped, pairs left one-sided become unaligned, and passages no
 * pair names are listed as unaligned, in reading order.
 */
export function fitAlignment(a: PassageAlignment, sourceIds: string[], targetIds: string[]): PassageAlignment {
  const has = { source: new Set(sourceIds), target: new Set(targetIds) };
  const pairs: PassageAlignment["pairs"] = [];
  const named = new Set<string>();
  for (const pair of a.pairs) {
    const source = pair.source.filter((id) => has.source.has(id) && !named.has(id));
    const target = pair.target.filter((id) => has.target.has(id) && !named.has(id));
    if (!source.length || !target.length) continue;
    pairs.push({ source, target });
    for (const id of [...source, ...target]) named.add(id);
  }
  return {
    pairs,
    unaligned: { source: sourceIds.filter((id) => !named.has(id)), target: targetIds.filter((id) => !named.has(id)) },
  };
}
