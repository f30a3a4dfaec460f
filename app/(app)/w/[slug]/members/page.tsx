import type { Metadata } from "next";
import { MembersManager } from "@/components/workspaces/members-manager";
import { ROLE_HELP, ROLE_LABEL } from "@/lib/domain/role-words";
import { PageHeader } from "@/components/ui/page-header";
import { toClientJson } from "@/lib/client-json";
import { requireUser } from "@/lib/session";
import { listInvitations } from "@/lib/server/invitations/invitations";
import { ALL } from "@/lib/server/pagination/keyset";
import { listMembers } from "@/lib/server/workspaces/workspaces";
import { ROLES } from "@/lib/domain/words";
import { loadWorkspace } from "../load-workspace";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requireUser();
  const { workspace, role } = await loadWorkspace((await params).slug);
  const owner = role === "owner";
  const [members, invitations] = await Promise.all([
    listMembers({ userId: user.id, workspaceIdOrSlug: workspace.id, page: ALL }),
    owner ? listInvitations({ userId: user.id, workspaceIdOrSlug: workspace.id, page: ALL }) : null,
  ]);
  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <PageHeader back={{ href: `/w/${workspace.slug}`, label: workspace.name }} title="Members" description={`Your role here: ${role}.`} />
      <MembersManager
        workspace={{ id: workspace.id, name: workspace.name }}
        me={{ id: user.id, name: user.name }}
        canManage={owner}
        initialMembers={toClientJson(members.items)}
        initialInvitations={toClientJson(invitations?.items ?? [])}
      />
      <section className="mt-10">
        <h2 className="text-sm font-semibold text-stone-700 dark:text-stone-300">What each role may do</h2>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {ROLES.map((r) => (
            <div key={r} className="contents">
              <dt className="font-medium">{ROLE_LABEL[r]}</dt>
              <dd className="text-stone-600 dark:text-stone-400">
                {ROLE_HELP[r]}
                {r === "viewer" ? "" : `, and all a${r === "owner" ? "n editor" : r === "editor" ? "n annotator" : " viewer"} does`}
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </main>
  );
}
