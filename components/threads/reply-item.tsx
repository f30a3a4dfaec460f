"use client";

import { useEffect, useRef, useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import { MarkdownBody } from "@/components/ui/markdown-body";
import { ApiError, apiFetch } from "@/lib/api/browser/client";
import { RelativeTime } from "@/components/ui/relative-time";
import { BodyEditorForm } from "./body-editor-form";
import { HistoryList } from "./history-list";

export interface ReplyData {
  id: string;
  author: { id: string; name: string };
  body: string;
  deleted: boolean;
  version: number;
  editedAt: string | null;
  importedCreator?: string | null;
  createdAt: string;
}

interface Props {
  reply: ReplyData;
  meId: string;
  moderates: boolean;
  canWrite: boolean;
  members: { id: string; name: string }[];
  onChange: (reply: ReplyData) => void;
  /** The reply a link (a notification) points at: marked, and scrolled into view once shown. */
  linked?: boolean;
}

const link = "text-xs text-stone-500 underline-offset-2 hover:underline dark:text-stone-400";

export function ReplyItem({ reply, meId, moderates, canWrite, members, onChange, linked = false }: Props) {
  const [editing, setEditing] = useState(false);
  const itemRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // After the card's own scroll (to its highlight), so the reply is what ends up in view.
    if (!linked) return;
    const timer = window.setTimeout(() => itemRef.current?.scrollIntoView({ block: "center", behavior: "instant" }), 150);
    return () => window.clearTimeout(timer);
  }, [linked]);
  const [error, setError] = useState<string | null>(null);
  const mine = reply.author.id === meId;
  const mayModerate = canWrite && (mine || moderates);

  async function act(path: string, method: string) {
    setError(null);
    try {
      const updated = await apiFetch<ReplyData | undefined>(path, { method });
      onChange(updated ?? { ...reply, deleted: true, body: "" });
    } catch (e) {
      setError((e as Error).message);
    }
  }

  if (reply.deleted) {
    return (
      <li className="flex items-center gap-2 py-2 text-xs text-stone-500 italic dark:text-stone-400" data-testid="reply">
        This reply was deleted.
        {mayModerate && (
          <button type="button" className={link} onClick={() => act(`/api/v1/replies/${reply.id}/restore`, "POST")}>
            Restore
          </button>
        )}
        {error && <span className="text-red-700 not-italic dark:text-red-400">{error}</span>}
      </li>
    );
  }

  return (
    <li
      ref={itemRef}
      className={`py-2 ${linked ? "-mx-2 rounded-md bg-amber-50 px-2 ring-1 ring-amber-300 dark:bg-amber-950/50 dark:ring-amber-800" : ""}`}
      data-testid="reply"
      data-reply-id={reply.id}
      data-linked={linked ? "true" : undefined}
      aria-current={linked ? "true" : undefined}
    >
      <div className="flex items-center gap-2">
        <Avatar name={reply.author.name} id={reply.author.id} />
        <span className="truncate text-sm font-medium">{reply.author.name}</span>
        <RelativeTime className="shrink-0 text-xs text-stone-500 dark:text-stone-400" iso={reply.createdAt} />
        {reply.editedAt && <HistoryList url={`/api/v1/replies/${reply.id}/history`} />}
      </div>
      {reply.importedCreator && (
        <p className="mt-0.5 truncate text-xs text-stone-500 dark:text-stone-400" dir="auto">
          Imported · originally by {reply.importedCreator}
        </p>
      )}
      {editing ? (
        <div className="mt-2">
          <BodyEditorForm
            label="Edit reply"
            submitLabel="Save"
            initialMarkdown={reply.body}
            members={members}
            draftKey={`edit-reply:${reply.id}`}
            onCancel={() => setEditing(false)}
            onSave={async (body) => {
              try {
                onChange(
                  await apiFetch<ReplyData>(`/api/v1/replies/${reply.id}`, { method: "PATCH", json: { body, version: reply.version } }),
                );
                setEditing(false);
              } catch (e) {
                const current = e instanceof ApiError ? (e.details as { current?: ReplyData } | undefined)?.current : undefined;
                if (current) onChange(current);
                throw e;
              }
            }}
          />
        </div>
      ) : (
        <MarkdownBody markdown={reply.body} className="mt-1 pl-8 text-sm text-stone-800 dark:text-stone-200" />
      )}
      {!editing && (mine || mayModerate) && canWrite && (
        <div className="mt-1 flex gap-3 pl-8">
          {mine && (
            <button type="button" className={link} onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          {mayModerate && (
            <button type="button" className={link} onClick={() => act(`/api/v1/replies/${reply.id}`, "DELETE")}>
              Delete
            </button>
          )}
        </div>
      )}
      {error && <p className="mt-1 pl-8 text-xs text-red-700 dark:text-red-400">{error}</p>}
    </li>
  );
}
