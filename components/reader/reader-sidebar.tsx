"use client";

import { lazy, Suspense, type RefObject } from "react";
import { AnnotationSidebar } from "@/components/annotations/annotation-sidebar";
import type { VisibilityChoice } from "@/components/annotations/visibility-select";
import { LoadingPanel } from "@/components/ui/skeleton";
import type { ComposerDraft, useComposerDraft } from "./use-composer-draft";
import type { ReaderAnnotations } from "./use-reader-annotations";
import type { ReaderAnnotation, ReaderContext } from "./types";

// Loaded when first shown, not with the page: each brings an editor (TipTap and ProseMirror), whose
// code took most of the task that hydrated a long report's page.
const CommentComposer = lazy(() => import("@/components/annotations/comment-composer").then((m) => ({ default: m.CommentComposer })));
const ThreadPanel = lazy(() => import("@/components/threads/thread-panel").then((m) => ({ default: m.ThreadPanel })));

interface Props {
  context: ReaderContext;
  /** The annotations the filters let through, in reading order. */
  visible: ReaderAnnotation[];
  store: ReaderAnnotations;
  composer: ReturnType<typeof useComposerDraft>;
  onSaveDraft: (draft: ComposerDraft, fields: { body: string; claimSummary?: string }) => Promise<void>;
  focusedId: string | null;
  onSelect: (id: string) => void;
  replyFocusOf: (id: string) => number;
  threadRefresh: Record<string, number>;
  onDelete: (a: ReaderAnnotation) => void;
  onQuote?: (a: ReaderAnnotation) => void;
  visibility: VisibilityChoice;
  onVisibility: (v: VisibilityChoice) => void;
  canAnnotate: boolean;
  wide: boolean;
  anchorOf: (key: string, container: HTMLElement) => number | null;
  tagColors: Record<string, string>;
  textRef: RefObject<HTMLElement | null>;
}

/** The cards beside the text: each annotation, the open one with its thread, and the comment being written. */
export function ReaderSidebar({
  context,
  visible,
  store,
  composer,
  onSaveDraft,
  focusedId,
  onSelect,
  replyFocusOf,
  threadRefresh,
  onDelete,
  onQuote,
  visibility,
  onVisibility,
  canAnnotate,
  wide,
  anchorOf,
  tagColors,
  textRef,
}: Props) {
  const draft = composer.draft;
  return (
    <AnnotationSidebar
      annotations={visible}
      draft={draft}
      focusedId={focusedId}
      aligned={wide}
      canAnnotate={canAnnotate}
      anchorOf={anchorOf}
      onSelect={onSelect}
      renderThread={(a) => (
        <Suspense fallback={<LoadingPanel label="Thread" />}>
          <ThreadPanel
            annotation={a}
            context={context}
            onChange={store.replace}
            onDelete={onDelete}
            onQuote={onQuote}
            refreshKey={threadRefresh[a.id] ?? 0}
            replyFocus={replyFocusOf(a.id)}
          />
        </Suspense>
      )}
      renderComposer={(ref, style) =>
        draft && (
          <Suspense fallback={<LoadingPanel label="New annotation" ref={ref} style={style} />}>
            <CommentComposer
              // A new composer for each draft (and for one brought back by Undo).
              key={`${draft.passageId}:${draft.start}:${draft.end}:${draft.kind}`}
              ref={ref}
              style={style}
              selection={draft}
              kind={draft.kind}
              members={context.members}
              visibility={visibility}
              onVisibilityChange={onVisibility}
              initial={composer.text}
              onTextChange={composer.write}
              onCancel={composer.close}
              onSave={(fields) => onSaveDraft(draft, fields)}
            />
          </Suspense>
        )
      }
      tagColors={tagColors}
      newIds={store.newIds}
      textRef={textRef}
      listClassName={wide ? "min-h-0 flex-1" : "h-[50vh]"}
    />
  );
}
