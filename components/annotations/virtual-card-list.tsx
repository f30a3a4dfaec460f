"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, type ReactNode, type RefObject } from "react";

interface Props {
  /** Card keys in reading order. */
  keys: string[];
  /** The ¶ each key belongs to, for following the text as it scrolls. */
  passageIndexOf: (key: string) => number;
  focusedKey: string | null;
  renderCard: (key: string) => ReactNode;
  /** The report text: while it scrolls, the list shows the cards of the passage at the top of the screen. */
  followRef?: RefObject<HTMLElement | null>;
  className?: string;
}

/** The first key whose passage is at or after ¶ `index`. */
function firstAtOrAfter(keys: string[], passageIndexOf: (key: string) => number, index: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (passageIndexOf(keys[mid]) < index) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, keys.length - 1);
}

/**
 * The sidebar for a long list: a scrolling list of its own that renders only
 * the cards in and near view (thousands of cards would otherwise be thousands
 * of DOM subtrees), measured as they render. It follows the report text: the
 * cards of the passage at the top of the screen come to the top of the list,
 * unless a thread is open.
 */
export function VirtualCardList({ keys, passageIndexOf, focusedKey, renderCard, followRef, className }: Props) {
  // TanStack Virtual hands out fresh items from a stable object: the React Compiler must not memoise around it.
  "use no memo";
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- see "use no memo" above
  const virtualizer = useVirtualizer({
    count: keys.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 132,
    overscan: 4,
    getItemKey: (i) => keys[i],
  });

  const latest = useRef({ keys, passageIndexOf, focusedKey });
  useEffect(() => {
    latest.current = { keys, passageIndexOf, focusedKey };
  });

  // The focused card (clicked in the text, or reached with j/k) is brought into the list's view,
  // also when it arrives after the focus (a highlight clicked before its card was read).
  const focusedListed = focusedKey !== null && focusedKey !== undefined && keys.includes(focusedKey);
  useEffect(() => {
    if (!focusedKey) return;
    const i = keys.indexOf(focusedKey);
    if (i < 0) return;
    virtualizer.scrollToIndex(i, { align: "center" });
    const frame = requestAnimationFrame(() => {
      const card = scroller.current?.querySelector<HTMLElement>(`[data-annotation-id="${CSS.escape(focusedKey)}"]`);
      if (card && !card.contains(document.activeElement)) card.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [focusedKey, focusedListed]); // eslint-disable-line react-hooks/exhaustive-deps -- only when the focus moves or its card arrives

  useEffect(() => {
    const text = followRef?.current;
    if (!text) return;
    let frame = 0;
    let lastIndex = -1;
    const follow = () => {
      frame = 0;
      const { keys, passageIndexOf, focusedKey } = latest.current;
      if (focusedKey || keys.length === 0) return;
      const box = text.getBoundingClientRect();
      // Just below the sticky header, in the middle of the text column.
      const hit = document.elementFromPoint(box.left + box.width / 2, Math.max(box.top, 96));
      const passage = hit?.closest<HTMLElement>("[id^='p-']");
      const index = passage ? Number(passage.id.slice(2)) : NaN;
      if (!Number.isInteger(index) || index === lastIndex) return;
      lastIndex = index;
      virtualizer.scrollToIndex(firstAtOrAfter(keys, passageIndexOf, index), { align: "start" });
    };
    // Once the text comes to rest: a list racing along under a fast scroll is only noise (and work).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!frame) frame = requestAnimationFrame(follow);
      }, 120);
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      window.removeEventListener("scroll", onScroll);
      clearTimeout(timer);
      cancelAnimationFrame(frame);
    };
  }, [followRef, virtualizer]);

  return (
    <div ref={scroller} data-testid="annotation-list" className={`overflow-y-auto overscroll-contain ${className ?? ""}`}>
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            className="absolute inset-x-0 top-0 pb-3"
            style={{ transform: `translateY(${item.start}px)` }}
          >
            {renderCard(keys[item.index])}
          </div>
        ))}
      </div>
    </div>
  );
}
