"use client";

import type { Editor } from "@tiptap/core";
import { useMemo, useRef, useState } from "react";
import { DRAFT_KEY } from "@/components/annotations/annotation-sidebar";
import { matches } from "@/components/annotations/filters";
import type { VisibilityChoice } from "@/components/annotations/visibility-select";
import { DraftScope } from "@/components/drafts/use-draft";
import type { NotesData } from "@/components/notes/notes-memory";
import { quoteMarkdown } from "@/components/notes/quote-markdown";
import { Toast, useToast } from "@/components/ui/toast";
import type { HighlightIndexJson } from "@/lib/domain/highlight-index";
import { roleAtLeast } from "@/lib/domain/words";
import type { OrphansPage } from "./annotation-list";
import { BottomSheet } from "./bottom-sheet";
import { highlightSpecs } from "./highlight-specs";
import { KeyboardHelp } from "./keyboard-help";
import { PresenceMarkers } from "./presence";
import { ReaderActions } from "./reader-actions";
import { languageName } from "@/lib/format/language-name";
import { ReaderNotices } from "./reader-notices";
import { ReaderPanels, ReaderSelectionToolbar } from "./reader-panels";
import { ReaderText, readerGrid } from "./reader-text";
import { useSideBySideLayout } from "./side-by-side/use-side-by-side";
import type { SideBySideData } from "@/lib/domain/side-by-side";
import { TextCaret } from "./text-caret";
import { copyPassageLink } from "./text-selection";
import { focusedCardId, useAnnotationFocus } from "./use-annotation-focus";
import { useAnchorOf } from "./use-anchor-of";
import { useAnnotationWrites } from "./use-annotation-writes";
import { useComposerDraft } from "./use-composer-draft";
import { useLiveAnnotations } from "./use-live-annotations";
import { useMediaQuery } from "./use-media-query";
import { useOrphans } from "./use-orphans";
import { useReaderAnnotations } from "./use-reader-annotations";
import { useReaderFilters } from "./use-reader-filters";
import { useLinkedAnnotation } from "./use-linked-annotation";
import { useReaderKeys } from "./use-reader-keys";
import { useSelectionActions } from "./use-selection-actions";
import { useSidePanel } from "./use-side-panel";
import { useStoredChoice } from "./use-stored-choice";
import { useTextKeyboard } from "./use-text-keyboard";
import type { ReaderAnnotation, ReaderContext } from "./types";

interface Props {
  reportId: string;
  slug: string;
  context: ReaderContext;
  /** The first page of annotations, in reading order. */
  initialAnnotations: ReaderAnnotation[];
  /** Where the rest continue (read by the browser, page by page); null when the first page was all. */
  initialCursor?: string | null;
  /** For a long report, where further parts of the list start (¶ and a cursor): read side by side with the part after the first page. */
  moreParts?: { from: number; cursor: string }[];
  /** Every annotation's place, when the first page is not all: its highlight is painted with the text, before its card has arrived. */
  highlightIndex?: HighlightIndexJson | null;
  /** The earlier version shown, or null for the current one. */
  version?: number | null;
  /** The first page of the current version's orphans, with their count. */
  initialOrphans?: OrphansPage;
  canAnnotate: boolean;
  /** The team notes; null where they are not offered (an earlier version). */
  notes: NotesData | null;
  /** The newest event when the page was rendered: the live stream starts after it. Null for an earlier version (not live). */
  initialEventId: string | null;
  header: React.ReactNode;
  outline: React.ReactNode;
  /** The report's translation (or the report it translates), to read beside it; null when it has none. */
  sideBySide?: SideBySideData | null;
}

/**
 * From this many passages on, a report is read as its server-rendered text, without an editor (see
 * ReportDocument), and while the rest of the cards arrive, passages off screen are not laid out
 * (CSS content-visibility), so the text and all its highlights appear at once.
 */
const LONG_REPORT = 300;
/** An earlier version has no orphans to show (they belong to the current one). */
const NO_ORPHANS: OrphansPage = { orphans: [], nextCursor: null, total: 0 };

