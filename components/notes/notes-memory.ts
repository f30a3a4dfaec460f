"use client";

/** The notes as the API carries them (dates serialised). */
export interface NotesData {
  body: string;
  version: number;
  updatedAt: string | null;
  updatedBy: { id: string; name: string } | null;
}

export interface NotesPanelHandle {
  /** Inserts Markdown after the block the cursor is in (or at the end) and shows it. */
  insert: (markdown: string) => void;
}

/**
 * What the panel has saved and what is typed, kept by the parent so that a
 * remount (the phone sheet ⇄ the wide sidebar) picks up where it was.
 */
export class NotesMemory {
  #state: { saved: NotesData; draft: string };

  constructor(saved: NotesData) {
    this.#state = { saved, draft: saved.body };
  }

  recall(): { saved: NotesData; draft: string } {
    return this.#state;
  }

  remember(saved: NotesData, draft: string): void {
    this.#state = { saved, draft };
  }
}
