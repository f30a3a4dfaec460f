"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { bringHighlightIntoView, scrollCardIntoList } from "./scroll-into-view";

export const cardElement = (id: string) =>
  document.querySelector<HTMLElement>(`[data-testid="annotation-card"][data-annotation-id="${CSS.escape(id)}"]`);

/** The card that has the keyboard focus (or holds it: its reply box), if any. */
export function focusedCardId(): string | null {
  const card = document.activeElement?.closest<HTMLElement>('[data-testid="annotation-card"]');
  return card?.dataset.annotationId ?? null;
}

/**
 * Which annotation is open (its card focused, its thread shown, its highlight
 * outlined), and how the reader moves to one: the highlight is brought into
 * view, the card into its list, and the keyboard focus onto the card, never
 * into an editor. `r` asks for the reply box: its request is remembered for
 * that card until it closes.
 */
export function useAnnotationFocus({ textRef, onOpen }: { textRef: RefObject<HTMLElement | null>; onOpen: (id: string) => void }) {
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [replyRequest, setReplyRequest] = useState<{ id: string; n: number } | null>(null);
  const open = useRef(focusedId);
  useEffect(() => {
    open.current = focusedId;
  }, [focusedId]);

  const focusAnnotation = useCallback(
    (id: string, { scrollText = true, moveFocus = true }: { scrollText?: boolean; moveFocus?: boolean } = {}) => {
      setFocusedId(id);
      setReplyRequest((r) => (r?.id === id ? r : null));
      onOpen(id);
      // Once the card and the highlight are drawn as focused.
      requestAnimationFrame(() => {
        const highlight = textRef.current?.querySelector(`[data-annotation-id="${CSS.escape(id)}"]`);
        if (scrollText && highlight) bringHighlightIntoView(highlight);
        const card = cardElement(id);
        if (!card) return;
        scrollCardIntoList(card);
        if (moveFocus && !card.contains(document.activeElement)) card.focus({ preventScroll: true });
      });
    },
    [textRef, onOpen],
  );

  /** Closes the open card; the focus, if it was inside, goes back to the card itself. */
  const close = useCallback(() => {
    const card = open.current && cardElement(open.current);
    if (card && card !== document.activeElement && card.contains(document.activeElement)) card.focus({ preventScroll: true });
    setFocusedId(null);
    setReplyRequest(null);
  }, []);

  const requestReply = useCallback(
    (id: string) => {
      focusAnnotation(id, { moveFocus: false });
      setReplyRequest((r) => ({ id, n: (r?.n ?? 0) + 1 }));
    },
    [focusAnnotation],
  );

  return {
    focusedId,
    setFocusedId,
    focusAnnotation,
    close,
    requestReply,
    /** How many times the reply box of this card was asked for (0: never, since it opened). */
    replyFocusOf: (id: string) => (replyRequest?.id === id ? replyRequest.n : 0),
  };
}
