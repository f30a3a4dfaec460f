"use client";

import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { ApiError, apiFetch } from "@/lib/api/browser/client";
import type { SideBySideData } from "@/lib/domain/side-by-side";
import { languageName } from "@/lib/format/language-name";
import { languageDirection } from "@/lib/format/text-direction";
import type { HighlightSpec } from "../editor-positions";
import { highlightsByPassage } from "../static-highlights";
import { StaticPassage, TEXT_ATTRIBUTES, TEXT_HINT_ID } from "../static-passages";
import type { ReaderAnnotation, ReaderPassage } from "../types";
import { AlignmentControls, ROW_DRAG_TYPE } from "./alignment-controls";
import { alignedRows, alignmentOfRows, joinRows, unlinkRow, type AlignedRow } from "./aligned-rows";
import { CounterpartMarker } from "./counterpart-marker";
import { CounterpartPassage } from "./counterpart-passage";
import { useSelectedRow } from "./use-selected-row";

interface Props {
  reportId: string;
  slug: string;
  passages: ReaderPassage[];
  highlights: HighlightSpec[];
  /** The report's annotations shown: counted on the counterpart's side of each row. */
  annotations: ReaderAnnotation[];
  data: SideBySideData;
  /** One side at a time, with a switch per row (a phone). */
  narrow: boolean;
  canAlign: boolean;
  onOpen: (annotationId: string) => void;
}

const cell = "min-w-0 space-y-5 rounded-md transition-shadow";
const matched = "ring-2 ring-amber-500/60 ring-offset-4 ring-offset-white dark:ring-offset-stone-950";

/**
 * The report and its counterpart in aligned rows, each in its own language and direction. The
 * report's side is the reader's text (selected, highlighted and annotated as ever, the sidebar
 * showing its annotations); the counterpart's shows its highlights. On each side a quiet marker
 * counts the other side's annotations in the row and opens them. Editors re-pair rows.
 */
