"use client";

import { useLayoutEffect, useRef, useState } from "react";
import { MarkdownBody } from "@/components/ui/markdown-body";

/**
 * A card's comment, cut to a few lines unless `clamp` is off (an open card) or
 * the reader asks for more: a long comment otherwise pushes the cards after it
 * far from their highlights. "Show more" appears only when there is more.
 */
export function ClampedBody({ markdown, clamp }: { markdown: string; clamp: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState(false);
  const [overflows, setOverflows] = useState(false);
  const clamped = clamp && !expanded;

  useLayoutEffect(() => {
    const el = box.current;
    if (!el || !clamp) return;
    const measure = () => setOverflows(el.scrollHeight > el.clientHeight + 1 || expanded);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [clamp, expanded, markdown]);

  return (
    <>
      <div
        ref={box}
        data-testid="card-body"
        className={clamped ? "max-h-[7.25rem] overflow-hidden [mask-image:linear-gradient(to_bottom,black_65%,transparent)]" : undefined}
      >
        <MarkdownBody markdown={markdown} className="mt-2 text-stone-800 dark:text-stone-200" />
      </div>
      {clamp && overflows && (
        <button
          type="button"
          aria-expanded={expanded}
          className="mt-1 rounded text-xs font-medium text-stone-600 underline-offset-2 hover:text-stone-900 hover:underline focus-visible:outline-2 focus-visible:outline-amber-600 dark:text-stone-400 dark:hover:text-stone-100"
          onClick={(e) => {
            // Reading more of the comment is not opening the thread.
            e.stopPropagation();
            setExpanded((x) => !x);
          }}
          onKeyDown={(e) => e.stopPropagation()}
        >
          {expanded ? "Show less" : "Show more"}
        </button>
      )}
    </>
  );
}
