"use client";

import { forwardRef } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { MarkdownBody } from "@/components/ui/markdown-body";
import type { ReaderAnnotation } from "@/components/reader/types";
import { relativeTime } from "@/lib/format/relative-time";
import { KIND_BAR, KIND_LABEL, KIND_TONE } from "./kind-style";

interface Props {
  annotation: ReaderAnnotation;
  focused: boolean;
  onSelect: () => void;
  style?: React.CSSProperties;
}

/** One annotation in the sidebar: who, when, what kind, the quote and the comment. */
export const AnnotationCard = forwardRef<HTMLElement, Props>(function AnnotationCard({ annotation: a, focused, onSelect, style }, ref) {
  return (
    <article
      ref={ref}
      style={style}
      tabIndex={0}
      data-testid="annotation-card"
      data-annotation-id={a.id}
      aria-current={focused ? "true" : undefined}
      aria-label={`${KIND_LABEL[a.kind]} by ${a.author.name} on paragraph ${a.passageIndex}`}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (e.key === "Enter" && e.target === e.currentTarget) onSelect();
      }}
      className={`relative cursor-pointer overflow-hidden rounded-lg border bg-white py-3 pr-3 pl-4 text-sm shadow-sm transition-[box-shadow,border-color] before:absolute before:inset-y-0 before:left-0 before:w-1 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600 dark:bg-stone-900 ${KIND_BAR[a.kind]} ${
        focused ? "border-amber-500 shadow-md dark:border-amber-500" : "border-stone-200 hover:border-stone-300 dark:border-stone-800 dark:hover:border-stone-700"
      }`}
    >
      <header className="flex items-center gap-2">
        <Avatar name={a.author.name} id={a.author.id} />
        <span className="truncate font-medium">{a.author.name}</span>
        <time className="shrink-0 text-xs text-stone-500 dark:text-stone-400" dateTime={a.createdAt} title={new Date(a.createdAt).toLocaleString()}>
          {relativeTime(a.createdAt)}
        </time>
        <span className="ml-auto flex shrink-0 items-center gap-1">
          {a.visibility === "private" && <Badge>Only you</Badge>}
          <Badge tone={KIND_TONE[a.kind]}>{KIND_LABEL[a.kind]}</Badge>
        </span>
      </header>
      <p className="mt-2 truncate font-serif text-[0.9rem] text-stone-600 italic dark:text-stone-400" dir="auto" title={a.quote}>
        <span className="not-italic text-stone-500 dark:text-stone-400">¶ {a.passageIndex} · </span>“{a.quote}”
      </p>
      {a.body && <MarkdownBody markdown={a.body} className="mt-2 text-stone-800 dark:text-stone-200" />}
    </article>
  );
});
