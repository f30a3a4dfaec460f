import type { ReaderAnnotation } from "@/components/reader/types";
import { isOverdue } from "@/lib/domain/assignments";

/** The sidebar's filters, named as the list API's query parameters (`assignee=me`, `due=overdue`). */
export const FILTER_DIMENSIONS = ["kind", "status", "verdict", "visibility", "author", "tag", "assignee", "due"] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];
export type Filters = Partial<Record<FilterDimension, string[]>>;

/** What the filters look at: an annotation, or the reader's index entry for one whose card has not arrived. */
type Filterable = Pick<ReaderAnnotation, "kind" | "status" | "verdict" | "visibility" | "tags" | "dueAt"> & {
  author: { id: string };
  assignee: { id: string } | null;
};

/** `me` in a filter is the reader: who that is, for the assignee filter. */
export interface FilterContext {
  meId?: string;
  skip?: FilterDimension;
}

function valuesOf(a: Filterable, dim: FilterDimension, meId?: string): string[] {
  switch (dim) {
    case "kind":
      return [a.kind];
    case "status":
      return [a.status];
    case "verdict":
      return a.kind === "claim" ? [a.verdict] : [];
    case "visibility":
      return [a.visibility];
    case "author":
      return [a.author.id];
    case "tag":
      return a.tags.map((t) => t.toLowerCase());
    case "assignee":
      return !a.assignee ? [] : a.assignee.id === meId ? ["me", a.assignee.id] : [a.assignee.id];
    case "due":
      return isOverdue(a) ? ["overdue"] : [];
  }
}

/** Any of the values within a dimension; every dimension at once. */
export function matches(a: Filterable, filters: Filters, { skip, meId }: FilterContext = {}): boolean {
  return FILTER_DIMENSIONS.every((dim) => {
    const wanted = filters[dim];
    if (dim === skip || !wanted?.length) return true;
    const have = valuesOf(a, dim, meId);
    return wanted.some((w) => have.includes(dim === "tag" ? w.toLowerCase() : w));
  });
}

/** For each value of a dimension: how many annotations it would show, given the other filters. */
export function facetCounts(annotations: ReaderAnnotation[], filters: Filters, dim: FilterDimension, meId?: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of annotations) {
    if (!matches(a, filters, { skip: dim, meId })) continue;
    for (const v of valuesOf(a, dim, meId)) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts;
}

export function filtersFromParams(params: URLSearchParams): Filters {
  const out: Filters = {};
  for (const dim of FILTER_DIMENSIONS) {
    const values = params.getAll(dim).filter(Boolean);
    if (values.length) out[dim] = values;
  }
  return out;
}

export function paramsWithFilters(base: URLSearchParams, filters: Filters): URLSearchParams {
  const next = new URLSearchParams(base);
  for (const dim of FILTER_DIMENSIONS) {
    next.delete(dim);
    for (const v of filters[dim] ?? []) next.append(dim, v);
  }
  return next;
}

export function toggle(filters: Filters, dim: FilterDimension, value: string): Filters {
  const current = filters[dim] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...filters, [dim]: next };
}

export function activeCount(filters: Filters): number {
  return FILTER_DIMENSIONS.reduce((n, d) => n + (filters[d]?.length ?? 0), 0);
}
