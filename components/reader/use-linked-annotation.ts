"use client";

import { useEffect } from "react";

/**
 * A link such as ?annotation=… (from a notification or the claims list) opens
 * that thread, once the text is ready (`ready`: the editor made, or the static
 * text of a long report) and the card is known.
 */
export function useLinkedAnnotation({
  linked,
  ready,
  hasCard,
  open,
}: {
  linked: string | null;
  ready: boolean;
  hasCard: (id: string) => boolean;
  open: (id: string) => void;
}) {
  useEffect(() => {
    if (!ready || !linked || !hasCard(linked)) return;
    // After the highlights are painted, so there is something to scroll to.
    const frame = requestAnimationFrame(() => open(linked));
    return () => cancelAnimationFrame(frame);
  }, [ready, linked]); // eslint-disable-line react-hooks/exhaustive-deps -- only when the link or the text changes
}
