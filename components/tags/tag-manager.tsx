"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { TagChip } from "./tag-chip";
import { apiFetch } from "@/lib/api/browser/client";
import { TAG_NAME_MAX } from "@/lib/validations/annotation";
import { TAG_COLORS, createTagSchema } from "@/lib/validations/tag";

export interface Tag {
  id: string;
  name: string;
  color: string;
  description: string;
  usageCount: number;
}

const COLOR_NAMES: Record<string, string> = {
  "#b45309": "Amber",
  "#0369a1": "Blue",
  "#7e22ce": "Purple",
  "#15803d": "Green",
  "#be123c": "Rose",
  "#4d7c0f": "Lime",
  "#0f766e": "Teal",
  "#a16207": "Ochre",
  "#57534e": "Grey",
};

const colorName = (hex: string) => COLOR_NAMES[hex.toLowerCase()] ?? hex;

const byName = (a: Tag, b: Tag) => a.name.localeCompare(b.name, "en", { sensitivity: "base" });

/** Moves focus once React has rendered the element (after an inline form closes). */
const focusSoon = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);

const annotations = (n: number) => `${n} ${n === 1 ? "annotation" : "annotations"}`;

/** Colour swatches as a radio group: arrow keys move between them, the name is read out. */
function ColorPicker({ value, onChange, extra }: { value: string; onChange: (c: string) => void; extra?: string }) {
  const group = useId();
  const colors: string[] = [...TAG_COLORS];
  if (extra && !colors.includes(extra.toLowerCase())) colors.push(extra);
  return (
    <fieldset>
      <legend className="text-sm font-medium text-stone-800 dark:text-stone-200">Colour</legend>
      <div className="mt-1.5 flex flex-wrap gap-2">
        {colors.map((c) => (
          <label key={c} className="relative cursor-pointer" title={colorName(c)}>
            <input
              type="radio"
              name={group}
              value={c}
              checked={value.toLowerCase() === c.toLowerCase()}
              onChange={() => onChange(c)}
              className="peer sr-only"
            />
            <span className="sr-only">{colorName(c)}</span>
            <span
              aria-hidden="true"
              className="block h-7 w-7 rounded-full ring-offset-2 ring-offset-white peer-checked:ring-2 peer-checked:ring-stone-900 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-4 peer-focus-visible:outline-amber-600 dark:ring-offset-stone-950 dark:peer-checked:ring-stone-100"
              style={{ backgroundColor: c }}
            />
          </label>
        ))}
      </div>
    </fieldset>
  );
}

interface Draft {
  name: string;
  color: string;
  description: string;
}

/** Validates a draft with the shared schema: the parsed input, or the first problem in plain words. */
function parseDraft(draft: Draft) {
  const parsed = createTagSchema.safeParse(draft);
  return parsed.success ? { data: parsed.data, error: null } : { data: null, error: parsed.error.issues[0].message };
}

