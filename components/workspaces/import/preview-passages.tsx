"use client";

import { memo, useCallback, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { dateFromText, namesFromText } from "@/lib/importers/import-choices";
import type { PreviewPassage } from "@/lib/domain/imports";
import { PassageMenu, type MenuItem } from "./passage-menu";
import type { ChoiceAction, PassageChoices, PassageUse } from "./passage-choices";
import { useRovingGrid } from "./use-roving-grid";

const KIND_LABEL: Record<string, string> = {
  paragraph: "Paragraph",
  quote: "Quote",
  list_item: "List item",
  footnote: "Footnote",
};

const USE_BADGE: Record<PassageUse, string> = { authors: "Authors", date: "Date", subtitle: "Subtitle" };

function kindLabel(p: PreviewPassage): string {
  if (p.kind === "heading") return `Heading${p.level ? ` ${p.level}` : ""}`;
  if (p.kind === "list_item" && p.listNumber !== null) return `List item ${p.listNumber}.`;
  return KIND_LABEL[p.kind] ?? p.kind;
}

/** What a passage has become, for its row. */
function stateOf(
  index: number,
  choices: PassageChoices,
): { removed: boolean; use: PassageUse | null; mergedIntoPrevious: boolean; mergesNext: boolean } {
  const use = (Object.entries(choices.used).find(([, i]) => i === index)?.[0] as PassageUse | undefined) ?? null;
  return {
    removed: choices.removed.has(index),
    use,
    mergedIntoPrevious: choices.merged.has(index - 1),
    mergesNext: choices.merged.has(index),
  };
}

interface RowProps {
  passage: PreviewPassage;
  last: boolean;
  state: ReturnType<typeof stateOf>;
  cell: (col: number) => ReturnType<ReturnType<typeof useRovingGrid>["cellProps"]>;
  dispatch: (action: ChoiceAction) => void;
  onUse: (passage: PreviewPassage, use: PassageUse) => void;
  menuOpen: boolean;
  setMenuOpen: (index: number | null, refocus: boolean) => void;
}

const PassageRow = memo(function PassageRow({ passage: p, last, state, cell, dispatch, onUse, menuOpen, setMenuOpen }: RowProps) {
  const menuId = `passage-menu-${p.index}`;
  const gone = state.removed || state.use !== null;
  const items: MenuItem[] = [
    {
      label: state.mergesNext ? "Unmerge from next" : "Merge with next",
      onSelect: () => dispatch({ type: "toggleMerge", index: p.index }),
      disabled: last,
      hint: last ? "This is the last passage" : undefined,
    },
    { label: "Use as authors", onSelect: () => onUse(p, "authors"), disabled: namesFromText(p.text).length === 0 },
    {
      label: "Use as date",
      onSelect: () => onUse(p, "date"),
      disabled: dateFromText(p.text) === null,
      hint: dateFromText(p.text) === null ? "No date found in this passage" : undefined,
    },
    { label: "Use as subtitle", onSelect: () => onUse(p, "subtitle"), disabled: p.text.length > 300 },
  ];
  return (
    <li data-testid="preview-passage" className={`relative flex gap-3 py-3 ${gone ? "bg-stone-50 dark:bg-stone-950/40" : ""}`}>
      <span className="w-10 shrink-0 pt-1 text-right text-xs text-stone-500 tabular-nums dark:text-stone-400">{`¶ ${p.index}`}</span>
      <div className="min-w-0 flex-1">
        <div className="mb-1 flex flex-wrap items-center gap-1.5">
          <Badge>{kindLabel(p)}</Badge>
          {p.page !== null && <span className="text-xs text-stone-500 dark:text-stone-400">Page {p.page}</span>}
          {state.removed && <Badge tone="red">Removed</Badge>}
          {state.use && <Badge tone="sky">{USE_BADGE[state.use]}</Badge>}
          {state.mergedIntoPrevious && <Badge>Joined to ¶ {p.index - 1}</Badge>}
        </div>
        <p
          dir="auto"
          className={`line-clamp-3 font-serif leading-relaxed break-words ${gone ? "text-stone-500 line-through dark:text-stone-400" : "text-stone-800 dark:text-stone-200"} ${
            p.kind === "heading" ? "font-semibold" : p.kind === "quote" ? "italic" : ""
          }`}
        >
          {p.text}
        </p>
      </div>
      <div className="relative flex shrink-0 flex-col items-stretch gap-1 sm:flex-row sm:items-start">
        <button
          type="button"
          {...cell(0)}
          aria-pressed={state.removed}
          aria-label={`Remove ¶ ${p.index}`}
          onClick={() => dispatch({ type: "toggleRemove", index: p.index })}
          className="min-h-11 rounded-md border border-stone-300 px-2.5 text-sm text-stone-700 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600 aria-pressed:border-red-300 aria-pressed:bg-red-50 aria-pressed:text-red-800 sm:min-h-8 dark:border-stone-700 dark:text-stone-300 dark:hover:bg-stone-800 dark:aria-pressed:border-red-800 dark:aria-pressed:bg-red-950 dark:aria-pressed:text-red-200"
        >
          Remove
        </button>
        <button
          type="button"
          {...cell(1)}
          aria-label={`More actions for ¶ ${p.index}`}
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          aria-controls={menuOpen ? menuId : undefined}
          onClick={() => setMenuOpen(menuOpen ? null : p.index, false)}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown" && e.altKey) setMenuOpen(p.index, false);
          }}
          className="min-h-11 rounded-md border border-stone-300 px-2.5 text-sm text-stone-700 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600 sm:min-h-8 dark:border-stone-700 dark:text-stone-300 dark:hover:bg-stone-800"
        >
          More<span aria-hidden="true"> ▾</span>
        </button>
        {menuOpen && (
          <PassageMenu id={menuId} label={`Actions for ¶ ${p.index}`} items={items} onClose={(refocus) => setMenuOpen(null, refocus)} />
        )}
      </div>
    </li>
  );
});

