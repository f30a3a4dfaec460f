"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { ReaderAnnotation, ReaderContext } from "@/components/reader/types";
import { ApiError, apiFetch } from "@/lib/api/browser/client";
import { appendNew, fetchPages } from "@/lib/api/browser/pages";
import { roleAtLeast } from "@/lib/domain/words";
import { CopyCitationMenu } from "@/components/citations/copy-citation-menu";
import { AssignmentEditor } from "./assignment-editor";
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
  /** Each time this grows, the reply box takes the focus (the reader's `r`). */
  replyFocus?: number;
}

const action =
  "text-xs font-medium text-stone-600 underline-offset-2 hover:text-stone-900 hover:underline disabled:opacity-50 dark:text-stone-400 dark:hover:text-stone-100";

/** The open thread under a focused card: stances, tags, actions, replies and the reply box. */
export function ThreadPanel({ annotation: a, context, onChange, onDelete, onQuote, refreshKey = 0, replyFocus = 0 }: Props) {
  const { me, members, passages, tags } = context;
  const canWrite = roleAtLeast(me.role, "annotator");
  const moderates = roleAtLeast(me.role, "editor");
  const mine = a.author.id === me.id;
  const assignedToMe = a.assignee?.id === me.id;
  const [replies, setReplies] = useState<ReplyData[] | null>(null);
  // Where the thread continues past the replies shown (oldest first), or null when all are shown.
  const [moreCursor, setMoreCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const { pending, error, run } = useApiAction();
  const repliesUrl = `/api/v1/annotations/${a.id}/replies`;
  const linkedReply = useLinkedReply(a.id);
  // How many replies of which thread are shown: reading a thread again (someone else changed it) keeps as many in view.
  const shown = useRef({ id: a.id, count: 0 });
  useEffect(() => {
    shown.current = { id: a.id, count: replies?.length ?? 0 };
  }, [a.id, replies]);
  // The replies this reader sent from this panel: a read of the thread that began before one was
  // saved answers without it, and must not take it off the screen when it arrives after it.
  const sent = useRef<{ threadId: string; reply: ReplyData }[]>([]);

  useEffect(() => {
    let live = true;
    const sentBefore = sent.current.length;
    // A link to a reply (a notification) reads the thread as far as that reply: it may be far down.
    const atLeast = linkedReply ? Infinity : shown.current.id === a.id ? shown.current.count : 0;
    fetchPages<ReplyData>(`/api/v1/annotations/${a.id}/replies`, "replies", { atLeast }).then(
      (page) => {
        if (!live) return;
        const sentSince = sent.current.slice(sentBefore).filter((s) => s.threadId === a.id);
        setReplies(
          appendNew(
            page.items,
            sentSince.map((s) => s.reply),
          ),
        );
        setMoreCursor(page.nextCursor);
      },
      (e) => live && setLoadError((e as Error).message),
    );
    return () => {
      live = false;
    };
  }, [a.id, refreshKey, linkedReply]);

  /** The next page of replies; with `toEnd`, every one left (before a new reply goes at the end). */
  async function loadMore(toEnd = false) {
    if (!moreCursor) return;
    setLoadingMore(true);
    try {
      const page = await fetchPages<ReplyData>(repliesUrl, "replies", { cursor: moreCursor, atLeast: toEnd ? Infinity : 0 });
      setReplies((list) => appendNew(list ?? [], page.items));
      setMoreCursor(page.nextCursor);
      setLoadError(null);
    } catch (e) {
      setLoadError((e as Error).message);
    } finally {
      setLoadingMore(false);
    }
  }

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

  /** Resolve an open thread, reopen a resolved one: the author's and moderators' Resolve, the assignee's Mark done. */
  async function toggleStatus() {
    const updated = await run(() => patch({ status: a.status === "open" ? "resolved" : "open" }));
    if (updated) onChange(updated);
  }

  return (
    // Clicks and keys here belong to the thread, not to the card around it; but Esc, from anywhere, closes the card.
    <div
      className="mt-3 space-y-3 border-t border-stone-100 pt-3 dark:border-stone-800"
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.key !== "Escape" && e.stopPropagation()}
      data-testid="thread"
    >
      {editing && (
        <BodyEditorForm
          label="Edit comment"
          submitLabel="Save"
          initialMarkdown={a.body}
          members={members}
          draftKey={`edit:${a.id}`}
          onCancel={() => setEditing(false)}
          onSave={async (body) => {
            onChange(await patch({ body }));
            setEditing(false);
          }}
        />
      )}
      {a.kind === "claim" && (
        <StancePanel
          annotation={a}
          meId={me.id}
          canTakeStance={canWrite}
          canSetVerdict={moderates}
          passages={passages}
          onChange={onChange}
        />
      )}
      {canWrite && (mine || moderates) && <TagEditor annotation={a} tags={tags} canCreate={moderates} onChange={onChange} />}
      {canWrite && (mine || moderates) && (
        <AssignmentEditor annotation={a} members={members} meId={me.id} patch={patch} onChange={onChange} />
      )}
      {canWrite && assignedToMe && !mine && !moderates && (
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" className={action} disabled={pending} onClick={toggleStatus}>
            {a.status === "open" ? "Mark done (resolve)" : "Reopen"}
          </button>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <CopyCitationMenu annotationId={a.id} className={action} />
        {onQuote && (
          <button type="button" className={action} onClick={() => onQuote(a)}>
            Quote in notes
          </button>
        )}
        {canWrite && (mine || moderates) && (
          <>
            <button type="button" className={action} disabled={pending} onClick={toggleStatus}>
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
      {error && <p className="text-xs text-red-700 dark:text-red-400">{error}</p>}
      <section aria-label="Replies">
        {loadError && (
          <p className="text-xs text-red-700 dark:text-red-400" role="alert">
            The replies could not be loaded: {loadError}
          </p>
        )}
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
                linked={r.id === linkedReply}
                onChange={(next) => {
                  setReplies((list) => list?.map((x) => (x.id === next.id ? next : x)) ?? null);
                  const delta = next.deleted === r.deleted ? 0 : next.deleted ? -1 : 1;
                  if (delta) onChange({ ...a, replyCount: a.replyCount + delta });
                }}
              />
            ))}
          </ul>
        )}
        {moreCursor && replies && (
          <button type="button" className={`${action} mt-2`} onClick={() => loadMore()} disabled={loadingMore} aria-busy={loadingMore}>
            {loadingMore ? "Loading replies…" : "Show more replies"}
          </button>
        )}
        {canWrite && (
          <div className="mt-2">
            {/* Opening a card is reading, not asking to write (UI.md): the reply box waits for a click or Tab.
                Taking the focus as the card opened, it caught what the reader typed next elsewhere: a tag,
                or the `h` of the next highlight. */}
            <BodyEditorForm
              label="Reply"
              autoFocus={false}
              placeholder="Reply… (type @ to mention someone)"
              submitLabel="Reply"
              members={members}
              draftKey={`reply:${a.id}`}
              focusSignal={replyFocus}
              onSave={async (body) => {
                const created = await apiFetch<ReplyData>(repliesUrl, { method: "POST", json: { body } });
                sent.current.push({ threadId: a.id, reply: created });
                // A new reply is the last of the thread: show the ones between first, so it does not land after a gap.
                if (moreCursor) await loadMore(true);
                setReplies((list) => appendNew(list ?? [], [created]));
                onChange({ ...a, replyCount: a.replyCount + 1 });
              }}
            />
          </div>
        )}
      </section>
    </div>
  );
}

/** The reply the page's address points at (`?annotation=…&reply=…`, as a notification links), when it is in this thread. */
function useLinkedReply(annotationId: string): string | null {
  const params = useSearchParams();
  return params.get("annotation") === annotationId ? params.get("reply") : null;
}
