"use client";

import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from "react";
import type { MentionMember } from "@/components/annotations/mention-list";
import { MarkdownBody } from "@/components/ui/markdown-body";
import { CollabNotes } from "./collab-notes";
import { openCollabSession, type CollabSession } from "./collab-session";
import type { ChildHandle } from "./insert-markdown";
import { NOTES_PROSE } from "./notes-editor";
import type { NotesMemory, NotesPanelHandle } from "./notes-memory";
import { PlainNotes } from "./plain-notes";
import { WideNotesToggle } from "./wide-notes-toggle";

export { NotesMemory, type NotesData, type NotesPanelHandle } from "./notes-memory";

interface Props {
  reportId: string;
  /** Owned by the parent; the panel reads it when it mounts and keeps it current. */
  memory: NotesMemory;
  canEdit: boolean;
  members: MentionMember[];
  /** The reader: a conflict with their own save elsewhere is worded as such. */
  meId: string;
}

type Mode = { kind: "connecting" } | { kind: "collab"; session: CollabSession } | { kind: "plain" };

/**
 * The team notes of a report: co-edited live through the collaboration server
 * when it answers, else written alone and saved through the REST API (with a
 * conflict check), as before co-editing existed.
 */
export const NotesPanel = forwardRef<NotesPanelHandle, Props>(function NotesPanel({ reportId, memory, canEdit, members, meId }, ref) {
  // Typing not yet saved by the plain editor (before a remount) stays with it.
  const [startPlain] = useState(() => {
    const { saved, draft } = memory.recall();
    return draft !== saved.body;
  });
  const [mode, setMode] = useState<Mode>(startPlain ? { kind: "plain" } : { kind: "connecting" });
  const child = useRef<ChildHandle>(null);
  // Quotes sent before an editor is there (the sheet just opened): inserted when it is.
  const waiting = useRef<string[]>([]);

  useEffect(() => {
    if (startPlain) return;
    const opened = openCollabSession(reportId);
    let live = true;
    void opened.session.then((session) => {
      if (live) setMode(session ? { kind: "collab", session } : { kind: "plain" });
    });
    return () => {
      live = false;
      opened.release();
    };
  }, [reportId, startPlain]);

  const flush = useCallback(() => {
    while (waiting.current.length > 0 && child.current?.insert(waiting.current[0])) waiting.current.shift();
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      insert(markdown: string) {
        if (!child.current?.insert(markdown)) waiting.current.push(markdown);
      },
    }),
    [],
  );

  let body: React.ReactNode;
  if (mode.kind === "collab") body = <CollabNotes ref={child} session={mode.session} members={members} canEdit={canEdit} onReady={flush} />;
  else if (mode.kind === "plain")
    body = <PlainNotes ref={child} reportId={reportId} memory={memory} canEdit={canEdit} members={members} meId={meId} onReady={flush} />;
  else body = <ConnectingNotes body={memory.recall().saved.body} />;
  return (
    <>
      {/* The panel's own heading (the tab names it visibly): the notes' "#" headings are h2 below it, "##" h3. */}
      <h2 className="sr-only">Team notes</h2>
      <WideNotesToggle />
      {body}
    </>
  );
});

/** The saved notes, read-only, while the collaboration server is asked. */
function ConnectingNotes({ body }: { body: string }) {
  return (
    <section
      aria-label="Team notes"
      aria-busy="true"
      className="flex min-h-0 flex-1 flex-col overflow-hidden rounded-lg border border-stone-200 bg-white shadow-sm dark:border-stone-800 dark:bg-stone-900"
    >
      <div className={`min-h-[12rem] flex-1 px-4 py-3 text-stone-500 dark:text-stone-400 ${NOTES_PROSE}`}>
        {body.trim() && <MarkdownBody markdown={body} />}
      </div>
      <footer className="border-t border-stone-200 px-3 py-1.5 text-xs text-stone-500 dark:border-stone-800 dark:text-stone-400">
        <span data-testid="notes-status" data-status="connecting">
          Connecting…
        </span>
      </footer>
    </section>
  );
}
