import type { Metadata } from "next";
import { AssignmentList } from "@/components/assignments/assignment-list";
import { MyWorkTabs } from "@/components/assignments/my-work-tabs";
import { toClientJson } from "@/lib/client-json";
import { isOneOf } from "@/lib/domain/words";
import { ASSIGNMENT_TABS } from "@/lib/domain/assignments";
import { requireUser } from "@/lib/session";
import { listAssignments } from "@/lib/server/assignments/list-assignments";
import { PAGE_SIZES } from "@/lib/server/pagination/page-sizes";

export const metadata: Metadata = { title: "My work" };

/** The threads assigned to the signed-in member, across their workspaces: open ones soonest due first, or done ones. */
export default async function MyWorkPage({ searchParams }: { searchParams: Promise<{ tab?: string | string[] }> }) {
  const user = await requireUser();
  const asked = (await searchParams).tab;
  const tab = typeof asked === "string" && isOneOf(ASSIGNMENT_TABS, asked) ? asked : "open";
  // The first page; "Show more" reads on through the API.
  const page = await listAssignments({ userId: user.id, status: tab, page: { limit: PAGE_SIZES.assignments.defaultLimit } });
  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">My work</h1>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">Threads assigned to you in all your workspaces.</p>
      <MyWorkTabs current={tab} />
      <AssignmentList key={tab} tab={tab} initial={toClientJson(page.items)} initialCursor={page.nextCursor} />
    </main>
  );
}
