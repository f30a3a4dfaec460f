"use client";

import { useCallback, useRef, useState } from "react";
import { NotesMemory, type NotesData, type NotesPanelHandle } from "@/components/notes/notes-memory";

export type Panel = "annotations" | "notes";

/**
 * The side panel's tab (annotations or team notes) and the notes it holds:
 * the notes panel (and its connection) is made when first shown and kept
 * after; what it holds outlives it (the phone's sheet and the wide sidebar
 * each mount their own); quotes sent while its code is still loading are
 * inserted once it is there.
 */
export function useSidePanel({ notes, startWithNotes }: { notes: NotesData | null; startWithNotes: boolean }) {
  const [panel, setPanel] = useState<Panel>(notes && startWithNotes ? "notes" : "annotations");
  const [notesMounted, setNotesMounted] = useState(panel === "notes");
  if (panel === "notes" && !notesMounted) setNotesMounted(true);
  const notesRef = useRef<NotesPanelHandle | null>(null);
  const queue = useRef<string[]>([]);
  const notesHandle = useCallback((handle: NotesPanelHandle | null) => {
    notesRef.current = handle;
    if (handle) for (const markdown of queue.current.splice(0)) handle.insert(markdown);
  }, []);
  const [notesMemory] = useState(() => new NotesMemory(notes ?? { body: "", version: 0, updatedAt: null, updatedBy: null }));

  return {
    panel,
    setPanel,
    notesMounted,
    notesHandle,
    notesMemory,
    /** Shows the notes and inserts Markdown into them (once they show, so it can be scrolled to). */
    insertInNotes(markdown: string) {
      setPanel("notes");
      requestAnimationFrame(() => {
        if (notesRef.current) notesRef.current.insert(markdown);
        else queue.current.push(markdown);
      });
    },
  };
}
