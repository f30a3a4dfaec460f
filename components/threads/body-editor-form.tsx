"use client";

import { useState } from "react";
import { CommentEditor } from "@/components/annotations/comment-editor";
import { useDraft } from "@/components/drafts/use-draft";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

interface Props {
  label: string;
  initialMarkdown?: string;
  submitLabel: string;
  members: { id: string; name: string }[];
  placeholder?: string;
  /** Resolves when saved; throws (with a message for the user) when not. */
  onSave: (markdown: string) => Promise<void>;
  onCancel?: () => void;
  /** The editor takes the focus when it appears (default); after a save, the fresh one always does. */
  autoFocus?: boolean;
  /** Each time this grows, the editor takes the focus. */
  focusSignal?: number;
  /**
   * What is typed is kept in the browser under this name (per report) until it is saved, and comes
   * back here after a reload, a crash or the card being closed: "reply:<id>", "edit:<id>".
   */
  draftKey?: string;
}

/** A rich-text body with Save/Cancel: used to reply and to edit. What was typed survives a failed save, a reload and Esc. */
export function BodyEditorForm({
  label,
  initialMarkdown,
  submitLabel,
  members,
  placeholder,
  onSave,
  onCancel,
  autoFocus = true,
  focusSignal,
  draftKey,
}: Props) {
  const draft = useDraft<string>(draftKey ?? null);
  const [start] = useState(() => draft.initial ?? initialMarkdown ?? "");
  const [markdown, setMarkdown] = useState(start);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [generation, setGeneration] = useState(0);

  function change(next: string) {
    setMarkdown(next);
    // Nothing new (empty, or the text being edited as it was) is no draft.
    draft.save(next.trim() && next !== (initialMarkdown ?? "") ? next : null);
  }

  async function save() {
    if (saving) return;
    if (!markdown.trim()) return setError("Write something first.");
    setSaving(true);
    setError(null);
    try {
      await onSave(markdown);
      draft.clear();
      if (!initialMarkdown) {
        // A fresh editor for the next reply.
        setMarkdown("");
        setGeneration((g) => g + 1);
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {error && <Alert>{error}</Alert>}
      {draft.initial !== null && generation === 0 && (
        <p className="text-xs text-stone-500 dark:text-stone-400">Your unsent draft, kept in this browser.</p>
      )}
      <CommentEditor
        key={generation}
        label={label}
        placeholder={placeholder}
        members={members}
        initialMarkdown={generation === 0 ? start : undefined}
        autoFocus={autoFocus || generation > 0}
        focusSignal={focusSignal}
        onChange={change}
        onSubmit={() => void save()}
      />
      <div className="flex items-center justify-end gap-2">
        {onCancel && (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              // Cancel is asked for: the draft goes with it.
              draft.clear();
              onCancel();
            }}
          >
            Cancel
          </Button>
        )}
        <Button type="submit" size="sm" disabled={saving}>
          {saving ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
