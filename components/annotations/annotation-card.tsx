"use client";

import { forwardRef, memo, type ReactNode } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ReaderAnnotation } from "@/components/reader/types";
import { TagChip } from "@/components/tags/tag-chip";
import { KIND_LABEL } from "@/lib/domain/words";
import { isOverdue } from "@/lib/domain/assignments";
import { AssignmentLine } from "./assignment-line";
import { Tally, VerdictBadge } from "./claim-badges";
import { ClampedBody } from "./clamped-body";
import { KIND_BAR, KIND_TONE } from "./kind-style";

interface Props {
  annotation: ReaderAnnotation;
  focused: boolean;
  onSelect: () => void;
  style?: React.CSSProperties;
  /** The codebook's colours, by lower-cased tag name. */
  tagColors?: Record<string, string>;
  /** The open thread, shown when the card is focused. */
  children?: ReactNode;
  /** Made by someone else since the page opened, and not looked at yet. */
  isNew?: boolean;
}

/** One annotation in the sidebar: who, when, what kind, the quote and the comment; folded when resolved. */
const Card = forwardRef<HTMLElement, Props>(function AnnotationCard(
  { annotation: a, focused, onSelect, style, tagColors, children, isNew = false },
  ref,
) {
  const assigned = a.assignee ? `, assigned to ${a.assignee.name}${isOverdue(a) ? ", overdue" : ""}` : "";
  const label = `${isNew ? "New: " : ""}${KIND_LABEL[a.kind]} by ${a.author.name} on paragraph ${a.passageIndex}${a.status === "resolved" ? ", resolved" : ""}${assigned}`;
  const common = {
    ref,
    style,
    tabIndex: 0,
    "data-testid": "annotation-card",
    "data-annotation-id": a.id,
    "data-status": a.status,
    "data-new": isNew ? "true" : undefined,
    "aria-current": focused ? ("true" as const) : undefined,
    "aria-label": label,
    onClick: onSelect,
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === "Enter" && e.target === e.currentTarget) onSelect();
    },
  };

  if (a.status === "resolved" && !focused) {
    return (
      <article
        {...common}
        className="cursor-pointer truncate rounded-md border border-dashed border-stone-300 px-3 py-1.5 text-xs text-stone-600 hover:border-stone-400 focus-visible:outline-2 focus-visible:outline-amber-600 dark:border-stone-700 dark:text-stone-400"
      >
        <span aria-hidden="true">✓ </span>Resolved · {a.author.name} · ¶ {a.passageIndex} · “{a.quote}” · show
      </article>
    );
  }

  return (
    <article
      {...common}
      className={`relative cursor-pointer overflow-hidden rounded-lg border bg-white py-3 pr-3 pl-4 text-sm shadow-sm transition-[box-shadow,border-color] before:absolute before:inset-y-0 before:left-0 before:w-1 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600 dark:bg-stone-900 ${KIND_BAR[a.kind]} ${
        focused
          ? "border-amber-500 shadow-md dark:border-amber-500"
          : "border-stone-200 hover:border-stone-300 dark:border-stone-800 dark:hover:border-stone-700"
      }`}
    >
      <header className="flex items-center gap-2">
        <Avatar name={a.author.name} id={a.author.id} />
        <span className="truncate font-medium">{a.author.name}</span>
        <RelativeTime className="shrink-0 text-xs text-stone-500 dark:text-stone-400" iso={a.createdAt} />
        {a.editedAt && <span className="shrink-0 text-xs text-stone-500 dark:text-stone-400">· edited</span>}
        <span className="ml-auto flex shrink-0 items-center gap-1">
          {isNew && (
            <span className="flex items-center gap-1 text-xs font-medium text-amber-700 dark:text-amber-400">
              <span aria-hidden="true" className="h-1.5 w-1.5 rounded-full bg-amber-500" />
              New
            </span>
          )}
          {a.visibility === "private" && <Badge>Only you</Badge>}
          {a.status === "resolved" && <Badge tone="emerald">Resolved</Badge>}
          {a.anchorStatus === "moved" && (
            <span title="The text changed in the new version; this was matched to the closest wording.">
              <Badge tone="sky">Moved</Badge>
            </span>
          )}
          <Badge tone={KIND_TONE[a.kind]}>{KIND_LABEL[a.kind]}</Badge>
        </span>
      </header>
      {a.importedCreator && (
        <p
          className="mt-1 truncate text-xs text-stone-500 dark:text-stone-400"
          dir="auto"
          title={`Imported; originally by ${a.importedCreator}`}
        >
          Imported · originally by {a.importedCreator}
        </p>
      )}
      {a.kind === "claim" && a.claimSummary && (
        <p className="mt-2 font-medium" dir="auto">
          {a.claimSummary}
        </p>
      )}
      <p className="mt-2 truncate font-serif text-[0.9rem] text-stone-600 italic dark:text-stone-400" dir="auto" title={a.quote}>
        <span className="text-stone-500 not-italic dark:text-stone-400">¶ {a.passageIndex} · </span>“{a.quote}”
      </p>
      {a.body && <ClampedBody markdown={a.body} clamp={!focused} />}
      {a.assignee && <AssignmentLine assignee={a.assignee} dueAt={a.dueAt} status={a.status} />}
      {(a.kind === "claim" || a.tags.length > 0 || a.replyCount > 0) && (
        <footer className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1">
          {a.kind === "claim" && <VerdictBadge verdict={a.verdict} />}
          {a.kind === "claim" && !focused && <Tally tally={a.tally} />}
          {!focused && a.tags.map((t) => <TagChip key={t} name={t} color={tagColors?.[t.toLowerCase()]} />)}
          {!focused && a.replyCount > 0 && (
            <span className="text-xs text-stone-500 dark:text-stone-400">
              {a.replyCount} {a.replyCount === 1 ? "reply" : "replies"}
            </span>
          )}
        </footer>
      )}
      {focused && children}
    </article>
  );
});

const sameStyle = (a?: React.CSSProperties, b?: React.CSSProperties) =>
  a === b ||
  (!!a &&
    !!b &&
    Object.keys(a).length === Object.keys(b).length &&
    Object.keys(a).every((k) => a[k as keyof typeof a] === b[k as keyof typeof b]));

/**
 * A card renders again only when what it shows changes: a long sidebar
 * re-renders on every scroll, and `onSelect` is a new function each time
 * that always does the same thing (select this annotation). A focused card,
 * with its thread as children, always renders.
 */
export const AnnotationCard = memo(
  Card,
  (prev, next) =>
    prev.annotation === next.annotation &&
    prev.focused === next.focused &&
    prev.isNew === next.isNew &&
    prev.tagColors === next.tagColors &&
    sameStyle(prev.style, next.style) &&
    !prev.children &&
    !next.children,
);
