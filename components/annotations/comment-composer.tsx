"use client";

import { forwardRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { PendingSelection } from "@/components/reader/types";
import { CommentEditor } from "./comment-editor";
import { VisibilitySelect, type VisibilityChoice } from "./visibility-select";

interface Props {
  selection: PendingSelection;
  visibility: VisibilityChoice;
  onVisibilityChange: (v: VisibilityChoice) => void;
  onSave: (body: string) => Promise<void>;
  onCancel: () => void;
  style?: React.CSSProperties;
}

/** The card where a new comment is written, next to the text it is about. */
export const CommentComposer = forwardRef<HTMLFormElement, Props>(function CommentComposer(
  { selection, visibility, onVisibilityChange, onSave, onCancel, style },
  ref,
) {
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save() {
    if (saving) return;
    if (!body.trim()) return setError("Write a comment first, or press Cancel.");
    setSaving(true);
    setError(null);
    try {
      await onSave(body);
    } catch (e) {
      // The text stays in the editor so nothing typed is lost.
      setError((e as Error).message);
      setSaving(false);
    }
  }

  return (
    <form
      ref={ref}
      style={style}
      data-testid="comment-composer"
      aria-label="New comment"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      className="space-y-2 rounded-lg border border-amber-500 bg-white p-3 text-sm shadow-md dark:bg-stone-900"
    >
      <p className="truncate font-serif text-stone-600 italic dark:text-stone-400" dir="auto" title={selection.quote}>
        <span className="not-italic text-stone-500 dark:text-stone-400">¶ {selection.passageIndex} · </span>“{selection.quote}”
      </p>
      {error && <Alert>{error}</Alert>}
      <CommentEditor label="Comment" placeholder="Add a comment…" onChange={setBody} onSubmit={() => void save()} onCancel={onCancel} />
      <div className="flex flex-wrap items-center gap-2">
        <VisibilitySelect value={visibility} onChange={onVisibilityChange} />
        <span className="ml-auto flex gap-2">
          <Button variant="ghost" size="sm" onClick={onCancel}>Cancel</Button>
          <Button type="submit" size="sm" disabled={saving}>{saving ? "Saving…" : "Comment"}</Button>
        </span>
      </div>
      <p className="text-xs text-stone-500 dark:text-stone-400">Ctrl+Enter to save · Esc to cancel</p>
    </form>
  );
});
