"use client";

import type { Editor } from "@tiptap/core";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { AnnotationFilters } from "@/components/annotations/annotation-filters";
import { ALIGNED_MAX, AnnotationSidebar, DRAFT_KEY } from "@/components/annotations/annotation-sidebar";
import { OrphansPanel } from "@/components/annotations/orphans-panel";
import { filtersFromParams, matches, paramsWithFilters, type Filters } from "@/components/annotations/filters";
import { VisibilitySelect, type VisibilityChoice } from "@/components/annotations/visibility-select";
import { ExportDialog } from "@/components/export/export-dialog";
import { ImportAnnotationsDialog } from "@/components/export/import-annotations-dialog";
import { NotesMemory, type NotesData, type NotesPanelHandle } from "@/components/notes/notes-memory";
import { quoteMarkdown } from "@/components/notes/quote-markdown";
import { Alert } from "@/components/ui/alert";
import { LoadingPanel } from "@/components/ui/skeleton";
import { apiFetch } from "@/lib/api/client";
import { fetchAllPages, pagesOf, sizedPageUrl } from "@/lib/api/pages";
import { passagePositions, rangeInDocument, type HighlightSpec } from "./editor-positions";
import { ReportDocument } from "./report-document";
import { selectionInPassage } from "./selection";
import { selectionInText, topOfOffset } from "./text-selection";
import { SelectionToolbar } from "./selection-toolbar";
import { BottomSheet } from "./bottom-sheet";
import { useMediaQuery } from "./use-media-query";
import { useReaderKeys } from "./use-reader-keys";
import { useStoredChoice } from "./use-stored-choice";
import { useLiveReport, type LiveChange } from "./use-live-report";
import { READER_PAGE, readerListPath, type OrphansPage } from "./annotation-list";
import { PresenceMarkers, ReadingNow } from "./presence";
import { useOrphans } from "./use-orphans";
import { decodeHighlightIndex, type HighlightIndexJson, type IndexedHighlight } from "./highlight-index";
import type { PendingSelection, ReaderAnnotation, ReaderContext } from "./types";

// Loaded when first shown, not with the page: each brings an editor (TipTap and ProseMirror, and for
// the notes Yjs and the collaboration client), whose code took most of the task that hydrated a
// long report's page.
const CommentComposer = lazy(() => import("@/components/annotations/comment-composer").then((m) => ({ default: m.CommentComposer })));
const ThreadPanel = lazy(() => import("@/components/threads/thread-panel").then((m) => ({ default: m.ThreadPanel })));
const NotesPanel = lazy(() => import("@/components/notes/notes-panel").then((m) => ({ default: m.NotesPanel })));

interface Props {
  reportId: string;
  slug: string;
  context: ReaderContext;
  /** The first page of annotations, in reading order. */
  initialAnnotations: ReaderAnnotation[];
  /** Where the rest continue (read by the browser, page by page); null when the first page was all. */
  initialCursor?: string | null;
  /**
   * For a long report, where further parts of the list start (¶ and a cursor): read side by side
   * with the part after the first page, each up to where the next begins.
   */
  moreParts?: { from: number; cursor: string }[];
  /**
   * Every annotation's place, when the first page is not all: its highlight is painted
   * with the text, before its card has arrived.
   */
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
}

type DraftKind = "comment" | "question" | "claim";

type Toolbar = { selection: PendingSelection; rect: { top: number; left: number; bottom: number; width: number } };

function readingOrder(a: ReaderAnnotation, b: ReaderAnnotation): number {
  return a.passageIndex - b.passageIndex || a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt);
}

type Panel = "annotations" | "notes";

/**
 * From this many passages on, a report is read as its server-rendered text, without an editor (see
 * ReportDocument), and while the rest of the cards arrive, passages off screen are not
 * laid out (CSS content-visibility), so the text and all its highlights appear at once. Once all
 * cards are in, the passages are laid out a few at a time (see useLayoutInSteps): kept lazy,
 * programmatic scrolling (a link to a passage, the outline, the list following the text) landed
 * in the wrong place; laid out at once, they took most of a second for 1,000 passages and 9,000
 * highlights, in the middle of reading.
 */
const LONG_REPORT = 300;
/** An earlier version has no orphans to show (they belong to the current one). */
const NO_ORPHANS: OrphansPage = { orphans: [], nextCursor: null, total: 0 };


