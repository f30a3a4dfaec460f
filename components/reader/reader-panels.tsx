"use client";

import type { RefObject } from "react";
import { ALIGNED_MAX } from "@/components/annotations/annotation-sidebar";
import type { Filters } from "@/components/annotations/filters";
import type { VisibilityChoice } from "@/components/annotations/visibility-select";
import type { NotesData } from "@/components/notes/notes-memory";
import { AnnotationsHeader } from "./annotations-header";
import { ReaderNotes, ReaderSidePanels } from "./reader-side-panels";
import { ReaderSidebar } from "./reader-sidebar";
import { useSelectionCitation } from "@/components/citations/use-copy-selection-citation";
import { SelectionToolbar } from "./selection-toolbar";
import type { useAnchorOf } from "./use-anchor-of";
import type { useAnnotationFocus } from "./use-annotation-focus";
import type { useAnnotationWrites } from "./use-annotation-writes";
import type { useComposerDraft } from "./use-composer-draft";
import type { useLiveAnnotations } from "./use-live-annotations";
import type { useOrphans } from "./use-orphans";
import type { useReaderAnnotations } from "./use-reader-annotations";
import type { useSelectionActions } from "./use-selection-actions";
import type { useSidePanel } from "./use-side-panel";
import type { ReaderAnnotation, ReaderContext } from "./types";

/** What the reader's hooks hold, as the panels beside the text read it. */
interface PanelsProps {
  reportId: string;
  context: ReaderContext;
  notes: NotesData | null;
  visible: ReaderAnnotation[];
  store: ReturnType<typeof useReaderAnnotations>;
  composer: ReturnType<typeof useComposerDraft>;
  writes: ReturnType<typeof useAnnotationWrites>;
  focus: ReturnType<typeof useAnnotationFocus>;
  live: ReturnType<typeof useLiveAnnotations>;
  panels: ReturnType<typeof useSidePanel>;
  selected: ReturnType<typeof useSelectionActions>;
  orphans: ReturnType<typeof useOrphans>;
  filters: Filters;
  onFilters: (filters: Filters) => void;
  visibility: VisibilityChoice;
  onVisibility: (visibility: VisibilityChoice) => void;
  canAnnotate: boolean;
  canReattach: boolean;
  canEditNotes: boolean;
  onQuote: (a: ReaderAnnotation) => void;
  wide: boolean;
  anchorOf: ReturnType<typeof useAnchorOf>;
  tagColors: Record<string, string>;
  textRef: RefObject<HTMLElement | null>;
}

/** Beside the text (in the bottom sheet on a phone): the annotations, with their header and filters, and the team notes. */
export function ReaderPanels({
  reportId,
  context,
  notes,
  visible,
  store,
  composer,
  writes,
  focus,
  live,
  panels,
  selected,
  orphans,
  filters,
  onFilters,
  visibility,
  onVisibility,
  canAnnotate,
  canReattach,
  canEditNotes,
  onQuote,
  wide,
  anchorOf,
  tagColors,
  textRef,
}: PanelsProps) {
  const { me } = context;
  const draft = composer.draft;
  const sidebar = (
    <>
      <AnnotationsHeader
        annotations={store.annotations}
        visibleCount={visible.length}
        loadingRest={store.loadingRest}
        wide={wide}
        filters={filters}
        onFilters={onFilters}
        visibility={canAnnotate ? { value: visibility, onChange: onVisibility } : null}
        orphans={orphans}
        canReattach={canReattach}
        reattaching={selected.reattaching}
        onReattach={selected.setReattaching}
        meId={me.id}
      />
      <ReaderSidebar
        context={context}
        visible={visible}
        store={store}
        composer={composer}
        onSaveDraft={async (d, fields) => {
          await writes.create(d, { kind: d.kind, ...fields });
          composer.sent();
        }}
        focusedId={focus.focusedId}
        onSelect={(id) => focus.focusAnnotation(id)}
        replyFocusOf={focus.replyFocusOf}
        threadRefresh={live.threadRefresh}
        onDelete={(a) => void writes.remove(a)}
        onQuote={canEditNotes ? onQuote : undefined}
        visibility={visibility}
        onVisibility={onVisibility}
        canAnnotate={canAnnotate}
        wide={wide}
        anchorOf={anchorOf}
        tagColors={tagColors}
        textRef={textRef}
      />
    </>
  );

  // A long list scrolls by itself beside the text, with its filters above it.
  const longList = visible.length + (draft ? 1 : 0) > ALIGNED_MAX;
  return (
    <ReaderSidePanels
      panel={panels.panel}
      onPanel={panels.setPanel}
      annotationCount={store.annotations.length}
      annotations={sidebar}
      annotationsClassName={longList && wide ? "sticky top-20 flex h-[calc(100vh-6rem)] flex-col" : undefined}
      wide={wide}
      notes={
        notes && (
          <ReaderNotes
            mounted={panels.notesMounted}
            panelRef={panels.notesHandle}
            memory={panels.notesMemory}
            reportId={reportId}
            canEdit={canEditNotes}
            members={context.members}
            meId={me.id}
          />
        )
      }
    />
  );
}

/** The toolbar over a selection: the ways to annotate it, or "Attach here" while an orphan is being re-attached. */
export function ReaderSelectionToolbar({
  selected,
  docked,
  cite,
}: {
  selected: ReturnType<typeof useSelectionActions>;
  docked: boolean;
  /** What "Copy citation" needs: the report, its passages (their pages), and the toasts that confirm it. */
  cite: Omit<Parameters<typeof useSelectionCitation>[0], "selecting">;
}) {
  const { toolbar, reattaching } = selected;
  const onCite = useSelectionCitation({ ...cite, selecting: toolbar !== null });
  if (!toolbar) return null;
  if (reattaching)
    return <SelectionToolbar rect={toolbar.rect} docked={docked} attachLabel="Attach here" onAttach={() => void selected.attach()} />;
  return (
    <SelectionToolbar
      rect={toolbar.rect}
      docked={docked}
      onHighlight={selected.highlight}
      onComment={() => selected.draft("comment")}
      onQuestion={() => selected.draft("question")}
      onClaim={() => selected.draft("claim")}
      onCite={() => selected.cite(onCite)}
    />
  );
}
