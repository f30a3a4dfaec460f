"use client";

import { useMemo, type ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import type { PendingSelection, ReaderAnnotation } from "@/components/reader/types";
import { AnnotationCard } from "./annotation-card";
import { useAlignedLayout } from "./use-aligned-layout";

export const DRAFT_KEY = "draft";

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
}

/** Where the draft sits among the cards: reading order, like every card. */
function keysInOrder(annotations: ReaderAnnotation[], draft: PendingSelection | null): string[] {
  const keys = annotations.map((a) => a.id);
  if (!draft) return keys;
  const at = annotations.findIndex((a) => a.passageIndex > draft.passageIndex || (a.passageIndex === draft.passageIndex && a.start > draft.start));
  keys.splice(at === -1 ? keys.length : at, 0, DRAFT_KEY);
  return keys;
}

export function AnnotationSidebar({ annotations, draft, focusedId, aligned, canAnnotate, anchorOf, onSelect, renderThread, renderComposer, tagColors, newIds }: Props) {
  const keys = useMemo(() => keysInOrder(annotations, draft), [annotations, draft]);
  const byId = useMemo(() => new Map(annotations.map((a) => [a.id, a])), [annotations]);
  const focusedKey = draft ? DRAFT_KEY : focusedId;
  const { container, refFor, tops, height } = useAlignedLayout({ enabled: aligned, keys, focusedKey, anchorOf });

  if (keys.length === 0) {
    return (
      <EmptyState title="No annotations yet">
        {canAnnotate
          ? "Select a phrase in the report to highlight it or comment on it. Your team sees what you share with them."
          : "When your team annotates this report, their highlights and comments appear here."}
      </EmptyState>
    );
  }

  const styleFor = (key: string): React.CSSProperties | undefined =>
    aligned
      ? { position: "absolute", left: 0, right: 0, top: tops[key] ?? 0, visibility: key in tops ? "visible" : "hidden", transition: "top 150ms ease-out" }
      : undefined;

  return (
    <div ref={container} className={aligned ? "relative" : "space-y-3"} style={aligned ? { height } : undefined}>
      {keys.map((key) => {
        if (key === DRAFT_KEY) return <div key={key}>{renderComposer(refFor(key), styleFor(key))}</div>;
        const a = byId.get(key)!;
        return (
          <AnnotationCard key={key} ref={refFor(key)} style={styleFor(key)} annotation={a} focused={focusedId === a.id} onSelect={() => onSelect(a.id)} tagColors={tagColors} isNew={newIds?.has(a.id) ?? false}>
            {focusedId === a.id && renderThread(a)}
          </AnnotationCard>
        );
      })}
    </div>
  );
}
