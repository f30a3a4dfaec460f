"use client";

import { useState } from "react";
import type { ReaderAnnotation } from "@/components/reader/types";
import { KIND_LABEL, VERDICT_LABEL } from "@/lib/domain/words";
import { activeCount, facetCounts, type FilterDimension, type Filters, toggle } from "./filters";

interface Props {
  annotations: ReaderAnnotation[];
  filters: Filters;
  onChange: (filters: Filters) => void;
  /** The reader: `assignee=me`. */
  meId: string;
}

const GROUPS: { dim: FilterDimension; label: string }[] = [
  { dim: "kind", label: "Kind" },
  { dim: "status", label: "Status" },
  { dim: "verdict", label: "Verdict" },
  { dim: "visibility", label: "Visibility" },
  { dim: "author", label: "Author" },
  { dim: "tag", label: "Tag" },
  { dim: "assignee", label: "Assigned" },
  { dim: "due", label: "Due" },
];

/** Of the assignee and due facets, only these values are offered: "Assigned to me", "Overdue". */
const ONLY: Partial<Record<FilterDimension, string[]>> = { assignee: ["me"], due: ["overdue"] };

/** Facets with counts; the choice lives in the URL so a filtered view can be shared. */
export function AnnotationFilters({ annotations, filters, onChange, meId }: Props) {
  const [open, setOpen] = useState(activeCount(filters) > 0);
  const authors = new Map(annotations.map((a) => [a.author.id, a.author.name]));
  const tagNames = new Map(annotations.flatMap((a) => a.tags.map((t) => [t.toLowerCase(), t] as const)));
  const labelFor = (dim: FilterDimension, value: string): string => {
    if (dim === "kind") return KIND_LABEL[value as keyof typeof KIND_LABEL] ?? value;
    if (dim === "verdict") return VERDICT_LABEL[value as keyof typeof VERDICT_LABEL] ?? value;
    if (dim === "status") return value === "open" ? "Open" : "Resolved";
    if (dim === "visibility") return value === "private" ? "Only me" : "The team";
    if (dim === "author") return authors.get(value) ?? "Someone";
    if (dim === "assignee")
      return value === "me" ? "To me" : (annotations.find((a) => a.assignee?.id === value)?.assignee?.name ?? "Someone");
    if (dim === "due") return value === "overdue" ? "Overdue" : value;
    return tagNames.get(value.toLowerCase()) ?? value;
  };
  const active = activeCount(filters);

  return (
    <div className="mb-4">
      <div className="flex items-center gap-2">
        <button
          type="button"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
          className="rounded-md border border-stone-300 px-2 py-1 text-xs font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
        >
          Filter{active ? ` · ${active}` : ""}
        </button>
        {active > 0 && (
          <button
            type="button"
            onClick={() => onChange({})}
            className="text-xs text-stone-600 underline-offset-2 hover:underline dark:text-stone-400"
          >
            Clear filters
          </button>
        )}
      </div>
      {open && (
        <div
          className="mt-2 space-y-2 rounded-md border border-stone-200 bg-white p-2 dark:border-stone-800 dark:bg-stone-900"
          data-testid="filters"
        >
          {GROUPS.map(({ dim, label }) => {
            const counts = facetCounts(annotations, filters, dim, meId);
            const selected = filters[dim] ?? [];
            const values = [...new Set([...counts.keys(), ...selected])].filter(
              (v) => !ONLY[dim] || ONLY[dim].includes(v) || selected.includes(v),
            );
            if (values.length === 0) return null;
            return (
              <fieldset key={dim} className="flex flex-wrap items-center gap-1">
                <legend className="float-left mr-1 w-16 text-[11px] font-semibold tracking-wide text-stone-500 uppercase dark:text-stone-400">
                  {label}
                </legend>
                {values.map((v) => {
                  const on = selected.includes(v);
                  return (
                    <button
                      key={v}
                      type="button"
                      aria-pressed={on}
                      onClick={() => onChange(toggle(filters, dim, v))}
                      className="rounded-full border border-stone-300 px-2 py-0.5 text-xs text-stone-700 hover:bg-stone-100 aria-pressed:border-stone-900 aria-pressed:bg-stone-900 aria-pressed:text-white dark:border-stone-700 dark:text-stone-300 dark:hover:bg-stone-800 dark:aria-pressed:border-stone-100 dark:aria-pressed:bg-stone-100 dark:aria-pressed:text-stone-900"
                    >
                      {labelFor(dim, v)} <span className="tabular-nums opacity-75">{counts.get(v) ?? 0}</span>
                    </button>
                  );
                })}
              </fieldset>
            );
          })}
        </div>
      )}
    </div>
  );
}
