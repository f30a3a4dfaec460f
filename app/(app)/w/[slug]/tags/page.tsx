import type { Metadata } from "next";
import { TagManager } from "@/components/tags/tag-manager";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/session";
import { listTags } from "@/lib/server/tags/tags";
import { hasRole } from "@/lib/server/workspaces/access";
import { loadWorkspace } from "../load-workspace";
import { ALL } from "@/lib/server/pagination/keyset";

export const metadata: Metadata = { title: "Tags" };

export default async function TagsPage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requireUser();
  const { workspace, role } = await loadWorkspace((await params).slug);
  const { items: tags } = await listTags({ userId: user.id, workspaceIdOrSlug: workspace.id, page: ALL });
  const canEdit = hasRole(role, "editor");
  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <PageHeader back={{ href: `/w/${workspace.slug}`, label: workspace.name }} title="Tags" />
      <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
        The workspace’s codebook: the labels your team puts on annotations so it can find and compare them later.
        {canEdit ? "" : ` Only editors and owners can change it; your role is ${role}.`}
      </p>
      <TagManager workspaceId={workspace.id} canEdit={canEdit} initial={tags} />
    </main>
  );
}
