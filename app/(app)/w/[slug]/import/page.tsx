import type { Metadata } from "next";
import { ImportReportForm } from "@/components/workspaces/import-report-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/server/workspaces/access";
import { loadWorkspace } from "../load-workspace";

export const metadata: Metadata = { title: "Import a report" };

export default async function ImportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { workspace, role } = await loadWorkspace((await params).slug);
  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <PageHeader
        back={{ href: `/w/${workspace.slug}`, label: workspace.name }}
        title="Import a report"
        description={
          <>
            Paste the text, upload a Word document, PDF, web page or Markdown file, or give a web address. Preview what we found — the
            title, authors, date and first passages — and correct it before you import, or import straight away.
          </>
        }
      />
      <div className="mt-8">
        {hasRole(role, "editor") ? (
          <ImportReportForm workspaceId={workspace.id} workspaceSlug={workspace.slug} />
        ) : (
          <Alert>Only editors and owners can import reports into this workspace. Ask an owner to change your role.</Alert>
        )}
      </div>
    </main>
  );
}
