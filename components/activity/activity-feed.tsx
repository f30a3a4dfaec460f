"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useId } from "react";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { ShowMore } from "@/components/ui/show-more";
import { EmptyState } from "@/components/ui/empty-state";
import { usePagedList } from "@/components/ui/use-paged-list";
import { apiFetch } from "@/lib/api/browser/client";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ActivityItem, ActivityPage } from "@/lib/domain/activity";

const PAGE = 50;

/** The actor's name in bold at the start of the summary, when it is there. */
function Summary({ item }: { item: ActivityItem }) {
  const name = item.actor?.name;
  if (!name || !item.summary.startsWith(`${name} `)) return <>{item.summary}</>;
  return (
    <>
      <bdi className="font-medium text-stone-900 dark:text-stone-50">{name}</bdi>
      {item.summary.slice(name.length)}
    </>
  );
}

/**
 * The workspace's activity: the first page comes rendered from the server,
 * "Show more" follows the cursor through the API, and choosing a member
 * reloads the page with `?actor=` (so a filtered feed has its own address).
 */
export function ActivityFeed({
  workspaceId,
  initial,
  members,
  actor,
}: {
  workspaceId: string;
  initial: ActivityPage;
  members: { id: string; name: string }[];
  actor: string | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const selectId = useId();
  const { items, more, loading, error, showMore } = usePagedList({
    initial: initial.items,
    initialCursor: initial.nextCursor,
    fetchPage: (cursor) => {
      const params = new URLSearchParams({ limit: String(PAGE), cursor });
      if (actor) params.set("actor", actor);
      return apiFetch<ActivityPage>(`/api/v1/workspaces/${encodeURIComponent(workspaceId)}/activity?${params}`);
    },
    describeError: (e) => `More activity could not be loaded: ${(e as Error).message}`,
  });

  function filter(next: string) {
    router.push(next ? `${pathname}?actor=${encodeURIComponent(next)}` : pathname);
  }

  const chosen = members.find((m) => m.id === actor);

  return (
    <div className="mt-6 space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={selectId} className="text-sm font-medium text-stone-700 dark:text-stone-300">
          Member
        </label>
        <select
          id={selectId}
          value={actor ?? ""}
          onChange={(e) => filter(e.target.value)}
          className="rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm text-stone-900 focus:border-amber-600 focus:outline-2 focus:outline-amber-600/30 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
        >
          <option value="">Everyone</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      {items.length === 0 ? (
        <EmptyState title="Nothing has happened here yet.">
          {chosen
            ? `${chosen.name} has not done anything here yet, or not in what you can see.`
            : "Imported reports, annotations, replies, stances and verdicts will show here as the team works."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-stone-200 overflow-hidden rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {items.map((item) => (
            <li key={item.id}>
              <Link
                href={item.href}
                className="flex gap-3 px-4 py-3 hover:bg-stone-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-amber-600 dark:hover:bg-stone-800/60"
              >
                <Avatar name={item.actor?.name ?? "?"} id={item.actor?.id ?? "someone"} size="md" />
                <div className="min-w-0 flex-1">
                  <p className="text-sm text-stone-700 dark:text-stone-300">
                    <Summary item={item} />
                  </p>
                  <p className="mt-0.5 flex min-w-0 gap-1 text-xs text-stone-500 dark:text-stone-400">
                    <span dir="auto" className="truncate">
                      {item.report.title}
                    </span>
                    <span aria-hidden="true">·</span>
                    <RelativeTime className="shrink-0" iso={item.at} />
                  </p>
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {error && <Alert>{error}</Alert>}
      <ShowMore more={more} onClick={showMore} loading={loading} shown={`${items.length} ${items.length === 1 ? "item" : "items"} shown`} />
    </div>
  );
}
