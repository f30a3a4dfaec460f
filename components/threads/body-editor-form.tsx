"use client";

import { useState } from "react";
import { CommentEditor } from "@/components/annotations/comment-editor";
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
}

/** A rich-text body with Save/Cancel: used to reply and to edit. What was typed survives a failed save. */
export function BodyEditorForm({ label, initialMarkdown, submitLabel, members, placeholder, onSave, onCancel, autoFocus = true }: Props) {
  const [markdown, setMarkdown] = useState(initialMarkdown ?? "");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [generation, setGeneration] = useState(0);

  async function save() {
    if (saving) return;
    if (!markdown.trim()) return setError("Write something first.");
    setSaving(true);
    setError(null);
    try {
      await onSave(markdown);
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
      <CommentEditor
        key={generation}
        label={label}
        placeholder={placeholder}
        members={members}
        initialMarkdown={initialMarkdown}
        autoFocus={autoFocus || generation > 0}
        onChange={setMarkdown}
        onSubmit={() => void save()}
        onCancel={() => onCancel?.()}
      />
      <div className="flex items-center justify-end gap-2">
        {onCancel && <Button variant="ghost" size="sm" onClick={onCancel}>Cancel</Button>}
        <Button type="submit" size="sm" disabled={saving}>{saving ? "Saving…" : submitLabel}</Button>
      </div>
    </form>
  );
}
