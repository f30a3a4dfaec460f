"use client";

import type { Editor } from "@tiptap/core";
import { useCallback, useMemo, type RefObject } from "react";
import { DRAFT_KEY } from "@/components/annotations/annotation-sidebar";
import { passagePositions, rangeInDocument } from "./editor-positions";
import { topOfOffset } from "./text-selection";
import type { PendingSelection } from "./types";

/**
 * Where each card's text is, from the top of `container`: an annotation's
 * highlight, or the place of the comment being written (in the editor, or in
 * the plain text of a long report). Cards line up with it.
 */
export function useAnchorOf({
  textRef,
  editor,
  textOnly,
  draft,
}: {
  textRef: RefObject<HTMLElement | null>;
  editor: Editor | null;
  textOnly: boolean;
  draft: PendingSelection | null;
}) {
  const positions = useMemo(() => (editor ? passagePositions(editor.state.doc) : null), [editor]);
  return useCallback(
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
    [textRef, editor, draft, positions, textOnly],
  );
}
