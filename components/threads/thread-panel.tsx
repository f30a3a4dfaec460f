"use client";

import { useEffect, useState } from "react";
import type { ReaderAnnotation, ReaderContext } from "@/components/reader/types";
import { ApiError, apiFetch } from "@/lib/api/client";
import { BodyEditorForm } from "./body-editor-form";
import { ReplyItem, type ReplyData } from "./reply-item";
import { StancePanel } from "./stance-panel";
import { TagEditor } from "./tag-editor";
import { useApiAction } from "./use-api-action";

interface Props {
  annotation: ReaderAnnotation;
  context: ReaderContext;
  onChange: (a: ReaderAnnotation) => void;
  onDelete: (a: ReaderAnnotation) => void;
  /** Quotes the annotation into the team notes; absent for those who cannot write them. */
  onQuote?: (a: ReaderAnnotation) => void;
  /** Changes when someone else changed the thread: the replies are read again. */
  refreshKey?: number;
}

const RANK = { viewer: 0, annotator: 1, editor: 2, owner: 3 } as const;
const action = "text-xs font-medium text-stone-600 underline-offset-2 hover:text-stone-900 hover:underline disabled:opacity-50 dark:text-stone-400 dark:hover:text-stone-100";

/** The open thread under a focused card: stances, tags, actions, replies and the reply box. */
export function ThreadPanel({ annotation: a, context, onChange, onDelete, onQuote, refreshKey = 0 }: Props) {
  const { me, members, passages, tags } = context;
  const canWrite = RANK[me.role] >= RANK.annotator;
  const moderates = RANK[me.role] >= RANK.editor;
  const mine = a.author.id === me.id;
  const [replies, setReplies] = useState<ReplyData[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const { pending, error, run } = useApiAction();

  useEffect(() => {
    let live = true;
    apiFetch<{ replies: ReplyData[] }>(`/api/v1/annotations/${a.id}/replies`).then(
      (r) => live && setReplies(r.replies),
      (e) => live && setLoadError((e as Error).message),
    );
    return () => {
      live = false;
    };
  }, [a.id, refreshKey]);

  async function patch(fields: Record<string, unknown>) {
    try {
      return await apiFetch<ReaderAnnotation>(`/api/v1/annotations/${a.id}`, { method: "PATCH", json: { ...fields, version: a.version } });
    } catch (e) {
      // Someone else changed it: show theirs, keep the user's message.
      const current = e instanceof ApiError ? (e.details as { current?: ReaderAnnotation } | undefined)?.current : undefined;
      if (current) onChange(current);
      throw e;
    }
  }

  return (
    // Clicks and keys here belong to the thread, not to the card around it.
    <div className="mt-3 space-y-3 border-t border-stone-100 pt-3 dark:border-stone-800" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()} data-testid="thread">
      {editing && (
        <BodyEditorForm
          label="Edit comment"
          submitLabel="Save"
          initialMarkdown={a.body}
          members={members}
          onCancel={() => setEditing(false)}
          onSave={async (body) => {
            onChange(await patch({ body }));
            setEditing(false);
          }}
        />
      )}
      {a.kind === "claim" && (
        <StancePanel annotation={a} meId={me.id} canTakeStance={canWrite} canSetVerdict={moderates} passages={passages} onChange={onChange} />
      )}
      {canWrite && (mine || moderates) && <TagEditor annotation={a} tags={tags} canCreate={moderates} onChange={onChange} />}
      {(onQuote || (canWrite && (mine || moderates))) && (
        <div className="flex flex-wrap items-center gap-3">
          {onQuote && (
            <button type="button" className={action} onClick={() => onQuote(a)}>
              Quote in notes
            </button>
          )}
          {canWrite && (mine || moderates) && (
            <>
          <button
            type="button"
            className={action}
            disabled={pending}
            onClick={async () => {
              const updated = await run(() => patch({ status: a.status === "open" ? "resolved" : "open" }));
              if (updated) onChange(updated);
            }}
          >
            {a.status === "open" ? "Resolve" : "Reopen"}
          </button>
          {mine && !editing && a.kind !== "highlight" && (
            <button type="button" className={action} onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          <button type="button" className={action} disabled={pending} onClick={() => onDelete(a)}>
            Delete
          </button>
            </>
          )}
        </div>
      )}
      {error && <p className="text-xs text-red-700 dark:text-red-400">{error}</p>}
      <section aria-label="Replies">
        {loadError && <p className="text-xs text-red-700 dark:text-red-400">The replies could not be loaded: {loadError}</p>}
        {!replies && !loadError && a.replyCount > 0 && <p className="text-xs text-stone-500 dark:text-stone-400">Loading replies…</p>}
        {replies && replies.length > 0 && (
          <ul className="divide-y divide-stone-100 dark:divide-stone-800">
            {replies.map((r) => (
              <ReplyItem
                key={r.id}
                reply={r}
                meId={me.id}
                moderates={moderates}
                canWrite={canWrite}
                members={members}
                onChange={(next) => {
                  setReplies((list) => list?.map((x) => (x.id === next.id ? next : x)) ?? null);
                  const delta = next.deleted === r.deleted ? 0 : next.deleted ? -1 : 1;
                  if (delta) onChange({ ...a, replyCount: a.replyCount + delta });
                }}
              />
            ))}
          </ul>
        )}
        {canWrite && (
          <div className="mt-2">
            <BodyEditorForm
              label="Reply"
              placeholder="Reply… (type @ to mention someone)"
              submitLabel="Reply"
              members={members}
              onSave={async (body) => {
                const created = await apiFetch<ReplyData>(`/api/v1/annotations/${a.id}/replies`, { method: "POST", json: { body } });
                setReplies((list) => [...(list ?? []), created]);
                onChange({ ...a, replyCount: a.replyCount + 1 });
              }}
            />
          </div>
        )}
      </section>
    </div>
  );
}
