"use client";

import { useCallback, useLayoutEffect, useRef, useState } from "react";

const GAP = 8;

/**
 * Positions sidebar cards beside the text they annotate, as Google Docs does:
 * each card as close to its anchor as it can be without covering another, in
 * reading order. The focused card sits exactly at its anchor and pushes the
 * cards before it upwards.
 */
export function computeTops(anchors: (number | null)[], heights: number[], focusedIndex: number): number[] {
  const tops: number[] = new Array(anchors.length).fill(0);
  const anchorAt = (i: number, fallback: number) => anchors[i] ?? fallback;
  const forward = (from: number) => {
    for (let i = from; i < anchors.length; i++) {
      const floor = i === 0 ? 0 : tops[i - 1] + heights[i - 1] + GAP;
      tops[i] = Math.max(anchorAt(i, floor), floor);
    }
  };
  if (focusedIndex < 0 || anchors[focusedIndex] === null) {
    forward(0);
    return tops;
  }
  tops[focusedIndex] = Math.max(0, anchors[focusedIndex]!);
  for (let i = focusedIndex - 1; i >= 0; i--) {
    const ceiling = tops[i + 1] - heights[i] - GAP;
    tops[i] = Math.min(anchorAt(i, ceiling), ceiling);
  }
  if (focusedIndex > 0 && tops[0] < 0) {
    forward(0);
    return tops;
  }
  forward(focusedIndex + 1);
  return tops;
}

export function useAlignedLayout(options: {
  enabled: boolean;
  keys: string[];
  focusedKey: string | null;
  anchorOf: (key: string, container: HTMLElement) => number | null;
}) {
  const { enabled, keys, focusedKey, anchorOf } = options;
  const container = useRef<HTMLDivElement>(null);
  const nodes = useRef(new Map<string, HTMLElement>());
  const [layout, setLayout] = useState<{ tops: Record<string, number>; height: number }>({ tops: {}, height: 0 });

  const measure = useCallback(() => {
    const root = container.current;
    if (!enabled || !root) return;
    const anchors = keys.map((k) => anchorOf(k, root));
    const heights = keys.map((k) => nodes.current.get(k)?.offsetHeight ?? 0);
    const tops = computeTops(anchors, heights, focusedKey ? keys.indexOf(focusedKey) : -1);
    const next: Record<string, number> = {};
    keys.forEach((k, i) => (next[k] = Math.round(tops[i])));
    const last = keys.length - 1;
    const height = last >= 0 ? tops[last] + heights[last] : 0;
    setLayout((prev) => {
      const same = prev.height === height && keys.every((k) => prev.tops[k] === next[k]) && Object.keys(prev.tops).length === keys.length;
      return same ? prev : { tops: next, height };
    });
  }, [enabled, keys, focusedKey, anchorOf]);

  useLayoutEffect(measure);

  useLayoutEffect(() => {
    if (!enabled) return;
    const observer = new ResizeObserver(() => measure());
    for (const node of nodes.current.values()) observer.observe(node);
    if (container.current?.parentElement) observer.observe(container.current.parentElement);
    window.addEventListener("resize", measure);
    void document.fonts?.ready.then(measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, [enabled, measure]);

  const refFor = useCallback(
    (key: string) => (node: HTMLElement | null) => {
      if (node) nodes.current.set(key, node);
      else nodes.current.delete(key);
    },
    [],
  );

  return { container, refFor, tops: layout.tops, height: layout.height };
}