export function SideBySideText({ reportId, slug, passages, highlights, annotations, data, narrow, canAlign, onOpen }: Props) {
  const { counterpart, language } = data;
  const [rows, setRows] = useState<AlignedRow[]>(() =>
    alignedRows(
      data.alignment,
      passages.map((p) => p.id),
      data.passages.map((p) => p.id),
    ),
  );
  const [saving, setSaving] = useState<string | null>(null);
  const [flipped, setFlipped] = useState<Set<string>>(new Set());
  /** The row a dragged row is over, ringed while it is. */
  const [dropAt, setDropAt] = useState<number | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const selected = useSelectedRow(root);
  const router = useRouter();
  const ours = useMemo(() => new Map(passages.map((p) => [p.id, p])), [passages]);
  const theirs = useMemo(() => new Map(data.passages.map((p) => [p.id, p])), [data.passages]);
  const ourHighlights = useMemo(() => highlightsByPassage(highlights), [highlights]);
  const theirHighlights = useMemo(() => highlightsByPassage(data.annotations), [data.annotations]);
  // Each side's annotations by passage, once per change of the lists (not a scan of every list for every row).
  const theirNotesBy = useMemo(() => byPassage(data.annotations), [data.annotations]);
  const ourNotesBy = useMemo(() => byPassage(annotations), [annotations]);
  const names = { ours: languageName(language) ?? "this report", theirs: languageName(counterpart.language) ?? "the counterpart" };

  /** A click on a counterpart highlight opens it where it lives: the counterpart's reader, its card open. */
  function onClick(e: React.MouseEvent) {
    const hl = (e.target as HTMLElement).closest<HTMLElement>("[data-counterpart-annotation-id]");
    if (hl && window.getSelection()?.isCollapsed)
      router.push(`/w/${slug}/r/${counterpart.id}?annotation=${hl.dataset.counterpartAnnotationId}`);
  }

  async function realign(next: AlignedRow[] | null) {
    if (!next) return;
    const before = rows;
    setRows(next);
    setSaving("Saving the alignment…");
    try {
      await apiFetch(`/api/v1/reports/${reportId}/alignment?counterpart=${counterpart.id}`, { method: "PUT", json: alignmentOfRows(next) });
      setSaving("Saved.");
    } catch (e) {
      setRows(before);
      setSaving(e instanceof ApiError ? e.message : "The alignment could not be saved. Try again.");
    }
  }

  /** A row dragged onto its neighbour: the two linked, as "Link with next row" links them. */
  function dropProps(i: number): React.HTMLAttributes<HTMLDivElement> {
    if (!canAlign) return {};
    return {
      onDragOver(e) {
        if (!e.dataTransfer.types.includes(ROW_DRAG_TYPE)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "link";
        setDropAt(i);
      },
      onDragLeave: () => setDropAt((at) => (at === i ? null : at)),
      onDrop(e) {
        e.preventDefault();
        setDropAt(null);
        const from = Number(e.dataTransfer.getData(ROW_DRAG_TYPE));
        if (!Number.isInteger(from) || from === i) return;
        const joined = Math.abs(from - i) === 1 ? joinRows(rows, Math.min(from, i)) : null;
        if (joined) void realign(joined);
        else setSaving("Drop a row on the row just above or below it, to make a 1:1, 1:2 or 2:1 pair.");
      },
    };
  }

  return (
    <div className="report-text" data-testid="side-by-side">
      <p id={TEXT_HINT_ID} className="sr-only">
        The report beside its {names.theirs} counterpart, row by row. Move through the text with the arrow keys; Shift with them selects.
        Then C comments, H highlights.
      </p>
      <p role="status" className="mb-3 text-sm text-stone-500 empty:hidden dark:text-stone-400">
        {saving}
      </p>
      <div ref={root} className="ProseMirror" {...TEXT_ATTRIBUTES} tabIndex={0} onClick={onClick}>
        {rows.map((row, i) => {
          const key = row.source[0] ?? `t-${row.target[0]}`;
          const theirsShown = narrow && flipped.has(key);
          const theirNotes = inPassages(theirNotesBy, row.target);
          const ourNotes = inPassages(ourNotesBy, row.source);
          return (
            <div
              key={key}
              data-row={key}
              {...dropProps(i)}
              className={`group relative grid grid-cols-1 gap-x-10 gap-y-3 border-stone-200 pt-5 first:pt-0 lg:grid-cols-2 dark:border-stone-800 [&+&]:border-t ${dropAt === i ? "rounded-md bg-amber-50 dark:bg-amber-950/40" : ""}`}
            >
              <div
                data-side="report"
                lang={language ?? undefined}
                dir={languageDirection(language)}
                className={`${cell} ${theirsShown ? "hidden" : ""} ${selected?.row === key && selected.side === "counterpart" ? matched : ""}`}
              >
                {row.source.map((id, k) => (
                  <StaticPassage key={id} passage={ours.get(id)!} highlights={ourHighlights.get(id)} first={i === 0 && k === 0} />
                ))}
                {row.source.length > 0 && theirNotes.length > 0 && (
                  <CounterpartMarker
                    count={theirNotes.length}
                    language={names.theirs}
                    href={`/w/${slug}/r/${counterpart.id}?annotation=${theirNotes[0].id}`}
                  />
                )}
              </div>
              <div
                data-side="counterpart"
                lang={counterpart.language ?? undefined}
                dir={languageDirection(counterpart.language)}
                className={`${cell} ${narrow && !theirsShown ? "hidden" : ""} text-stone-800 dark:text-stone-200 ${selected?.row === key && selected.side === "report" ? matched : ""}`}
              >
                {row.target.map((id) => (
                  <CounterpartPassage key={id} passage={theirs.get(id)!} highlights={theirHighlights.get(id)} />
                ))}
                {row.target.length > 0 && ourNotes.length > 0 && (
                  <CounterpartMarker count={ourNotes.length} language={names.ours} onOpen={() => onOpen(ourNotes[0].id)} />
                )}
              </div>
              {narrow && row.source.length > 0 && row.target.length > 0 && (
                <button
                  type="button"
                  onClick={() => setFlipped((f) => new Set(f.has(key) ? [...f].filter((k) => k !== key) : [...f, key]))}
                  className="min-h-11 justify-self-start font-sans text-sm text-stone-600 underline underline-offset-2 dark:text-stone-300"
                >
                  {theirsShown ? `Show ${names.ours}` : `Show ${names.theirs}`}
                </button>
              )}
              {canAlign && (
                <AlignmentControls
                  row={row}
                  index={i}
                  label={`Alignment of row ${i + 1}`}
                  canJoin={joinRows(rows, i) !== null}
                  onJoin={() => void realign(joinRows(rows, i))}
                  onUnlink={() => void realign(unlinkRow(rows, i))}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

type Noted = { id: string; passageId: string };

/** A list's annotations by passage id, each with its place in the list. */
function byPassage(list: Noted[]): Map<string, { id: string; at: number }[]> {
  const out = new Map<string, { id: string; at: number }[]>();
  list.forEach((a, at) => {
    const group = out.get(a.passageId);
    if (group) group.push({ id: a.id, at });
    else out.set(a.passageId, [{ id: a.id, at }]);
  });
  return out;
}

/** The annotations on any of these passages, in the list's order. */
function inPassages(by: Map<string, { id: string; at: number }[]>, ids: string[]): { id: string }[] {
  const found = ids.flatMap((id) => by.get(id) ?? []);
  return ids.length > 1 ? found.sort((a, b) => a.at - b.at) : found;
}