/** Puts pages that arrive into the list: what the list already has (fresher, from live events) wins; deleted ones stay out. */
function mergeInto(list: ReaderAnnotation[], incoming: ReaderAnnotation[], removed: ReadonlySet<string>): ReaderAnnotation[] {
  const have = new Set(list.map((a) => a.id));
  const added = incoming.filter((a) => !have.has(a.id) && !removed.has(a.id));
  return added.length ? [...list, ...added].sort(readingOrder) : list;
}

export function Reader({ reportId, slug, context, initialAnnotations, initialCursor = null, moreParts = [], highlightIndex = null, version = null, initialOrphans = NO_ORPHANS, canAnnotate, notes, initialEventId, header, outline }: Props) {
  const { passages } = context;
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(searchParams.toString())), [searchParams]);
  const setFilters = useCallback(
    (next: Filters) => {
      const qs = paramsWithFilters(new URLSearchParams(searchParams.toString()), next).toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [router, pathname, searchParams],
  );
  const [editor, setEditor] = useState<Editor | null>(null);
  const [annotations, setAnnotations] = useState(() => [...initialAnnotations].sort(readingOrder));
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [toolbar, setToolbar] = useState<Toolbar | null>(null);
  const [draft, setDraft] = useState<(PendingSelection & { kind: DraftKind }) | null>(null);
  const [undo, setUndo] = useState<ReaderAnnotation | null>(null);
  const orphans = useOrphans(reportId, initialOrphans);
  // Others' annotations since the page opened, marked until looked at.
  const [newIds, setNewIds] = useState<ReadonlySet<string>>(() => new Set());
  const [reattaching, setReattaching] = useState<string | null>(null);
  const canReattach = context.me.role === "editor" || context.me.role === "owner";
  const [visibility, setVisibility] = useStoredChoice<VisibilityChoice>("marginalia.visibility", ["workspace", "private"]);
  const [error, setError] = useState<string | null>(null);
  const listPath = readerListPath(reportId, version);
  // Deleted while pages were still arriving: a page read before the deletion must not bring it back.
  const removed = useRef(new Set<string>());
  const [loadingRest, setLoadingRest] = useState(initialCursor !== null);
  // Highlights of the annotations whose cards have not arrived yet; dropped once all have.
  const [index, setIndex] = useState<IndexedHighlight[] | null>(() => (initialCursor !== null && highlightIndex ? decodeHighlightIndex(highlightIndex, passages) : null));
  const dropFromIndex = (id: string) => setIndex((entries) => entries && entries.filter((e) => e.id !== id));
  useEffect(() => {
    if (initialCursor === null) return;
    const abort = new AbortController();
    // Put in a few pages at a time: each change of the list re-renders the sidebar and re-places highlights.
    let pending: ReaderAnnotation[] = [];
    let last = performance.now();
    const flush = () => {
      const batch = pending;
      pending = [];
      last = performance.now();
      if (batch.length) setAnnotations((list) => mergeInto(list, batch, removed.current));
    };
    // The part after the first page, and the further parts the server marked, each read up to where the next starts.
    const parts = [{ cursor: initialCursor, until: moreParts[0]?.from ?? Infinity }, ...moreParts.map((p, i) => ({ cursor: p.cursor, until: moreParts[i + 1]?.from ?? Infinity }))];
    const readPart = async ({ cursor, until }: { cursor: string; until: number }) => {
      for await (const page of pagesOf<ReaderAnnotation>(listPath, "annotations", { limit: READER_PAGE, cursor, signal: abort.signal })) {
        if (abort.signal.aborted) return;
        pending.push(...page.filter((a) => a.passageIndex < until));
        if (performance.now() - last > 1_000) flush();
        if (page.some((a) => a.passageIndex >= until)) return;
      }
    };
    void Promise.all(parts.map(readPart))
      .then(() => {
        if (!abort.signal.aborted) flush();
      })
      .catch((e) => {
        if (!abort.signal.aborted) {
          flush();
          setError(`Some annotations could not be loaded: ${(e as Error).message}. Reload the page to see them all.`);
        }
      })
      .finally(() => {
        if (abort.signal.aborted) return;
        setLoadingRest(false);
        setIndex(null);
      });
    return () => abort.abort();
  }, [initialCursor, listPath]); // eslint-disable-line react-hooks/exhaustive-deps -- moreParts come with initialCursor
  const [sheetOpen, setSheetOpen] = useState(false);
  const wide = useMediaQuery("(min-width: 1024px)");
  const textRef = useRef<HTMLDivElement>(null);
  const [panel, setPanel] = useState<Panel>(() => (notes && searchParams.get("panel") === "notes" ? "notes" : "annotations"));
  // The notes panel (and its connection) is made when the notes are first shown, and kept after.
  const [notesMounted, setNotesMounted] = useState(panel === "notes");
  if (panel === "notes" && !notesMounted) setNotesMounted(true);
  const notesRef = useRef<NotesPanelHandle | null>(null);
  // Quotes sent while the panel's code is still loading: inserted when it is there.
  const notesQueue = useRef<string[]>([]);
  const notesHandle = useCallback((handle: NotesPanelHandle | null) => {
    notesRef.current = handle;
    if (handle) for (const markdown of notesQueue.current.splice(0)) handle.insert(markdown);
  }, []);
  // The notes outlive the panel: switching between the phone sheet and the wide sidebar remounts it.
  const [notesMemory] = useState(() => new NotesMemory(notes ?? { body: "", version: 0, updatedAt: null, updatedBy: null }));
  const canEditNotes = notes !== null && context.me.role !== "viewer";

  const tagColors = useMemo(() => Object.fromEntries(context.tags.map((t) => [t.name.toLowerCase(), t.color])), [context.tags]);
  const visible = useMemo(() => annotations.filter((a) => matches(a, filters)), [annotations, filters]);
  const replace = useCallback((next: ReaderAnnotation) => setAnnotations((list) => list.map((a) => (a.id === next.id ? next : a))), []);

  // Highlights follow the (filtered) annotations, those only in the index while cards arrive, the focus and the draft.
  const indexedOnly = useMemo(() => {
    if (!index) return [];
    const have = new Set(annotations.map((a) => a.id));
    return index.filter((e) => !have.has(e.id) && matches(e, filters));
  }, [index, annotations, filters]);
  const highlights = useMemo(() => {
    const specs: HighlightSpec[] = [...visible, ...indexedOnly].map((a) => ({ id: a.id, passageId: a.passageId, start: a.start, end: a.end, kind: a.kind, focused: a.id === focusedId }));
    if (draft) specs.push({ id: DRAFT_KEY, passageId: draft.passageId, start: draft.start, end: draft.end, kind: "pending", focused: true });
    return specs;
  }, [visible, indexedOnly, focusedId, draft]);

  const positions = useMemo(() => (editor ? passagePositions(editor.state.doc) : null), [editor]);
  const textOnly = passages.length > LONG_REPORT;

  const anchorOf = useCallback(
    (key: string, container: HTMLElement) => {
      const base = container.getBoundingClientRect().top;
      if (key === DRAFT_KEY) {
        if (!draft) return null;
        if (textOnly) {
          const top = textRef.current ? topOfOffset(textRef.current, draft.passageId, draft.start) : null;
          return top === null ? null : top - base;
        }
        if (!editor || !positions) return null;
        const range = rangeInDocument(positions, draft);
        return range ? editor.view.coordsAtPos(range.from).top - base : null;
      }
      const el = textRef.current?.querySelector(`[data-annotation-id="${CSS.escape(key)}"]`);
      return el ? el.getBoundingClientRect().top - base : null;
    },
    [editor, draft, positions, textOnly],
  );

  const readSelection = useCallback(() => {
    if (!canAnnotate || draft) return;
    const selection = window.getSelection();
    const text = textRef.current?.querySelector<HTMLElement>("[data-testid=report-text]");
    const pending = textOnly ? (text ? selectionInText(text, selection) : null) : editor ? selectionInPassage(editor, selection) : null;
    if (!pending || !selection) return setToolbar(null);
    const r = selection.getRangeAt(0).getBoundingClientRect();
    setToolbar({ selection: pending, rect: { top: r.top, left: r.left, bottom: r.bottom, width: r.width } });
  }, [editor, canAnnotate, draft, textOnly]);

  useEffect(() => {
    const onChange = () => {
      if (window.getSelection()?.isCollapsed) setToolbar(null);
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, []);

  const focusAnnotation = useCallback((id: string, scrollText: boolean) => {
    setFocusedId(id);
    setNewIds((ids) => {
      if (!ids.has(id)) return ids;
      const next = new Set(ids);
      next.delete(id);
      return next;
    });
    requestAnimationFrame(() => {
      if (scrollText) textRef.current?.querySelector(`[data-annotation-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
      const card = document.querySelector<HTMLElement>(`[data-testid="annotation-card"][data-annotation-id="${CSS.escape(id)}"]`);
      card?.scrollIntoView({ block: "nearest", behavior: "smooth" });
      card?.focus({ preventScroll: true });
    });
  }, []);

  async function createAnnotation(selection: PendingSelection, fields: { kind: DraftKind | "highlight"; body?: string; claimSummary?: string }) {
    const created = await apiFetch<ReaderAnnotation>(`/api/v1/reports/${reportId}/annotations`, {
      method: "POST",
      json: { passageId: selection.passageId, start: selection.start, end: selection.end, quote: selection.quote, visibility, ...fields },
    });
    setAnnotations((list) => [...list, created].sort(readingOrder));
    setFocusedId(created.id);
    return created;
  }

  async function attachHere() {
    if (!toolbar || !reattaching) return;
    const { selection } = toolbar;
    setToolbar(null);
    window.getSelection()?.removeAllRanges();
    try {
      setError(null);
      const placed = await apiFetch<ReaderAnnotation>(`/api/v1/annotations/${reattaching}/anchor`, {
        method: "PUT",
        json: { passageId: selection.passageId, start: selection.start, end: selection.end },
      });
      orphans.remove(placed.id);
      setAnnotations((list) => [...list.filter((a) => a.id !== placed.id), placed].sort(readingOrder));
      setReattaching(null);
      setFocusedId(placed.id);
    } catch (e) {
      setError(`The annotation was not re-attached: ${(e as Error).message}`);
    }
  }

  async function highlight() {
    if (!toolbar) return;
    const { selection } = toolbar;
    setToolbar(null);
    window.getSelection()?.removeAllRanges();
    try {
      setError(null);
      await createAnnotation(selection, { kind: "highlight" });
    } catch (e) {
      setError(`The highlight was not saved: ${(e as Error).message}`);
    }
  }

  function startDraft(kind: DraftKind) {
    if (!toolbar) return;
    setPanel("annotations");
    setDraft({ ...toolbar.selection, kind });
    setToolbar(null);
    setSheetOpen(true);
    window.getSelection()?.removeAllRanges();
  }

  // A link such as ?annotation=… (from a notification or the claims list) opens that thread.
  const linked = searchParams.get("annotation");
  useEffect(() => {
    if (!(editor || textOnly) || !linked || !annotations.some((a) => a.id === linked)) return;
    // After the highlights are painted, so there is something to scroll to.
    const frame = requestAnimationFrame(() => focusAnnotation(linked, true));
    return () => cancelAnimationFrame(frame);
  }, [editor, linked]); // eslint-disable-line react-hooks/exhaustive-deps -- only when the link or the editor changes

  // After an import: the new annotations, and the orphans among them, without a reload.
  async function reloadAnnotations() {
    try {
      const [list] = await Promise.all([fetchAllPages<ReaderAnnotation>(sizedPageUrl(listPath, READER_PAGE), "annotations"), orphans.reload()]);
      setAnnotations(list.filter((a) => !removed.current.has(a.id)).sort(readingOrder));
    } catch (e) {
      setError(`The annotations could not be reloaded: ${(e as Error).message}. Reload the page to see them.`);
    }
  }

  // Live: others' changes arrive as events naming the item; the item is read afresh and put in place.
  const [threadRefresh, setThreadRefresh] = useState<Record<string, number>>({});
  const [reportChanged, setReportChanged] = useState<"versioned" | "updated" | null>(null);
  async function refreshAnnotation(id: string, isNew: boolean) {
    try {
      const fresh = await apiFetch<ReaderAnnotation>(`/api/v1/annotations/${id}`);
      removed.current.delete(id);
      if (fresh.anchorStatus === "orphaned") {
        setAnnotations((list) => list.filter((a) => a.id !== id));
        dropFromIndex(id);
        orphans.put(fresh);
        return;
      }
      // Re-attached (by someone else, or by an import): no longer an orphan.
      orphans.remove(id);
      setAnnotations((list) => [...list.filter((a) => a.id !== id), fresh].sort(readingOrder));
      if (isNew) setNewIds((ids) => new Set(ids).add(id));
    } catch {
      // Gone or no longer visible to us: drop it.
      setAnnotations((list) => list.filter((a) => a.id !== id));
      dropFromIndex(id);
    }
  }
  function onLiveChange(change: LiveChange) {
    const mine = change.actorId === context.me.id;
    switch (change.type) {
      case "annotation.created":
      case "annotation.restored":
        void refreshAnnotation(change.itemId, !mine);
        break;
      case "annotation.updated": case "annotation.resolved": case "annotation.reopened":
      case "stance.changed":
      case "verdict.changed":
        void refreshAnnotation(change.itemId, false);
        break;
      case "annotation.deleted":
        removed.current.add(change.itemId);
        setAnnotations((list) => list.filter((a) => a.id !== change.itemId));
        dropFromIndex(change.itemId);
        orphans.remove(change.itemId);
        break;
      case "reply.created":
      case "reply.updated":
      case "reply.deleted":
      case "reply.restored":
        if (change.parentId) {
          void refreshAnnotation(change.parentId, false);
          if (!mine) setThreadRefresh((r) => ({ ...r, [change.parentId!]: (r[change.parentId!] ?? 0) + 1 }));
        }
        break;
      case "annotations.imported":
        void reloadAnnotations();
        break;
      case "report.versioned":
        setReportChanged("versioned");
        break;
      case "report.updated":
        if (!mine) setReportChanged((c) => c ?? "updated");
        break;
    }
  }
  const live = useLiveReport({ reportId, afterId: initialEventId ?? "0", onChange: onLiveChange, enabled: initialEventId !== null });
  const others = live.people.filter((p) => p.user.id !== context.me.id);

  function quoteInNotes(a: ReaderAnnotation) {
    setPanel("notes");
    setSheetOpen(true);
    // Once the notes are showing, so the inserted quote can be scrolled to.
    const markdown = quoteMarkdown(a, `${pathname}#p-${a.passageIndex}`);
    requestAnimationFrame(() => {
      if (notesRef.current) notesRef.current.insert(markdown);
      else notesQueue.current.push(markdown);
    });
  }

  async function deleteAnnotation(a: ReaderAnnotation) {
    try {
      setError(null);
      await apiFetch(`/api/v1/annotations/${a.id}`, { method: "DELETE" });
      removed.current.add(a.id);
      setAnnotations((list) => list.filter((x) => x.id !== a.id));
      dropFromIndex(a.id);
      setFocusedId(null);
      setUndo(a);
    } catch (e) {
      setError(`The annotation was not deleted: ${(e as Error).message}`);
    }
  }

  async function restore(a: ReaderAnnotation) {
    setUndo(null);
    try {
      const restored = await apiFetch<ReaderAnnotation>(`/api/v1/annotations/${a.id}/restore`, { method: "POST" });
      removed.current.delete(a.id);
      setAnnotations((list) => [...list, restored].sort(readingOrder));
    } catch (e) {
      setError(`The annotation could not be restored: ${(e as Error).message}`);
    }
  }

  useReaderKeys({
    annotations: visible,
    focusedId,
    toolbarOpen: toolbar !== null,
    onHighlight: highlight,
    onComment: () => startDraft("comment"),
    onFocus: (id) => focusAnnotation(id, true),
    onEscape: () => {
      if (toolbar) setToolbar(null);
      else if (focusedId) setFocusedId(null);
    },
  });

  // Clicks in the text: a highlight focuses its card; a ¶ number copies a link to its passage.
  function onTextClick(e: React.MouseEvent) {
    const target = e.target as HTMLElement;
    const link = target.closest<HTMLAnchorElement>("[data-passage-link]");
    if (link) {
      e.preventDefault();
      const url = `${window.location.origin}${window.location.pathname}#p-${link.dataset.passageLink}`;
      window.history.replaceState(null, "", url);
      void navigator.clipboard?.writeText(url).catch(() => undefined);
      link.scrollIntoView({ block: "start", behavior: "smooth" });
      return;
    }
    const hl = target.closest<HTMLElement>("[data-annotation-id]");
    if (hl && window.getSelection()?.isCollapsed && hl.dataset.annotationId !== DRAFT_KEY) {
      const id = hl.dataset.annotationId!;
      // A highlight painted from the index, whose card has not arrived yet: read that one now.
      if (index && !annotations.some((a) => a.id === id)) void refreshAnnotation(id, false);
      focusAnnotation(id, false);
      if (!wide) setSheetOpen(true);
    }
  }

  const composer = (ref: (node: HTMLElement | null) => void, style?: React.CSSProperties) =>
    draft && (
      <Suspense fallback={<LoadingPanel label="New annotation" ref={ref} style={style} />}>
        <CommentComposer
          ref={ref}
          style={style}
          selection={draft}
          kind={draft.kind}
          members={context.members}
          visibility={visibility}
          onVisibilityChange={setVisibility}
          onCancel={() => setDraft(null)}
          onSave={async (fields) => {
            await createAnnotation(draft, { kind: draft.kind, ...fields });
            setDraft(null);
          }}
        />
      </Suspense>
    );

  const sidebar = (
    <AnnotationSidebar
      annotations={visible}
      draft={draft}
      focusedId={focusedId}
      aligned={wide}
      canAnnotate={canAnnotate}
      anchorOf={anchorOf}
      onSelect={(id) => focusAnnotation(id, true)}
      renderThread={(a) => (
        <Suspense fallback={<LoadingPanel label="Thread" />}>
          <ThreadPanel
            annotation={a}
            context={context}
            onChange={replace}
            onDelete={deleteAnnotation}
            onQuote={canEditNotes ? quoteInNotes : undefined}
            refreshKey={threadRefresh[a.id] ?? 0}
          />
        </Suspense>
      )}
      renderComposer={composer}
      tagColors={tagColors}
      newIds={newIds}
      textRef={textRef}
      listClassName={wide ? "min-h-0 flex-1" : "h-[50vh]"}
    />
  );

  const sidebarHeader = (
    // In a long list's fixed-height panel, the list takes the room that is left, never the header.
    <div className="shrink-0">
    <div className="mb-3 flex items-center justify-between gap-2">
      {/* On phones the sheet's own button already names the list. */}
      <h2 className={wide ? "text-sm font-semibold" : "sr-only"}>
        Annotations <span className="font-normal text-stone-500 dark:text-stone-400">{visible.length === annotations.length ? annotations.length : `${visible.length} of ${annotations.length}`}</span>
        {loadingRest && (
          <span role="status" className="ml-2 text-xs font-normal text-stone-500 dark:text-stone-400">
            loading more…
          </span>
        )}
      </h2>
      {canAnnotate && <VisibilitySelect value={visibility} onChange={setVisibility} label="New ones visible to" />}
    </div>
    <OrphansPanel
      orphans={orphans.orphans}
      total={orphans.total}
      more={orphans.more}
      loading={orphans.loading}
      error={orphans.error}
      onShowMore={orphans.showMore}
      canReattach={canReattach}
      reattachingId={reattaching}
      onReattach={setReattaching}
    />
    {reattaching && (
      <p role="status" className="mb-3 rounded-md bg-amber-100 px-3 py-2 text-sm text-amber-950 dark:bg-amber-900 dark:text-amber-50">
        Select the text this annotation belongs to, then choose “Attach here”.
      </p>
    )}
    {annotations.length > 0 && <AnnotationFilters annotations={annotations} filters={filters} onChange={setFilters} />}
    {undo && (
      <div role="status" className="mb-3 flex items-center justify-between rounded-md bg-stone-900 px-3 py-2 text-sm text-white dark:bg-stone-100 dark:text-stone-900">
        Annotation deleted.
        <button type="button" className="font-semibold underline" onClick={() => restore(undo)}>
          Undo
        </button>
      </div>
    )}
    </div>
  );

  // A long list scrolls by itself beside the text, with its filters above it.
  const longList = visible.length + (draft ? 1 : 0) > ALIGNED_MAX;
  const longListPanel = longList && wide ? "sticky top-20 flex h-[calc(100vh-6rem)] flex-col" : undefined;

  const tabs: { id: Panel; label: string; count?: number }[] = [
    { id: "annotations", label: "Annotations", count: annotations.length },
    { id: "notes", label: "Team notes" },
  ];
  const sidePanels = notes ? (
    <>
      <div
        role="tablist"
        aria-label="Side panel"
        className="mb-4 flex gap-1 border-b border-stone-200 dark:border-stone-800"
        onKeyDown={(e) => {
          if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
          const next: Panel = panel === "annotations" ? "notes" : "annotations";
          setPanel(next);
          document.getElementById(`panel-tab-${next}`)?.focus();
        }}
      >
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`panel-tab-${t.id}`}
            aria-selected={panel === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={panel === t.id ? 0 : -1}
            onClick={() => setPanel(t.id)}
            className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-stone-600 hover:text-stone-900 focus-visible:outline-2 focus-visible:outline-amber-600 aria-selected:border-amber-600 aria-selected:text-stone-900 dark:text-stone-400 dark:hover:text-stone-100 dark:aria-selected:text-stone-100"
          >
            {t.label}
            {t.count !== undefined && <span className="ml-1.5 font-normal text-stone-500 dark:text-stone-400">{t.count}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="panel-annotations" aria-labelledby="panel-tab-annotations" hidden={panel !== "annotations"} className={longListPanel}>
        {sidebarHeader}
        {sidebar}
      </div>
      <div
        role="tabpanel"
        id="panel-notes"
        aria-labelledby="panel-tab-notes"
        hidden={panel !== "notes"}
        // Beside the text while it scrolls: read on the left, write on the right.
        className={wide ? "sticky top-20 flex h-[calc(100vh-7rem)] flex-col" : "flex min-h-[60vh] flex-col"}
      >
        {notesMounted && (
          <Suspense fallback={<LoadingPanel label="Team notes" />}>
            <NotesPanel ref={notesHandle} reportId={reportId} memory={notesMemory} canEdit={canEditNotes} members={context.members} meId={context.me.id} />
          </Suspense>
        )}
      </div>
    </>
  ) : (
    <div className={longListPanel}>
      {sidebarHeader}
      {sidebar}
    </div>
  );

  return (
    <div className="mx-auto grid max-w-[1440px] grid-cols-1 gap-x-10 px-4 pb-32 sm:px-6 lg:grid-cols-[12rem_minmax(0,42rem)_360px] lg:pb-16 xl:gap-x-16">
      <nav aria-label="Outline" className="hidden lg:block">
        <div className="sticky top-20 max-h-[calc(100vh-6rem)] overflow-y-auto pt-10">{outline}</div>
      </nav>
      <article className="relative min-w-0 pt-10 lg:pl-16" onMouseUp={readSelection} onKeyUp={(e) => e.shiftKey && readSelection()} onClick={onTextClick} ref={textRef}>
        {header}
        {notes && (
          // Only for the current version (where notes are offered): exports and imports work on it.
          <div className="-mt-6 mb-10 flex flex-wrap items-center gap-2">
            <ExportDialog reportId={reportId} slug={slug} members={context.members} tags={context.tags} initialFilters={filters} />
            {canAnnotate && <ImportAnnotationsDialog reportId={reportId} onImported={reloadAnnotations} />}
            <ReadingNow people={others} status={live.status} />
          </div>
        )}
        {live.status === "revoked" && (
          <div className="mb-6">
            <Alert>You no longer have access to this workspace. What is on this page will not be updated.</Alert>
          </div>
        )}
        {reportChanged && (
          <p role="status" className="mb-6 flex flex-wrap items-center justify-between gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-950 dark:border-sky-900 dark:bg-sky-950/60 dark:text-sky-100">
            {reportChanged === "versioned" ? "A new version of this report was uploaded." : "The report’s details were changed."}
            <button type="button" className="font-medium underline" onClick={() => router.refresh()}>
              {reportChanged === "versioned" ? "Read the new version" : "Show them"}
            </button>
          </p>
        )}
        {error && <div className="mb-6"><Alert>{error}</Alert></div>}
        <ReportDocument passages={passages} highlights={highlights} onEditor={setEditor} long={textOnly && loadingRest} textOnly={textOnly} />
        <PresenceMarkers people={others} container={textRef} />
      </article>
      {wide ? (
        <aside aria-label="Annotations and team notes" className="pt-10">
          {sidePanels}
        </aside>
      ) : (
        <BottomSheet open={sheetOpen || draft !== null} onOpenChange={setSheetOpen} count={visible.length}>
          {sidePanels}
        </BottomSheet>
      )}
      {toolbar && reattaching && <SelectionToolbar rect={toolbar.rect} attachLabel="Attach here" onAttach={attachHere} />}
      {toolbar && !reattaching && (
        <SelectionToolbar
          rect={toolbar.rect}
          onHighlight={highlight}
          onComment={() => startDraft("comment")}
          onQuestion={() => startDraft("question")}
          onClaim={() => startDraft("claim")}
        />
      )}
    </div>
  );
}
