import type { Metadata } from "next";
import { ActivityFeed } from "@/components/activity/activity-feed";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/session";
import { listActivity } from "@/lib/server/activity/activity";
import { listMembers } from "@/lib/server/workspaces/workspaces";
import { activityQuerySchema } from "@/lib/validations/activity";
import { loadWorkspace } from "../load-workspace";
import { ALL } from "@/lib/server/pagination/keyset";

export const metadata: Metadata = { title: "Activity" };

type SearchParams = Promise<{ actor?: string | string[] }>;

export default async function ActivityPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: SearchParams }) {
  const user = await requireUser();
  const { workspace } = await loadWorkspace((await params).slug);
  // A malformed ?actor= (typed by hand) shows everyone's activity rather than an error page.
  const parsed = activityQuerySchema.safeParse({ actor: (await searchParams).actor });
  const actor = parsed.success ? (parsed.data.actor ?? null) : null;
  const [page, members] = await Promise.all([
    listActivity({ userId: user.id, workspaceIdOrSlug: workspace.id, actorId: actor ?? undefined }),
    listMembers({ userId: user.id, workspaceIdOrSlug: workspace.id, page: ALL }).then((p) => p.items),
  ]);
  const people = members.map((m) => ({ id: m.userId, name: m.name })).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <PageHeader back={{ href: `/w/${workspace.slug}`, label: workspace.name }} title="Activity" />
      <ActivityFeed key={actor ?? ""} workspaceId={workspace.id} initial={page} members={people} actor={actor} />
    </main>
  );
}