/**
 * Every passage the importer found, each with its ¶ number and kind, and what
 * the person can do with it: remove it, or (in its menu) merge it with the next,
 * or use its text as the authors, the date or the subtitle. One tab stop: the
 * arrow keys move between rows and between a row's two buttons.
 */
export function PreviewPassages({
  passages,
  total,
  choices,
  dispatch,
  onUse,
}: {
  passages: PreviewPassage[];
  total: number;
  choices: PassageChoices;
  dispatch: (action: ChoiceAction) => void;
  onUse: (passage: PreviewPassage, use: PassageUse) => void;
}) {
  const { container, onKeyDown, cellProps, focusCell } = useRovingGrid<HTMLOListElement>(passages.length, 2);
  const [menuFor, setMenuFor] = useState<number | null>(null);
  const setMenuOpen = useCallback(
    (index: number | null, refocus: boolean) => {
      setMenuFor((open) => {
        if (index === null && refocus && open !== null) {
          const row = passages.findIndex((p) => p.index === open);
          requestAnimationFrame(() => focusCell({ row, col: 1 }));
        }
        return index;
      });
    },
    [passages, focusCell],
  );
  return (
    <ol
      ref={container}
      aria-label="Passages found"
      data-testid="preview-passages"
      onKeyDown={onKeyDown}
      className="mt-2 divide-y divide-stone-200 rounded-md border border-stone-200 bg-white px-3 dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900"
    >
      {passages.map((p, row) => (
        <PassageRow
          key={p.index}
          passage={p}
          last={p.index >= total}
          state={stateOf(p.index, choices)}
          cell={(col) => cellProps(row, col)}
          dispatch={dispatch}
          onUse={onUse}
          menuOpen={menuFor === p.index}
          setMenuOpen={setMenuOpen}
        />
      ))}
    </ol>
  );
}
