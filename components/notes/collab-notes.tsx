"use client";

import type { Editor } from "@tiptap/core";
import { forwardRef, useEffect, useImperativeHandle, useRef, useState, useSyncExternalStore } from "react";
import type { MentionMember } from "@/components/annotations/mention-list";
import type { CollabSession, CollabState } from "./collab-session";
import { insertMarkdown, type ChildHandle } from "./insert-markdown";
import { NotesEditor } from "./notes-editor";

interface Props {
  session: CollabSession;
  members: MentionMember[];
  canEdit: boolean;
  onReady?: () => void;
}

/**
 * The team notes, co-edited: everyone's typing merges as it happens (Yjs),
 * others' carets show with their names, and the collaboration server stores
 * the document, so there is nothing to save and no conflict to resolve.
 */
export const CollabNotes = forwardRef<ChildHandle, Props>(function CollabNotes({ session, members, canEdit, onReady }, ref) {
  const [editor, setEditor] = useState<Editor | null>(null);
  const state = useSyncExternalStore(session.subscribe, session.getState, session.getState);
  const usedCursor = useRef(false);
  const refused = state.status === "denied" || state.status === "full";
  const readOnly = !canEdit || session.ticket.readOnly || refused;

  useEffect(() => {
    if (!editor) return;
    onReady?.();
    const onFocus = () => {
      usedCursor.current = true;
    };
    editor.on("focus", onFocus);
    return () => {
      editor.off("focus", onFocus);
    };
  }, [editor, onReady]);

  // Typing the server has not confirmed (offline): the browser asks before the tab closes.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (session.provider.hasUnsyncedChanges) e.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [session]);

  useImperativeHandle(
    ref,
    () => ({ insert: (markdown: string) => !!editor && !readOnly && insertMarkdown(editor, markdown, usedCursor.current) }),
    [editor, readOnly],
  );

  return (
    <section
      aria-label="Team notes"
      className={`flex min-h-0 flex-1 flex-col overflow-hidden rounded-lg border bg-white shadow-sm dark:bg-stone-900 ${readOnly ? "border-stone-200/70 dark:border-stone-800/70" : "border-stone-200 dark:border-stone-800"}`}
    >
      <NotesEditor collab={session} readOnly={readOnly} members={members} onEditor={setEditor} />
      <footer className="flex items-center justify-between gap-2 border-t border-stone-200 px-3 py-1.5 text-xs text-stone-500 dark:border-stone-800 dark:text-stone-400">
        <CollabStatusLine state={state} readOnly={readOnly} />
      </footer>
    </section>
  );
});

export function CollabStatusLine({ state, readOnly }: { state: CollabState; readOnly: boolean }) {
  const refused = state.status === "denied" || state.status === "full";
  return (
    <span data-testid="notes-status" data-status={state.status} className="flex min-w-0 items-baseline gap-1.5">
      <span aria-hidden="true" className={`h-2 w-2 shrink-0 translate-y-px rounded-full ${DOT[state.status]}`} />
      <span>
        <span aria-live="polite" className={refused ? "text-red-700 dark:text-red-400" : undefined}>
          {LABEL[state.status]}
        </span>
        {state.status === "connected" && ` · ${state.editing} editing`}
        {readOnly && !refused && " · read only"}
      </span>
    </span>
  );
}

const LABEL: Record<CollabState["status"], string> = {
  connected: "Connected",
  reconnecting: "Reconnecting…",
  offline: "Offline — your changes will be merged when you reconnect",
  denied: "You no longer have access to these notes",
  full: "Too many open connections: close other tabs with these notes, then reload this page",
};

const DOT: Record<CollabState["status"], string> = {
  connected: "bg-green-600",
  reconnecting: "bg-amber-500",
  offline: "bg-stone-400",
  denied: "bg-red-600",
  full: "bg-red-600",
};
