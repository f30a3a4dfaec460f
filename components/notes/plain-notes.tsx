"use client";

import type { Editor } from "@tiptap/core";
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from "react";
import type { MentionMember } from "@/components/annotations/mention-list";
import { Button } from "@/components/ui/button";
import { MarkdownBody } from "@/components/ui/markdown-body";
import { ApiError, apiFetch } from "@/lib/api/browser/client";
import { relativeTime } from "@/lib/format/relative-time";
import { RelativeTime } from "@/components/ui/relative-time";
import { insertMarkdown, type ChildHandle } from "./insert-markdown";
import { NotesEditor } from "./notes-editor";
import type { NotesData, NotesMemory } from "./notes-memory";

interface Props {
  reportId: string;
  /** Owned by the parent; the panel reads it when it mounts and keeps it current. */
  memory: NotesMemory;
  canEdit: boolean;
  members: MentionMember[];
  /** The reader: a conflict with their own save elsewhere is worded as such. */
  meId: string;
  /** The editor is there: quotes waiting to be inserted can be. */
  onReady?: () => void;
}

type Status = "saved" | "dirty" | "saving" | "error" | "conflict";

/** Saves this long after the last keystroke. */
const AUTOSAVE_MS = 1_000;
const RETRY_MS = 10_000;

/**
 * The team notes without co-editing (no collaboration server answering).
 * Annotators and up write; saving is automatic.
 * A save names the version it started from: if someone else saved meanwhile
 * the server refuses (409) and the writer sees both versions and chooses —
 * nothing is overwritten silently.
 */