function TagFields({ draft, setDraft, extraColor }: { draft: Draft; setDraft: (d: Draft) => void; extraColor?: string }) {
  return (
    <>
      <Field label="Name">
        {(p) => (
          <input
            {...p}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            required
            maxLength={TAG_NAME_MAX}
            placeholder="e.g. Methodology"
          />
        )}
      </Field>
      <ColorPicker value={draft.color} onChange={(color) => setDraft({ ...draft, color })} extra={extraColor} />
      <Field label="Description" hint="Optional. When should someone use this tag?">
        {(p) => (
          <textarea
            {...p}
            rows={2}
            maxLength={500}
            value={draft.description}
            onChange={(e) => setDraft({ ...draft, description: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}

function CreateTagForm({ workspaceId, onCreated }: { workspaceId: string; onCreated: (t: Tag) => void }) {
  const empty: Draft = { name: "", color: TAG_COLORS[0], description: "" };
  const [draft, setDraft] = useState<Draft>(empty);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const { data, error } = parseDraft(draft);
    if (!data) return setMessage({ tone: "error", text: error });
    setPending(true);
    setMessage(null);
    try {
      const tag = await apiFetch<Tag>(`/api/v1/workspaces/${workspaceId}/tags`, { method: "POST", json: data });
      onCreated(tag);
      setMessage({ tone: "success", text: `The tag “${tag.name}” was added.` });
      setDraft(empty);
    } catch (err) {
      setMessage({ tone: "error", text: (err as Error).message });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-4 space-y-4" noValidate>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <TagFields draft={draft} setDraft={setDraft} />
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add tag"}
      </Button>
    </form>
  );
}

function EditTagForm({ tag, onSaved, onCancel }: { tag: Tag; onSaved: (t: Tag) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<Draft>({ name: tag.name, color: tag.color, description: tag.description });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const { data, error } = parseDraft(draft);
    if (!data) return setError(error);
    setPending(true);
    setError(null);
    try {
      onSaved(await apiFetch<Tag>(`/api/v1/tags/${tag.id}`, { method: "PATCH", json: { ...data, description: data.description ?? "" } }));
    } catch (err) {
      setError((err as Error).message);
      setPending(false);
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
      className="space-y-4"
      aria-label={`Edit tag ${tag.name}`}
      noValidate
    >
      {error && <Alert>{error}</Alert>}
      <TagFields draft={draft} setDraft={setDraft} extraColor={tag.color} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
        <Button variant="secondary" size="sm" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function ConfirmDelete({ tag, onDeleted, onCancel }: { tag: Tag; onDeleted: () => void; onCancel: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();

  useEffect(() => cancelRef.current?.focus(), []);

  async function remove() {
    setPending(true);
    setError(null);
    try {
      await apiFetch(`/api/v1/tags/${tag.id}`, { method: "DELETE" });
      onDeleted();
    } catch (err) {
      setError((err as Error).message);
      setPending(false);
    }
  }

  return (
    <div
      role="group"
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
      className="mt-3 space-y-3 rounded-md border border-red-200 bg-red-50 px-3 py-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/60 dark:text-red-100"
    >
      <p id={headingId}>
        <span className="font-medium">Delete “{tag.name}”?</span>{" "}
        {tag.usageCount === 0
          ? "No annotations use it."
          : `It is on ${annotations(tag.usageCount)}; they keep their text but lose this tag.`}{" "}
        This cannot be undone.
      </p>
      {error && <Alert>{error}</Alert>}
      <div className="flex gap-2">
        <Button variant="danger" size="sm" onClick={remove} disabled={pending}>
          {pending ? "Deleting…" : "Delete tag"}
        </Button>
        <Button ref={cancelRef} variant="secondary" size="sm" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

export function TagManager({ workspaceId, canEdit, initial }: { workspaceId: string; canEdit: boolean; initial: Tag[] }) {
  const [tags, setTags] = useState(() => [...initial].sort(byName));
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const replace = (t: Tag) => setTags((all) => all.map((x) => (x.id === t.id ? t : x)).sort(byName));

  return (
    <div className="mt-6 space-y-10">
      {notice && <Alert tone="success">{notice}</Alert>}
      {tags.length === 0 ? (
        <EmptyState title="No tags yet">
          {canEdit
            ? "Add the first tag below. Your team can then label annotations with it, and filter the sidebar by it."
            : "An editor or owner of this workspace can add tags to the codebook."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {tags.map((t) => (
            <li key={t.id} className="px-4 py-3">
              {editing === t.id ? (
                <EditTagForm
                  tag={t}
                  onSaved={(saved) => {
                    replace(saved);
                    setEditing(null);
                    setNotice(`The tag “${saved.name}” was saved.`);
                    focusSoon(`edit-tag-${t.id}`);
                  }}
                  onCancel={() => {
                    setEditing(null);
                    focusSoon(`edit-tag-${t.id}`);
                  }}
                />
              ) : (
                <>
                  <div className="flex flex-wrap items-start gap-3">
                    <div className="min-w-0 flex-1">
                      <TagChip name={t.name} color={t.color} />
                      {t.description && (
                        <p dir="auto" className="mt-1.5 text-sm text-stone-700 dark:text-stone-300">
                          {t.description}
                        </p>
                      )}
                      <p className="mt-1 text-xs text-stone-500 dark:text-stone-400">Used on {annotations(t.usageCount)}</p>
                    </div>
                    {canEdit && (
                      <div className="flex shrink-0 gap-2">
                        <Button
                          id={`edit-tag-${t.id}`}
                          variant="secondary"
                          size="sm"
                          aria-label={`Edit tag ${t.name}`}
                          onClick={() => {
                            setNotice(null);
                            setDeleting(null);
                            setEditing(t.id);
                          }}
                        >
                          Edit
                        </Button>
                        <Button
                          id={`delete-tag-${t.id}`}
                          variant="ghost"
                          size="sm"
                          aria-label={`Delete tag ${t.name}`}
                          aria-expanded={deleting === t.id}
                          onClick={() => {
                            setNotice(null);
                            setDeleting(t.id);
                          }}
                        >
                          Delete
                        </Button>
                      </div>
                    )}
                  </div>
                  {deleting === t.id && (
                    <ConfirmDelete
                      tag={t}
                      onDeleted={() => {
                        setTags((all) => all.filter((x) => x.id !== t.id));
                        setDeleting(null);
                        setNotice(`The tag “${t.name}” was deleted.`);
                      }}
                      onCancel={() => {
                        setDeleting(null);
                        focusSoon(`delete-tag-${t.id}`);
                      }}
                    />
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <section aria-labelledby="add-tag">
          <h2 id="add-tag" className="text-lg font-semibold">
            Add a tag
          </h2>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">Names are unique in the workspace, whatever their capitals.</p>
          <CreateTagForm workspaceId={workspaceId} onCreated={(t) => setTags((all) => [...all, t].sort(byName))} />
        </section>
      )}
    </div>
  );
}
