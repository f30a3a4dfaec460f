"use client";

import { useMemo, type ReactNode, type RefObject } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import type { PendingSelection, ReaderAnnotation } from "@/components/reader/types";
import { AnnotationCard } from "./annotation-card";
import { useAlignedLayout } from "./use-aligned-layout";
import { VirtualCardList } from "./virtual-card-list";

export const DRAFT_KEY = "draft";

/**
 * Up to this many cards sit beside their text (each measured against its
 * highlight on every layout); beyond it the sidebar is a list of its own that
 * renders only the cards in view and follows the text as it scrolls.
 */
export const ALIGNED_MAX = 150;

interface Props {
  annotations: ReaderAnnotation[];
  draft: PendingSelection | null;
  focusedId: string | null;
  aligned: boolean;
  canAnnotate: boolean;
  anchorOf: (key: string, container: HTMLElement) => number | null;
  onSelect: (id: string) => void;
  renderThread: (a: ReaderAnnotation) => ReactNode;
  tagColors?: Record<string, string>;
  renderComposer: (ref: (node: HTMLElement | null) => void, style?: React.CSSProperties) => ReactNode;
  /** Annotations others made since the page opened: marked until looked at. */
  newIds?: ReadonlySet<string>;
  /** The report text, which a long list follows as it scrolls. */
  textRef?: RefObject<HTMLElement | null>;
  /** Classes for the long list's own scrolling box (its height). */
  listClassName?: string;
}

/** Where the draft sits among the cards: reading order, like every card. */
function keysInOrder(annotations: ReaderAnnotation[], draft: PendingSelection | null): string[] {
  const keys = annotations.map((a) => a.id);
  if (!draft) return keys;
  const at = annotations.findIndex(
    (a) => a.passageIndex > draft.passageIndex || (a.passageIndex === draft.passageIndex && a.start > draft.start),
  );
  keys.splice(at === -1 ? keys.length : at, 0, DRAFT_KEY);
  return keys;
}

export function AnnotationSidebar({
  annotations,
  draft,
  focusedId,
  aligned,
  canAnnotate,
  anchorOf,
  onSelect,
  renderThread,
  renderComposer,
  tagColors,
  newIds,
  textRef,
  listClassName,
}: Props) {
  const keys = useMemo(() => keysInOrder(annotations, draft), [annotations, draft]);
  const byId = useMemo(() => new Map(annotations.map((a) => [a.id, a])), [annotations]);
  const focusedKey = draft ? DRAFT_KEY : focusedId;
  const long = keys.length > ALIGNED_MAX;
  const { container, refFor, tops, height } = useAlignedLayout({ enabled: aligned && !long, keys, focusedKey, anchorOf });

  if (keys.length === 0) {
    return (
      <EmptyState title="No annotations yet">
        {canAnnotate
          ? "Select a phrase in the report to highlight it or comment on it. Your team sees what you share with them."
          : "When your team annotates this report, their highlights and comments appear here."}
      </EmptyState>
    );
  }

  const card = (key: string, ref?: (node: HTMLElement | null) => void, style?: React.CSSProperties) => {
    if (key === DRAFT_KEY) return <div key={key}>{renderComposer(ref ?? (() => undefined), style)}</div>;
    const a = byId.get(key)!;
    return (
      <AnnotationCard
        key={key}
        ref={ref}
        style={style}
        annotation={a}
        focused={focusedId === a.id}
        onSelect={() => onSelect(a.id)}
        tagColors={tagColors}
        isNew={newIds?.has(a.id) ?? false}
      >
        {focusedId === a.id && renderThread(a)}
      </AnnotationCard>
    );
  };

  if (long) {
    const passageIndexOf = (key: string) => (key === DRAFT_KEY ? (draft?.passageIndex ?? 0) : byId.get(key)!.passageIndex);
    return (
      <VirtualCardList
        keys={keys}
        passageIndexOf={passageIndexOf}
        focusedKey={focusedKey}
        renderCard={(key) => card(key)}
        followRef={textRef}
        className={listClassName}
      />
    );
  }

  const styleFor = (key: string): React.CSSProperties | undefined =>
    aligned
      ? {
          position: "absolute",
          left: 0,
          right: 0,
          top: tops[key] ?? 0,
          visibility: key in tops ? "visible" : "hidden",
          transition: "top 150ms ease-out",
        }
      : undefined;

  return (
    <div ref={container} className={aligned ? "relative" : "space-y-3"} style={aligned ? { height } : undefined}>
      {keys.map((key) => card(key, refFor(key), styleFor(key)))}
    </div>
  );
}
