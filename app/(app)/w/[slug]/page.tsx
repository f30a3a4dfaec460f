import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { WorkspaceExportButton } from "@/components/export/workspace-export-button";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { isAppError } from "@/lib/errors";
import { requireUser } from "@/lib/session";
import { hasRole } from "@/lib/server/workspaces/access";
import { listReports } from "@/lib/server/reports/reports";
import { loadWorkspace } from "./load-workspace";
import { ALL } from "@/lib/server/pagination/keyset";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const ws = await loadWorkspace((await params).slug).catch(() => null);
  return { title: ws?.workspace.name ?? "Not found" };
}

export default async function WorkspacePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser();
  const { workspace, role } = await loadWorkspace(slug);
  const { items: reports } = await listReports({ userId: user.id, workspaceIdOrSlug: workspace.id, page: ALL }).catch((e) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const canImport = hasRole(role, "editor");
  const dateFmt = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
  return (
    <main className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="font-serif text-3xl font-semibold tracking-tight">{workspace.name}</h1>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            Your role: {role} ·{" "}
            <Link href={`/w/${workspace.slug}/members`} className="underline underline-offset-2">
              Members
            </Link>{" "}
            ·{" "}
            <Link href={`/w/${workspace.slug}/tags`} className="underline underline-offset-2">
              Tags
            </Link>{" "}
            ·{" "}
            <Link href={`/w/${workspace.slug}/activity`} className="underline underline-offset-2">
              Activity
            </Link>
          </p>
        </div>
        {canImport && <ButtonLink href={`/w/${workspace.slug}/import`}>Import a report</ButtonLink>}
      </div>
      <h2 className="mt-10 mb-3 text-sm font-semibold tracking-wide text-stone-500 uppercase dark:text-stone-400">Reports</h2>
      {reports.length === 0 ? (
        <EmptyState
          title="No reports yet"
          action={
            canImport ? (
              <ButtonLink href={`/w/${workspace.slug}/import`} variant="secondary">
                Import the first report
              </ButtonLink>
            ) : undefined
          }
        >
          {canImport
            ? "Paste a report's text or Markdown, or upload a .txt or .md file, and your team can start reading it together."
            : "An editor of this workspace can import reports for the team to read."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-stone-200 overflow-hidden rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {reports.map((r) => (
            <li key={r.id}>
              <Link
                href={`/w/${workspace.slug}/r/${r.id}`}
                className="block px-4 py-4 hover:bg-stone-50 focus-visible:bg-stone-50 dark:hover:bg-stone-800/60"
              >
                <span dir="auto" className="block font-serif text-lg leading-snug font-medium">
                  {r.title}
                </span>
                <span className="mt-1 block text-sm text-stone-500 dark:text-stone-400">
                  {r.publishedAt ? `Published ${dateFmt.format(new Date(r.publishedAt))} · ` : ""}
                  {r.passageCount} passages · {r.annotationCount} {r.annotationCount === 1 ? "annotation" : "annotations"}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {reports.length > 0 && (
        <div className="mt-6">
          <WorkspaceExportButton workspaceId={workspace.id} />
        </div>
      )}
    </main>
  );
}
