import type { ImportChoices } from "@/lib/importers/import-choices";

/** What a passage of the preview becomes: itself, nothing, or one of the report's details. */
export type PassageUse = "authors" | "date" | "subtitle";

/** The person's decisions on the preview's passages, by their 1-based numbers. */
export interface PassageChoices {
  removed: ReadonlySet<number>;
  /** A number here joins that passage with the next one. */
  merged: ReadonlySet<number>;
  used: Readonly<Partial<Record<PassageUse, number>>>;
}

export const NO_CHOICES: PassageChoices = { removed: new Set(), merged: new Set(), used: {} };

export type ChoiceAction =
  | { type: "toggleRemove"; index: number }
  | { type: "toggleMerge"; index: number }
  | { type: "use"; index: number; use: PassageUse }
  | { type: "reset" };

const without = (set: ReadonlySet<number>, ...indexes: number[]) => new Set([...set].filter((i) => !indexes.includes(i)));

/** Frees a passage from every job it has, so that it can be given a new one. */
function free(choices: PassageChoices, index: number): PassageChoices {
  const used = Object.fromEntries(Object.entries(choices.used).filter(([, i]) => i !== index));
  return { removed: without(choices.removed, index), merged: without(choices.merged, index, index - 1), used };
}

/** One decision at a time; a passage has at most one job, the latest given. */
export function choicesReducer(choices: PassageChoices, action: ChoiceAction): PassageChoices {
  switch (action.type) {
    case "toggleRemove": {
      if (choices.removed.has(action.index)) return { ...choices, removed: without(choices.removed, action.index) };
      const freed = free(choices, action.index);
      return { ...freed, removed: new Set([...freed.removed, action.index]) };
    }
    case "toggleMerge": {
      if (choices.merged.has(action.index)) return { ...choices, merged: without(choices.merged, action.index) };
      const freed = free(free(choices, action.index), action.index + 1);
      // Keep the merges that end at this passage or start at the next: they chain.
      const merged = new Set([...freed.merged, ...[action.index - 1, action.index + 1].filter((i) => choices.merged.has(i)), action.index]);
      return { ...freed, merged };
    }
    case "use": {
      const freed = free(choices, action.index);
      return { ...freed, used: { ...freed.used, [action.use]: action.index } };
    }
    case "reset":
      return NO_CHOICES;
  }
}

/** What the import request carries: the passages that leave the text and those joined. Details travel as metadata fields. */
export function choicesRequest(choices: PassageChoices): Pick<ImportChoices, "omit" | "merge"> {
  const omit = [...choices.removed, ...Object.values(choices.used)].sort((a, b) => a - b);
  const merge = [...choices.merged].sort((a, b) => a - b);
  return { ...(omit.length ? { omit } : {}), ...(merge.length ? { merge } : {}) };
}

/** Runs of merged passages: [3, 5] when 3, 4 and 5 become one. */
export function mergedRuns(merged: ReadonlySet<number>): [number, number][] {
  const runs: [number, number][] = [];
  for (const index of [...merged].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[1] === index) last[1] = index + 1;
    else runs.push([index, index + 1]);
  }
  return runs;
}

const USE_LABEL: Record<PassageUse, string> = { authors: "the authors", date: "the date", subtitle: "the subtitle" };

/** The choices in words, one line each, for the summary above the Import button. */
export function describeChoices(choices: PassageChoices): string[] {
  const lines: string[] = [];
  for (const use of ["authors", "date", "subtitle"] as const) {
    const index = choices.used[use];
    if (index !== undefined) lines.push(`¶ ${index} becomes ${USE_LABEL[use]}`);
  }
  for (const [first, last] of mergedRuns(choices.merged)) {
    lines.push(last === first + 1 ? `¶ ${first} and ¶ ${last} become one passage` : `¶ ${first} to ¶ ${last} become one passage`);
  }
  const removed = [...choices.removed].sort((a, b) => a - b);
  if (removed.length > 0) {
    lines.push(
      `${removed.length} ${removed.length === 1 ? "passage" : "passages"} will be removed: ${removed.map((i) => `¶ ${i}`).join(", ")}`,
    );
  }
  return lines;
}

/** How many passages the report will have once the choices are applied. */
export function passagesAfter(count: number, choices: PassageChoices): number {
  return count - choices.removed.size - Object.keys(choices.used).length - choices.merged.size;
}
