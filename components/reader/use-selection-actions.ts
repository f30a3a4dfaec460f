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

  /**
   * The selection as it is now: the document's own when it lies in the text
   * (the toolbar follows it a moment late, and a key pressed just after a
   * drag or Shift+arrow must not miss it), else the one the toolbar shows.
   */
  function current(): PendingSelection | null {
    const live = enabled ? document.getSelection() : null;
    return (live && !live.isCollapsed ? read(live) : null) ?? toolbar?.selection ?? null;
  }

  function take(): PendingSelection | null {
    const selection = current();
    if (!selection) return null;
    hide();
    window.getSelection()?.removeAllRanges();
    return selection;
  }

  return {
    toolbar,
    hide,
    /** The orphan being attached to the next selection, if any. */
    reattaching,
    setReattaching,
    /** Highlights the selected text; false when there is none. */
    highlight(): boolean {
      const selection = take();
      if (selection) void writes.highlight(selection);
      return selection !== null;
    },
    /** Starts a comment, question or claim on the selected text; false when there is none. */
    draft(kind: DraftKind): boolean {
      const selection = take();
      if (selection) onDraft(selection, kind);
      return selection !== null;
    },
    /** Copies a citation of the selected text (quote, ¶, reference); false when there is none. */
    cite(copy: (selection: PendingSelection) => void): boolean {
      const selection = take();
      if (selection) copy(selection);
      return selection !== null;
    },
    async attach() {
      const selection = take();
      if (!selection || !reattaching || !(await writes.attach(reattaching, selection))) return;
      onAttached(reattaching);
      setReattaching(null);
    },
  };
}
