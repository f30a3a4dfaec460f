"use client";

import { useEffect, useId, useImperativeHandle, useState, type Ref } from "react";

export interface MentionMember {
  id: string;
  name: string;
}

/** The attributes a mention node is created with: they go into the Markdown shortcode as they are. */
export interface MentionAttrs {
  id: string;
  label: string;
}

export interface MentionListHandle {
  /** Keys from the editor while the list is open; true when the list used the key. */
  onKeyDown: (event: KeyboardEvent) => boolean;
}

export const MAX_MENTION_SUGGESTIONS = 8;

/** Lower case, without accents or Arabic short vowels, so "jose" finds "José". */
function fold(s: string): string {
  return s.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase();
}

const WORD_SEPARATOR = /[\s\-\u2010\u2011'\u2019._]+/u;

/**
 * Members whose name, or any word of it, starts with the query (case- and
 * accent-insensitive); whole-name matches first, at most `limit`.
 */
export function filterMembers(members: readonly MentionMember[], query: string, limit = MAX_MENTION_SUGGESTIONS): MentionMember[] {
  const q = fold(query.trim());
  if (!q) return members.slice(0, limit);
  const first: MentionMember[] = [];
  const rest: MentionMember[] = [];
  for (const member of members) {
    const name = fold(member.name);
    if (name.startsWith(q)) first.push(member);
    else if (name.split(WORD_SEPARATOR).some((word) => word.startsWith(q))) rest.push(member);
    if (first.length >= limit) break;
  }
  return [...first, ...rest].slice(0, limit);
}

/**
 * TipTap writes the attributes into `[@ id="…" label="…"]` without escaping,
 * so a `"` or `]` (or a line break) would end the shortcode early: leave them out.
 */
export function mentionAttrs(member: MentionMember): MentionAttrs {
  const clean = (s: string) => s.replace(/["\]\r\n]/g, "").trim();
  return { id: clean(member.id), label: clean(member.name) };
}

interface Props {
  items: MentionMember[];
  /** True while the suggestion is working out its items (one tick). */
  loading?: boolean;
  command: (attrs: MentionAttrs) => void;
  /** The editable element: it gets aria-controls/aria-activedescendant while the list is open. */
  editorElement?: HTMLElement | null;
  ref?: Ref<MentionListHandle>;
}

/** The popup list of members shown while typing "@name" in a comment. */
export function MentionList({ items, loading = false, command, editorElement, ref }: Props) {
  const listId = useId();
  // The highlighted row, remembered with the items it belongs to: new items start at the top.
  const [selection, setSelection] = useState({ items, index: 0 });
  const index = selection.items === items ? Math.min(selection.index, items.length - 1) : 0;
  const optionId = (i: number) => `${listId}-option-${i}`;

  function choose(i: number) {
    const member = items[i];
    if (member) command(mentionAttrs(member));
  }

  useImperativeHandle(ref, () => ({
    onKeyDown(event) {
      // The suggestion plugin closes the list after this.
      if (event.key === "Escape") return true;
      if (items.length === 0 || event.altKey || event.ctrlKey || event.metaKey) return false;
      switch (event.key) {
        case "ArrowDown":
          setSelection({ items, index: (index + 1) % items.length });
          return true;
        case "ArrowUp":
          setSelection({ items, index: (index - 1 + items.length) % items.length });
          return true;
        case "Enter":
          if (event.shiftKey) return false;
          choose(index);
          return true;
        case "Tab":
          if (event.shiftKey) return false;
          choose(index);
          return true;
        default:
          return false;
      }
    },
  }));

  // Point the editor at the list so screen readers announce the highlighted member.
  const active = items.length > 0 ? optionId(index) : null;
  useEffect(() => {
    if (!editorElement) return;
    editorElement.setAttribute("aria-controls", listId);
    if (active) editorElement.setAttribute("aria-activedescendant", active);
    else editorElement.removeAttribute("aria-activedescendant");
    return () => {
      editorElement.removeAttribute("aria-controls");
      editorElement.removeAttribute("aria-activedescendant");
    };
  }, [editorElement, listId, active]);

  if (loading && items.length === 0) return null;

  return (
    <div
      id={listId}
      role="listbox"
      aria-label="Mention a member"
      className="max-w-72 min-w-48 overflow-hidden rounded-md border border-stone-200 bg-white py-1 text-sm text-stone-900 shadow-lg dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
    >
      {items.length === 0 ? (
        <div role="option" aria-selected="false" aria-disabled="true" className="px-3 py-1.5 text-stone-600 dark:text-stone-400">
          No matching member
        </div>
      ) : (
        items.map((member, i) => (
          <div
            key={member.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === index}
            dir="auto"
            className="cursor-pointer truncate px-3 py-1.5 aria-selected:bg-amber-100 aria-selected:text-amber-950 dark:aria-selected:bg-amber-400/20 dark:aria-selected:text-amber-100"
            // Keep the focus (and the caret) in the editor.
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setSelection({ items, index: i })}
            onClick={() => choose(i)}
          >
            {member.name}
          </div>
        ))
      )}
    </div>
  );
}
