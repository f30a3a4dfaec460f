import type { Metadata } from "next";
import { AddMemberForm } from "@/components/workspaces/add-member-form";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/session";
import { listMembers } from "@/lib/server/workspaces/workspaces";
import { loadWorkspace } from "../load-workspace";
import { ALL } from "@/lib/server/pagination/keyset";

export const metadata: Metadata = { title: "Members" };

const ROLE_HELP = {
  owner: "manages members and everything else",
  editor: "imports and manages reports",
  annotator: "annotates and replies",
  viewer: "reads what the team shares",
} as const;

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requireUser();
  const { workspace, role } = await loadWorkspace((await params).slug);
  const { items: members } = await listMembers({ userId: user.id, workspaceIdOrSlug: workspace.id, page: ALL });
  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <PageHeader back={{ href: `/w/${workspace.slug}`, label: workspace.name }} title="Members" />
      <ul className="mt-6 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
        {members.map((m) => (
          <li key={m.userId} className="flex items-center gap-3 px-4 py-3">
            <Avatar name={m.name} id={m.userId} size="md" />
            <div className="min-w-0 flex-1">
              <p className="truncate font-medium">{m.name}{m.userId === user.id ? " (you)" : ""}</p>
              <p className="truncate text-sm text-stone-500 dark:text-stone-400">{m.email}</p>
            </div>
            <span title={ROLE_HELP[m.role]}><Badge tone={m.role === "owner" ? "amber" : "neutral"}>{m.role}</Badge></span>
          </li>
        ))}
      </ul>
      {role === "owner" ? (
        <section className="mt-10" aria-labelledby="add-member">
          <h2 id="add-member" className="text-lg font-semibold">Add a member</h2>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">They need an account first. Owners manage members; editors manage reports; annotators annotate; viewers read.</p>
          <AddMemberForm workspaceId={workspace.id} />
        </section>
      ) : (
        <p className="mt-6 text-sm text-stone-600 dark:text-stone-400">Only owners can add members.</p>
      )}
    </main>
  );
}
