"use client";

import { forwardRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { PendingSelection } from "@/components/reader/types";
import { CommentEditor } from "./comment-editor";
import { VisibilitySelect, type VisibilityChoice } from "./visibility-select";

export interface ComposerText {
  body: string;
  summary: string;
}

interface Props {
  selection: PendingSelection;
  kind: "comment" | "question" | "claim";
  members: { id: string; name: string }[];
  visibility: VisibilityChoice;
  onVisibilityChange: (v: VisibilityChoice) => void;
  onSave: (fields: { body: string; claimSummary?: string }) => Promise<void>;
  /** Cancel, or Esc: the reader closes the composer, offering to undo when something was written. */
  onCancel: () => void;
  /** What was written before (a draft kept over a reload, brought back by Undo, or typed before the composer moved between the sidebar and the phone's sheet); read once. */
  initial?: () => ComposerText;
  /** Every change of what is written, to keep it as a draft. */
  onTextChange?: (text: ComposerText) => void;
  style?: React.CSSProperties;
}

/** The card where a new comment is written, next to the text it is about. */
export const CommentComposer = forwardRef<HTMLFormElement, Props>(function CommentComposer(
  { selection, kind, members, visibility, onVisibilityChange, onSave, onCancel, initial, onTextChange, style },
  ref,
) {
  const [start] = useState(() => initial?.() ?? { body: "", summary: "" });
  const [body, setBody] = useState(start.body);
  const [summary, setSummary] = useState(start.summary);
  const changeBody = (next: string) => {
    setBody(next);
    onTextChange?.({ body: next, summary });
  };
  const changeSummary = (next: string) => {
    setSummary(next);
    onTextChange?.({ body, summary: next });
  };
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save() {
    if (saving) return;
    if (kind !== "claim" && !body.trim()) return setError(`Write your ${kind} first, or press Cancel.`);
    setSaving(true);
    setError(null);
    try {
      await onSave({ body, ...(kind === "claim" && summary.trim() ? { claimSummary: summary.trim() } : {}) });
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
      aria-label={`New ${kind}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      className="space-y-2 rounded-lg border border-amber-500 bg-white p-3 text-sm shadow-md dark:bg-stone-900"
    >
      <p className="truncate font-serif text-stone-600 italic dark:text-stone-400" dir="auto" title={selection.quote}>
        <span className="text-stone-500 not-italic dark:text-stone-400">¶ {selection.passageIndex} · </span>“{selection.quote}”
      </p>
      {error && <Alert>{error}</Alert>}
      {kind === "claim" && (
        <label className="block text-xs font-medium">
          The claim in one line (optional)
          <input
            value={summary}
            onChange={(e) => changeSummary(e.target.value)}
            maxLength={300}
            dir="auto"
            placeholder="e.g. Normalisation began in 2018 under Russian sponsorship"
            className="mt-1 block w-full rounded border border-stone-300 bg-white px-2 py-1 text-sm font-normal dark:border-stone-700 dark:bg-stone-900"
          />
        </label>
      )}
      <CommentEditor
        label={kind === "claim" ? "Why it matters (optional)" : kind === "question" ? "Question" : "Comment"}
        placeholder={
          kind === "question"
            ? "Ask a question… (@ to mention)"
            : kind === "claim"
              ? "Context or a first assessment…"
              : "Add a comment… (@ to mention)"
        }
        members={members}
        initialMarkdown={start.body}
        onChange={changeBody}
        onSubmit={() => void save()}
        onCancel={onCancel}
      />
      <div className="flex flex-wrap items-center gap-2">
        <VisibilitySelect value={visibility} onChange={onVisibilityChange} />
        <span className="ml-auto flex gap-2">
          <Button variant="ghost" size="sm" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" size="sm" disabled={saving}>
            {saving ? "Saving…" : kind === "claim" ? "Mark claim" : kind === "question" ? "Ask" : "Comment"}
          </Button>
        </span>
      </div>
      <p className="text-xs text-stone-500 dark:text-stone-400">Ctrl+Enter to save · Esc closes (Undo brings it back)</p>
    </form>
  );
});
