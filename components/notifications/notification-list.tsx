"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { ShowMore } from "@/components/ui/show-more";
import { EmptyState } from "@/components/ui/empty-state";
import { usePagedList } from "@/components/ui/use-paged-list";
import { apiFetch } from "@/lib/api/browser/client";
import { pageUrl } from "@/lib/api/browser/pages";
import type { Jsonified } from "@/lib/domain/json";
import type { NotificationView } from "@/lib/domain/notifications";
import { notificationSentence as sentence } from "@/lib/domain/notifications";
import { relativeTime } from "@/lib/format/relative-time";
import { UNREAD_EVENT } from "./notification-bell";

/** A notification as the page hands it to the browser: dates as ISO strings. */
export type NotificationItem = Jsonified<NotificationView>;

function announce(unread: number) {
  window.dispatchEvent(new CustomEvent(UNREAD_EVENT, { detail: unread }));
}

/** The first page comes rendered from the server; "Show more" follows the cursor through the API. */
export function NotificationList({
  initial,
  initialUnread,
  initialCursor,
}: {
  initial: NotificationItem[];
  initialUnread: number;
  initialCursor: string | null;
}) {
  const [unread, setUnread] = useState(initialUnread);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const pages = usePagedList({
    initial,
    initialCursor,
    fetchPage: async (cursor) => {
      const page = await apiFetch<{ notifications: NotificationItem[]; unread: number; nextCursor: string | null }>(
        pageUrl("/api/v1/notifications", cursor),
      );
      setUnread(page.unread);
      announce(page.unread);
      return { items: page.notifications, nextCursor: page.nextCursor };
    },
    describeError: (err) => `More notifications could not be loaded: ${(err as Error).message}`,
  });
  const items = pages.items;

  const markLocally = (ids: string[] | "all") => {
    const now = new Date().toISOString();
    pages.change((all) => all.map((n) => (n.readAt === null && (ids === "all" || ids.includes(n.id)) ? { ...n, readAt: now } : n)));
  };

  // Marks one item read as the reader follows its link; the request outlives the navigation.
  function open(n: NotificationItem) {
    if (n.readAt !== null) return;
    markLocally([n.id]);
    setUnread((u) => Math.max(0, u - 1));
    apiFetch<{ unread: number }>("/api/v1/notifications/read", { method: "POST", json: { ids: [n.id] }, keepalive: true })
      .then((r) => announce(r.unread))
      .catch(() => {
        // Not worth interrupting the reader: the item stays unread on the server and shows so next time.
      });
  }

  async function markAll() {
    setPending(true);
    setError(null);
    try {
      const r = await apiFetch<{ unread: number }>("/api/v1/notifications/read", { method: "POST", json: { all: true } });
      markLocally("all");
      setUnread(r.unread);
      announce(r.unread);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setPending(false);
    }
  }

  const unreadShown = items.some((n) => n.readAt === null);

  return (
    <div className="mt-6 space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-stone-600 dark:text-stone-400" aria-live="polite">
          {unread === 0 ? "You’re all caught up." : `${unread} unread`}
        </p>
        {(items.length > 0 || unread > 0) && (
          <Button variant="secondary" size="sm" onClick={markAll} disabled={pending || (unread === 0 && !unreadShown)}>
            {pending ? "Marking…" : "Mark all as read"}
          </Button>
        )}
      </div>
      {error && <Alert>{error}</Alert>}
      {items.length === 0 ? (
        <EmptyState title="No notifications yet">
          You’ll hear here when someone mentions you with @name (in a thread or the team notes), replies in a thread you’re part of, sets
          the verdict on a claim you wrote or took a stance on, or assigns you a thread (and again the day before it is due).
        </EmptyState>
      ) : (
        <ul className="divide-y divide-stone-200 overflow-hidden rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {items.map((n) => {
            const isUnread = n.readAt === null;
            return (
              <li key={n.id}>
                <Link
                  href={n.href}
                  onClick={() => open(n)}
                  className={`flex gap-3 px-4 py-3 hover:bg-stone-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-amber-600 dark:hover:bg-stone-800/60 ${
                    isUnread ? "bg-amber-50/60 dark:bg-amber-950/20" : ""
                  }`}
                >
                  <Avatar name={n.actor.name} id={n.actor.id} size="md" />
                  <div className="min-w-0 flex-1">
                    <p
                      className={`text-sm ${isUnread ? "font-semibold text-stone-900 dark:text-stone-50" : "text-stone-800 dark:text-stone-200"}`}
                    >
                      {sentence(n)}
                    </p>
                    <p className="mt-0.5 flex min-w-0 gap-1 text-xs text-stone-500 dark:text-stone-400">
                      <span dir="auto" className="truncate">
                        {n.report.title}
                      </span>
                      <span aria-hidden="true">·</span>
                      <span className="shrink-0">{n.workspace.name}</span>
                      <span aria-hidden="true">·</span>
                      <time
                        className="shrink-0"
                        dateTime={n.createdAt}
                        title={new Date(n.createdAt).toLocaleString()}
                        suppressHydrationWarning
                      >
                        {relativeTime(n.createdAt)}
                      </time>
                    </p>
                    {n.annotation?.quote && (
                      <p
                        dir="auto"
                        title={n.annotation.quote}
                        className="mt-1.5 truncate font-serif text-[0.9rem] text-stone-600 italic dark:text-stone-400"
                      >
                        “{n.annotation.quote}”
                      </p>
                    )}
                    {n.excerpt && (
                      <p dir="auto" className="mt-1 line-clamp-2 text-sm text-stone-700 dark:text-stone-300">
                        {n.excerpt}
                      </p>
                    )}
                  </div>
                  {isUnread && (
                    <span
                      role="img"
                      aria-label="Unread"
                      className="mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full bg-amber-600 dark:bg-amber-400"
                    />
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      {/* Beside the button that asked for the page, where the reader is looking. */}
      {pages.error && <Alert>{pages.error}</Alert>}
      <ShowMore
        more={pages.more}
        onClick={pages.showMore}
        loading={pages.loading}
        shown={`${items.length} ${items.length === 1 ? "notification" : "notifications"} shown`}
      />
    </div>
  );
}