/** The report page: the text, its annotations beside it (a bottom sheet on a phone), the team notes, and the ways to annotate. */
export function Reader({
  reportId,
  slug,
  context,
  initialAnnotations,
  initialCursor = null,
  moreParts = [],
  highlightIndex = null,
  version = null,
  initialOrphans = NO_ORPHANS,
  canAnnotate,
  notes,
  initialEventId,
  header,
  outline,
  sideBySide = null,
}: Props) {
  const { passages, me } = context;
  const both = useSideBySideLayout()[0] && sideBySide !== null;
  // Beside its counterpart the text is read without an editor, as a long report's is.
  const textOnly = passages.length > LONG_REPORT || both;
  const textRef = useRef<HTMLElement>(null);
  const wide = useMediaQuery("(min-width: 1024px)");
  // On a phone the selection toolbar sits along the bottom, clear of the system's own menu.
  const docked = useMediaQuery("(max-width: 639px), (pointer: coarse)");
  const { filters, setFilters, pathname, searchParams, refresh } = useReaderFilters();
  const [editor, setEditor] = useState<Editor | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [visibility, setVisibility] = useStoredChoice<VisibilityChoice>("marginalia.visibility", ["workspace", "private"]);
  const toasts = useToast();
  const orphans = useOrphans(reportId, initialOrphans);
  const store = useReaderAnnotations({
    reportId,
    version,
    passages,
    initialAnnotations,
    initialCursor,
    moreParts,
    highlightIndex,
    orphans,
    onError: setError,
  });
  const live = useLiveAnnotations({ reportId, meId: me.id, initialEventId, store, orphans });
  const focus = useAnnotationFocus({ textRef, onOpen: store.seen });
  const composer = useComposerDraft({
    reportId,
    passages,
    onDiscarded: (restore) => toasts.show({ message: "Draft closed.", action: { label: "Undo", run: restore } }),
  });
  const panels = useSidePanel({ notes, startWithNotes: searchParams.get("panel") === "notes" });
  const canReattach = roleAtLeast(me.role, "editor");
  const canEditNotes = notes !== null && roleAtLeast(me.role, "annotator");
  const draft = composer.draft;

  const visible = useMemo(() => store.annotations.filter((a) => matches(a, filters, { meId: me.id })), [store.annotations, filters, me.id]);
  const tagColors = useMemo(() => Object.fromEntries(context.tags.map((t) => [t.name.toLowerCase(), t.color])), [context.tags]);
  const highlights = useMemo(
    () => highlightSpecs([...visible, ...store.indexedOnly.filter((e) => matches(e, filters, { meId: me.id }))], focus.focusedId, draft),
    [visible, store.indexedOnly, filters, focus.focusedId, draft, me.id],
  );
  const anchorOf = useAnchorOf({ textRef, editor, textOnly, draft });

  const writes = useAnnotationWrites({
    reportId,
    visibility,
    store,
    orphans,
    // The new card has the focus: the keyboard goes on from it.
    onCreated: (id) => focus.focusAnnotation(id, { scrollText: false }),
    onDeleted: () => focus.setFocusedId(null),
    onError: setError,
    toast: toasts.show,
  });

  const selected = useSelectionActions({
    textRef,
    editor,
    textOnly,
    enabled: canAnnotate && !draft,
    writes,
    onDraft: (selection, kind) => {
      panels.setPanel("annotations");
      composer.start(selection, kind);
      setSheetOpen(true);
    },
    onAttached: focus.setFocusedId,
  });
  const { toolbar } = selected;

  function quoteInNotes(a: ReaderAnnotation) {
    panels.insertInNotes(quoteMarkdown(a, `${pathname}#p-${a.passageIndex}`));
    setSheetOpen(true);
  }

  /** A highlight chosen in the text (a click, a tap, Enter): its card opens, in the sheet on a phone. */
  function openHighlight(id: string, moveFocus = true) {
    // Painted from the index, its card not read yet: read that one now.
    if (!store.hasCard(id)) void store.refresh(id, false);
    focus.focusAnnotation(id, { scrollText: false, moveFocus });
    if (!wide) setSheetOpen(true);
  }

  useReaderKeys({
    ids: visible.map((a) => a.id),
    currentId: () => focusedCardId() ?? focus.focusedId,
    onHighlight: selected.highlight,
    onComment: () => selected.draft("comment"),
    onMove: (id) => focus.focusAnnotation(id),
    onReply: (id) => {
      focus.requestReply(id);
      setSheetOpen(true);
    },
    onEscape: () => {
      if (toolbar) selected.hide();
      else if (draft) composer.close();
      else if (focus.focusedId) focus.close();
    },
    onHelp: () => setHelpOpen(true),
  });
  useTextKeyboard(textRef, { onOpen: (id) => openHighlight(id), onShow: (id) => openHighlight(id, false) });

  // Clicks in the text: a highlight opens its card; a ¶ number copies a link to its passage.
  function onTextClick(e: React.MouseEvent) {
    const target = e.target as HTMLElement;
    const link = target.closest<HTMLElement>("[data-passage-link]");
    if (link) {
      e.preventDefault();
      return copyPassageLink(link);
    }
    const hl = target.closest<HTMLElement>(".hl[data-annotation-id]");
    if (hl && window.getSelection()?.isCollapsed && hl.dataset.annotationId !== DRAFT_KEY) openHighlight(hl.dataset.annotationId!);
  }

  useLinkedAnnotation({
    linked: searchParams.get("annotation"),
    ready: editor !== null || textOnly,
    hasCard: store.hasCard,
    open: focus.focusAnnotation,
  });

  const sidePanels = (
    <ReaderPanels
      reportId={reportId}
      context={context}
      notes={notes}
      visible={visible}
      store={store}
      composer={composer}
      writes={writes}
      focus={focus}
      live={live}
      panels={panels}
      selected={selected}
      orphans={orphans}
      filters={filters}
      onFilters={setFilters}
      visibility={visibility}
      onVisibility={setVisibility}
      canAnnotate={canAnnotate}
      canReattach={canReattach}
      canEditNotes={canEditNotes}
      onQuote={quoteInNotes}
      wide={wide}
      anchorOf={anchorOf}
      tagColors={tagColors}
      textRef={textRef}
    />
  );

  return (
    <DraftScope value={reportId}>
      <div className={readerGrid(both)}>
        <nav aria-label="Outline" className={both ? "hidden" : "hidden lg:block"}>
          <div className="sticky top-20 max-h-[calc(100vh-6rem)] overflow-y-auto pt-10">{outline}</div>
        </nav>
        <main className="relative min-w-0 pt-10 lg:pl-16" onClick={onTextClick} ref={textRef}>
          {header}
          <ReaderActions
            reportId={reportId}
            slug={slug}
            members={context.members}
            tags={context.tags}
            filters={filters}
            current={notes !== null}
            canImport={canAnnotate}
            onImported={() => void store.reload()}
            onHelp={() => setHelpOpen(true)}
            others={live.others}
            liveStatus={live.status}
            counterpartLanguage={sideBySide && (languageName(sideBySide.counterpart.language) ?? "translation")}
          />
          <ReaderNotices liveStatus={live.status} reportChanged={live.reportChanged} onRefresh={refresh} error={error} />
          <ReaderText
            sideBySide={both ? sideBySide : null}
            side={{ reportId, slug, annotations: visible, narrow: !wide, canAlign: canReattach && notes !== null, onOpen: openHighlight }}
            document={{ passages, highlights, onEditor: setEditor, long: textOnly && store.loadingRest, textOnly }}
          />
          <TextCaret container={textRef} />
          <PresenceMarkers people={live.others} container={textRef} />
          <ReaderSelectionToolbar selected={selected} docked={docked} cite={{ reportId, slug, passages, toasts }} />
          <Toast toast={toasts.toast} onDismiss={toasts.dismiss} />
          <KeyboardHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
        </main>
        {wide ? (
          <aside aria-label="Annotations and team notes" className="pt-10">
            {sidePanels}
          </aside>
        ) : (
          <BottomSheet open={sheetOpen || draft !== null} onOpenChange={setSheetOpen} count={visible.length}>
            {sidePanels}
          </BottomSheet>
        )}
      </div>
    </DraftScope>
  );
}
