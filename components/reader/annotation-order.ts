import type { ReaderAnnotation } from "./types";

/** The order of the text: by passage, then where in it, then the older first. */
export function readingOrder(a: ReaderAnnotation, b: ReaderAnnotation): number {
  return a.passageIndex - b.passageIndex || a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt);
}

/** Puts pages that arrive into the list: what the list already has (fresher, from live events) wins; deleted ones stay out. */
export function mergeInto(list: ReaderAnnotation[], incoming: ReaderAnnotation[], removed: ReadonlySet<string>): ReaderAnnotation[] {
  const have = new Set(list.map((a) => a.id));
  const added = incoming.filter((a) => !have.has(a.id) && !removed.has(a.id));
  return added.length ? [...list, ...added].sort(readingOrder) : list;
}

/** The list with `a` in it, in its place (replacing an older copy). */
export function putInOrder(list: ReaderAnnotation[], a: ReaderAnnotation): ReaderAnnotation[] {
  return [...list.filter((x) => x.id !== a.id), a].sort(readingOrder);
}
