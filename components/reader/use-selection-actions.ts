"use client";

import type { Editor } from "@tiptap/core";
import { useCallback, useState, type RefObject } from "react";
import { selectionInPassage } from "./selection";
import { selectionInText } from "./text-selection";
import type { useAnnotationWrites } from "./use-annotation-writes";
import type { DraftKind } from "./use-composer-draft";
import { useSelectionToolbar } from "./use-selection-toolbar";
import type { PendingSelection } from "./types";

/**
 * What can be done with text selected in the report: the toolbar that follows
 * the selection, and its actions (highlight, start a comment, question or
 * claim, or attach an orphan being re-attached). Each action takes the
 * selection: the text is no longer selected after it.
 */
export function useSelectionActions({
  textRef,
  editor,
  textOnly,
  enabled,
  writes,
  onDraft,
  onAttached,
}: {
  textRef: RefObject<HTMLElement | null>;
  /** The editor of a short report; a long one is read as plain text (`textOnly`). */
  editor: Editor | null;
  textOnly: boolean;
  /** False for a viewer, or while a composer is open: no toolbar. */
  enabled: boolean;
  writes: ReturnType<typeof useAnnotationWrites>;
  onDraft: (selection: PendingSelection, kind: DraftKind) => void;
  onAttached: (id: string) => void;
}) {
  const [reattaching, setReattaching] = useState<string | null>(null);
  const read = useCallback(
    (selection: Selection) => {
      const text = textRef.current?.querySelector<HTMLElement>("[data-testid=report-text]");
      return textOnly ? (text ? selectionInText(text, selection) : null) : editor ? selectionInPassage(editor, selection) : null;
    },
    [textRef, editor, textOnly],
  );
  const { toolbar, hide } = useSelectionToolbar({ enabled, read });

  function take(): PendingSelection | null {
    if (!toolbar) return null;
    hide();
    window.getSelection()?.removeAllRanges();
    return toolbar.selection;
  }

  return {
    toolbar,
    hide,
    /** The orphan being attached to the next selection, if any. */
    reattaching,
    setReattaching,
    highlight() {
      const selection = take();
      if (selection) void writes.highlight(selection);
    },
    draft(kind: DraftKind) {
      const selection = take();
      if (selection) onDraft(selection, kind);
    },
    async attach() {
      const selection = take();
      if (!selection || !reattaching || !(await writes.attach(reattaching, selection))) return;
      onAttached(reattaching);
      setReattaching(null);
    },
  };
}