export const PlainNotes = forwardRef<ChildHandle, Props>(function PlainNotes({ reportId, memory, canEdit, members, meId, onReady }, ref) {
  const [initial] = useState(() => memory.recall());
  const [editor, setEditor] = useState<Editor | null>(null);
  const [status, setStatus] = useState<Status>(initial.draft === initial.saved.body ? "saved" : "dirty");
  const [saved, setSaved] = useState<NotesData>(initial.saved);
  const [conflict, setConflict] = useState<NotesData | null>(null);
  const [error, setError] = useState<string | null>(null);
  // What the server has (the version the next save starts from) and what the editor holds.
  const base = useRef<NotesData>(initial.saved);
  const latest = useRef(initial.draft);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saving = useRef(false);
  const again = useRef(false);
  const conflicted = useRef(false);
  const usedCursor = useRef(false);

  // Timers call the latest save through this ref (save schedules itself to retry).
  const saveRef = useRef<() => Promise<void>>(async () => undefined);
  const schedule = useCallback((ms: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), ms);
  }, []);

  const save = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    if (conflicted.current) return;
    if (saving.current) {
      again.current = true;
      return;
    }
    const body = latest.current;
    if (body === base.current.body) {
      setStatus("saved");
      return;
    }
    saving.current = true;
    setStatus("saving");
    try {
      const next = await apiFetch<NotesData>(`/api/v1/reports/${reportId}/notes`, {
        method: "PUT",
        json: { body, version: base.current.version },
      });
      base.current = next;
      memory.remember(next, latest.current);
      setSaved(next);
      setError(null);
      setStatus(latest.current === next.body ? "saved" : "dirty");
      if (latest.current !== next.body) again.current = true;
    } catch (e) {
      const current = e instanceof ApiError && e.status === 409 ? (e.details as { current?: NotesData } | undefined)?.current : undefined;
      if (current) {
        conflicted.current = true;
        setConflict(current);
        setStatus("conflict");
      } else {
        setError((e as Error).message);
        setStatus("error");
        schedule(RETRY_MS);
      }
    } finally {
      saving.current = false;
      if (again.current && !conflicted.current) {
        again.current = false;
        schedule(AUTOSAVE_MS);
      }
    }
  }, [reportId, schedule, memory]);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);
  // Typed before a remount and not yet saved: save it now.
  useEffect(() => {
    if (latest.current !== base.current.body) schedule(AUTOSAVE_MS);
  }, [schedule]);

  const onChange = useCallback(
    (markdown: string) => {
      latest.current = markdown;
      memory.remember(base.current, markdown);
      if (conflicted.current) return;
      setStatus(markdown === base.current.body ? "saved" : "dirty");
      schedule(AUTOSAVE_MS);
    },
    [schedule, memory],
  );

  useEffect(() => {
    if (!editor) return;
    const onFocus = () => {
      usedCursor.current = true;
    };
    editor.on("focus", onFocus);
    return () => {
      editor.off("focus", onFocus);
    };
  }, [editor]);

  // Nothing typed is lost to a closed tab: the browser asks first while a save is pending.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (latest.current !== base.current.body) e.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, []);

  // Coming back to the tab with nothing unsaved: pick up what others saved meanwhile.
  useEffect(() => {
    const refresh = async () => {
      if (document.visibilityState !== "visible" || saving.current || conflicted.current || latest.current !== base.current.body) return;
      try {
        const current = await apiFetch<NotesData>(`/api/v1/reports/${reportId}/notes`);
        if (current.version === base.current.version || latest.current !== base.current.body) return;
        base.current = current;
        latest.current = current.body;
        memory.remember(current, current.body);
        setSaved(current);
        editor?.commands.setContent(current.body, { contentType: "markdown", emitUpdate: false });
      } catch {
        // Offline: the next save will tell.
      }
    };
    window.addEventListener("focus", refresh);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      window.removeEventListener("focus", refresh);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [editor, reportId, memory]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  useImperativeHandle(ref, () => ({ insert: (markdown: string) => !!editor && insertMarkdown(editor, markdown, usedCursor.current) }), [
    editor,
  ]);
  useEffect(() => {
    if (editor) onReady?.();
  }, [editor, onReady]);

  function resolveWith(choice: "mine" | "theirs" | "both") {
    if (!conflict || !editor) return;
    base.current = conflict;
    setSaved(conflict);
    if (choice === "theirs") {
      latest.current = conflict.body;
      editor.commands.setContent(conflict.body, { contentType: "markdown", emitUpdate: false });
    } else if (choice === "both") {
      editor.commands.insertContentAt(editor.state.doc.content.size, `\n\n---\n\n${conflict.body}`, { contentType: "markdown" });
      latest.current = editor.isEmpty ? "" : editor.getMarkdown();
    }
    memory.remember(conflict, latest.current);
    conflicted.current = false;
    setConflict(null);
    setStatus(latest.current === conflict.body ? "saved" : "dirty");
    void save();
  }

  if (!canEdit) {
    return (
      <section aria-label="Team notes" className="px-1">
        {saved.body.trim() ? (
          <MarkdownBody markdown={saved.body} className="font-serif text-[0.95rem] leading-relaxed" />
        ) : (
          <p className="rounded-md border border-dashed border-stone-300 px-4 py-6 text-center text-sm text-stone-500 dark:border-stone-700 dark:text-stone-400">
            No team notes yet. Annotators and editors write the team’s conclusions here.
          </p>
        )}
        <LastEdited notes={saved} />
      </section>
    );
  }

  return (
    <section
      aria-label="Team notes"
      className="flex min-h-0 flex-1 flex-col overflow-hidden rounded-lg border border-stone-200 bg-white shadow-sm dark:border-stone-800 dark:bg-stone-900"
    >
      {conflict && (
        <div
          role="alert"
          className="border-b border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50"
          data-testid="notes-conflict"
        >
          <p className="font-medium">
            {conflict.updatedBy?.id === meId
              ? `You saved these notes elsewhere (another tab or device) ${conflict.updatedAt ? relativeTime(conflict.updatedAt) : ""} while writing here.`
              : `${conflict.updatedBy?.name ?? "Someone"} saved these notes ${conflict.updatedAt ? relativeTime(conflict.updatedAt) : ""} while you were writing.`}
          </p>
          <p className="mt-1">Your text is still here, not saved. Their version:</p>
          <div className="mt-2 max-h-48 overflow-y-auto rounded border border-amber-200 bg-white px-3 py-2 text-stone-900 dark:border-amber-900 dark:bg-stone-900 dark:text-stone-100">
            {conflict.body.trim() ? <MarkdownBody markdown={conflict.body} /> : <p className="italic">Their version is empty.</p>}
          </div>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button size="sm" onClick={() => resolveWith("both")}>
              Keep both
            </Button>
            <Button size="sm" variant="secondary" onClick={() => resolveWith("theirs")}>
              Use theirs
            </Button>
            <Button size="sm" variant="secondary" onClick={() => resolveWith("mine")}>
              Keep mine
            </Button>
          </div>
          <p className="mt-2 text-xs">“Keep both” adds their version below yours, so you can merge by hand.</p>
        </div>
      )}
      <NotesEditor
        initialMarkdown={initial.draft}
        members={members}
        onChange={onChange}
        onEditor={setEditor}
        onSaveNow={() => void save()}
      />
      <footer className="flex items-center justify-between gap-2 border-t border-stone-200 px-3 py-1.5 text-xs text-stone-500 dark:border-stone-800 dark:text-stone-400">
        <span aria-live="polite" data-testid="notes-status" data-status={status}>
          {status === "saved" && (saved.version === 0 ? "Nothing written yet" : "All changes saved")}
          {status === "dirty" && "Unsaved changes"}
          {status === "saving" && "Saving…"}
          {status === "conflict" && "Not saved: choose a version above"}
          {status === "error" && <span className="text-red-700 dark:text-red-400">Not saved: {error}</span>}
        </span>
        {status === "error" ? (
          <button type="button" className="font-medium underline" onClick={() => void save()}>
            Retry now
          </button>
        ) : (
          <LastEdited notes={saved} compact />
        )}
      </footer>
    </section>
  );
});

function LastEdited({ notes, compact = false }: { notes: NotesData; compact?: boolean }) {
  if (!notes.updatedAt) return null;
  const who = notes.updatedBy?.name ?? "someone";
  return (
    <span className={compact ? "truncate" : "mt-3 block text-xs text-stone-500 dark:text-stone-400"}>
      Last edited by {who}, <RelativeTime iso={notes.updatedAt} />
    </span>
  );
}
