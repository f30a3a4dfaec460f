import type { Metadata } from "next";
import Link from "next/link";
import { ImportReportForm } from "@/components/workspaces/import-report-form";
import { Alert } from "@/components/ui/alert";
import { hasRole } from "@/lib/server/workspaces/access";
import { loadWorkspace } from "../load-workspace";

export const metadata: Metadata = { title: "Import a report" };

export default async function ImportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { workspace, role } = await loadWorkspace((await params).slug);
  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <p className="text-sm">
        <Link href={`/w/${workspace.slug}`} className="text-stone-600 underline underline-offset-2 dark:text-stone-400">
          ← {workspace.name}
        </Link>
      </p>
      <h1 className="mt-3 font-serif text-3xl font-semibold tracking-tight">Import a report</h1>
      <p className="mt-1 text-stone-600 dark:text-stone-400">
        Paste the text, upload a Word document, PDF, web page or Markdown file, or give a web address. Preview what we found — the
        title, authors, date and first passages — and correct it before you import, or import straight away.
      </p>
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
