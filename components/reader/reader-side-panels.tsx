"use client";

import { lazy, Suspense, type ReactNode } from "react";
import type { NotesMemory, NotesPanelHandle } from "@/components/notes/notes-memory";
import { LoadingPanel } from "@/components/ui/skeleton";
import type { Panel } from "./use-side-panel";

// Loaded when first shown: it brings an editor, Yjs and the collaboration client.
const NotesPanel = lazy(() => import("@/components/notes/notes-panel").then((m) => ({ default: m.NotesPanel })));

interface Props {
  panel: Panel;
  onPanel: (panel: Panel) => void;
  annotationCount: number;
  /** The annotations tab's content: its header and the list. */
  annotations: ReactNode;
  /** Classes for the annotations' panel (a long list's fixed-height box on a wide screen). */
  annotationsClassName?: string;
  wide: boolean;
  /** The team notes' panel, or null where they are not offered (an earlier version): then there are no tabs. */
  notes: ReactNode | null;
}

/** The team notes' panel, made when first shown (`mounted`), its code loaded then. */
export function ReaderNotes({
  mounted,
  panelRef,
  ...props
}: {
  mounted: boolean;
  panelRef: (handle: NotesPanelHandle | null) => void;
  memory: NotesMemory;
  reportId: string;
  canEdit: boolean;
  members: { id: string; name: string }[];
  meId: string;
}) {
  return (
    mounted && (
      <Suspense fallback={<LoadingPanel label="Team notes" />}>
        <NotesPanel ref={panelRef} {...props} />
      </Suspense>
    )
  );
}

const TABS: { id: Panel; label: string }[] = [
  { id: "annotations", label: "Annotations" },
  { id: "notes", label: "Team notes" },
];

/** Beside the text (or in the phone's sheet): the annotations and, in a tab of their own, the team notes. */
export function ReaderSidePanels({ panel, onPanel, annotationCount, annotations, annotationsClassName, wide, notes }: Props) {
  if (notes === null) return <div className={annotationsClassName}>{annotations}</div>;
  return (
    <>
      <div
        role="tablist"
        aria-label="Side panel"
        className="mb-4 flex gap-1 border-b border-stone-200 dark:border-stone-800"
        onKeyDown={(e) => {
          if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
          const next: Panel = panel === "annotations" ? "notes" : "annotations";
          onPanel(next);
          document.getElementById(`panel-tab-${next}`)?.focus();
        }}
      >
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`panel-tab-${t.id}`}
            aria-selected={panel === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={panel === t.id ? 0 : -1}
            onClick={() => onPanel(t.id)}
            className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-stone-600 hover:text-stone-900 focus-visible:outline-2 focus-visible:outline-amber-600 aria-selected:border-amber-600 aria-selected:text-stone-900 dark:text-stone-400 dark:hover:text-stone-100 dark:aria-selected:text-stone-100"
          >
            {t.label}
            {t.id === "annotations" && <span className="ml-1.5 font-normal text-stone-500 dark:text-stone-400">{annotationCount}</span>}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id="panel-annotations"
        aria-labelledby="panel-tab-annotations"
        hidden={panel !== "annotations"}
        className={annotationsClassName}
      >
        {annotations}
      </div>
      <div
        role="tabpanel"
        id="panel-notes"
        aria-labelledby="panel-tab-notes"
        hidden={panel !== "notes"}
        // Beside the text while it scrolls: read on the left, write on the right.
        className={wide ? "sticky top-20 flex h-[calc(100vh-7rem)] flex-col" : "flex min-h-[60vh] flex-col"}
      >
        {notes}
      </div>
    </>
  );
}
