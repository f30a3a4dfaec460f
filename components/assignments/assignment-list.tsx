"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ShowMore } from "@/components/ui/show-more";
import { usePagedList } from "@/components/ui/use-paged-list";
import { apiFetch } from "@/lib/api/browser/client";
import { pageUrl } from "@/lib/api/browser/pages";
import { dueSentence, type AssignmentTab, type AssignmentView } from "@/lib/domain/assignments";
import type { Jsonified } from "@/lib/domain/json";
import { KIND_LABEL } from "@/lib/domain/words";

export type AssignmentItem = Jsonified<AssignmentView>;

/** One tab of My work: the first page from the server, "Show more" through the API. */
export function AssignmentList({
  tab,
  initial,
  initialCursor,
}: {
  tab: AssignmentTab;
  initial: AssignmentItem[];
  initialCursor: string | null;
}) {
  const pages = usePagedList({
    initial,
    initialCursor,
    fetchPage: async (cursor) => {
      const page = await apiFetch<{ assignments: AssignmentItem[]; nextCursor: string | null }>(
        pageUrl(`/api/v1/me/assignments?status=${tab}`, cursor),
      );
      return { items: page.assignments, nextCursor: page.nextCursor };
    },
    describeError: (err) => `More threads could not be loaded: ${(err as Error).message}`,
  });
  const items = pages.items;

  return (
    <div className="mt-4 space-y-4">
      {items.length === 0 ? (
        tab === "open" ? (
          <EmptyState title="Nothing assigned to you">
            When a teammate assigns you a thread in a report, it shows here, soonest due first. To hand yourself a thread, open it in the
            reader and choose yourself under Assignee.
          </EmptyState>
        ) : (
          <EmptyState title="Nothing done yet">Threads assigned to you move here once they are resolved.</EmptyState>
        )
      ) : (
        <ul
          className="divide-y divide-stone-200 overflow-hidden rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900"
          data-testid="assignment-list"
        >
          {items.map((a) => (
            <li key={a.id}>
              <Link
                href={a.href}
                className="block px-4 py-3 hover:bg-stone-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-amber-600 dark:hover:bg-stone-800/60"
              >
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
                  <Badge>{KIND_LABEL[a.kind]}</Badge>
                  {a.dueAt ? (
                    <time
                      dateTime={a.dueAt}
                      className={a.overdue ? "font-semibold text-red-700 dark:text-red-400" : "text-stone-700 dark:text-stone-300"}
                    >
                      {dueSentence(a.dueAt)}
                    </time>
                  ) : (
                    <span className="text-stone-500 dark:text-stone-400">No due date</span>
                  )}
                  {a.overdue && <Badge tone="red">Overdue</Badge>}
                  {a.status === "resolved" && <Badge tone="emerald">Done</Badge>}
                </div>
                <p
                  dir="auto"
                  title={a.quote}
                  className="mt-1.5 truncate font-serif text-[0.95rem] text-stone-700 italic dark:text-stone-300"
                >
                  “{a.quote}”
                </p>
                {a.excerpt && (
                  <p dir="auto" className="mt-1 line-clamp-2 text-sm text-stone-800 dark:text-stone-200">
                    {a.excerpt}
                  </p>
                )}
                <p className="mt-1.5 flex min-w-0 flex-wrap items-center gap-x-1 text-xs text-stone-500 dark:text-stone-400">
                  <span dir="auto" className="max-w-full truncate font-medium text-stone-700 dark:text-stone-300">
                    {a.report.title}
                  </span>
                  <span aria-hidden="true">·</span>
                  <span>¶ {a.passageIndex}</span>
                  <span aria-hidden="true">·</span>
                  <span className="truncate">{a.workspace.name}</span>
                  {a.assignedBy && (
                    <>
                      <span aria-hidden="true">·</span>
                      <span className="inline-flex items-center gap-1">
                        <Avatar name={a.assignedBy.name} id={a.assignedBy.id} />
                        <span>from {a.assignedBy.name}</span>
                      </span>
                    </>
                  )}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {pages.error && <Alert>{pages.error}</Alert>}
      <ShowMore
        more={pages.more}
        onClick={pages.showMore}
        loading={pages.loading}
        shown={`${items.length} ${items.length === 1 ? "thread" : "threads"} shown`}
      />
    </div>
  );
}
