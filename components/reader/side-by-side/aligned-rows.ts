import { isPairShape, type PassageAlignment } from "@/lib/domain/alignment/passage-alignment";

/** One row of the side-by-side text: passage ids of the report read (source) and of its counterpart (target). */
export interface AlignedRow {
  source: string[];
  target: string[];
}

/**
 * The alignment as rows in reading order: pairs and the report's own unaligned passages in the
 * order of its text; a counterpart passage no pair names goes after the row holding the
 * counterpart passage before it (first when there is none).
 */
export function alignedRows(alignment: PassageAlignment, sourceOrder: string[], targetOrder: string[]): AlignedRow[] {
  const pairOf = new Map<string, PassageAlignment["pairs"][number]>();
  for (const pair of alignment.pairs) for (const id of pair.source) pairOf.set(id, pair);
  const rows: AlignedRow[] = [];
  const done = new Set<PassageAlignment["pairs"][number]>();
  for (const id of sourceOrder) {
    const pair = pairOf.get(id);
    if (!pair) rows.push({ source: [id], target: [] });
    else if (!done.has(pair)) {
      done.add(pair);
      rows.push({ source: pair.source, target: pair.target });
    }
  }
  const position = new Map(targetOrder.map((id, i) => [id, i]));
  const unaligned = new Set(alignment.unaligned.target);
  for (const id of targetOrder.filter((t) => unaligned.has(t) || !alignment.pairs.some((p) => p.target.includes(t)))) {
    const at = position.get(id)!;
    let after = -1;
    rows.forEach((row, i) => {
      if (row.target.some((t) => position.get(t)! < at)) after = i;
    });
    rows.splice(after + 1, 0, { source: [], target: [id] });
  }
  return rows;
}

/** Rows `i` and `i + 1` as one pair, when that makes a 1:1, 1:2 or 2:1 pair; null otherwise. */
export function joinRows(rows: AlignedRow[], i: number): AlignedRow[] | null {
  if (i < 0 || i + 1 >= rows.length) return null;
  const joined = { source: [...rows[i].source, ...rows[i + 1].source], target: [...rows[i].target, ...rows[i + 1].target] };
  if (!isPairShape(joined)) return null;
  return [...rows.slice(0, i), joined, ...rows.slice(i + 2)];
}

/** Row `i` taken apart: each of its passages unaligned, the report's first. */
export function unlinkRow(rows: AlignedRow[], i: number): AlignedRow[] {
  const row = rows[i];
  const apart = [...row.source.map((id) => ({ source: [id], target: [] })), ...row.target.map((id) => ({ source: [], target: [id] }))];
  return [...rows.slice(0, i), ...apart, ...rows.slice(i + 1)];
}

/** What the API stores: the rows with both sides as pairs, the rest unaligned. */
export function alignmentOfRows(rows: AlignedRow[]): PassageAlignment {
  const paired = rows.filter((r) => r.source.length && r.target.length);
  const single = rows.filter((r) => !(r.source.length && r.target.length));
  return {
    pairs: paired.map((r) => ({ source: r.source, target: r.target })),
    unaligned: { source: single.flatMap((r) => r.source), target: single.flatMap((r) => r.target) },
  };
}
