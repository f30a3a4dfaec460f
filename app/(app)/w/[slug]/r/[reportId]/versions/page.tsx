import type { Metadata } from "next";
import Link from "next/link";
import { NewVersionForm } from "@/components/reports/new-version-form";
import { ReportDetailsForm } from "@/components/reports/report-details-form";
import { PageHeader } from "@/components/ui/page-header";
import { listReportVersions } from "@/lib/server/reports/versions";
import { hasRole } from "@/lib/server/workspaces/access";
import { loadReport } from "../load-report";
import { ALL } from "@/lib/server/pagination/keyset";

type Params = Promise<{ slug: string; reportId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug, reportId } = await params;
  return { title: `Details and versions · ${(await loadReport(slug, reportId)).report.title}` };
}

const fmt = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export default async function VersionsPage({ params }: { params: Params }) {
  const { slug, reportId } = await params;
  const { user, report } = await loadReport(slug, reportId);
  const { items: versions } = await listReportVersions({ userId: user.id, reportId: report.id, page: ALL });
  const base = `/w/${report.workspace.slug}/r/${report.id}`;
  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <PageHeader back={{ href: base, label: "Back to the report" }} title="Details and versions" subtitle={report.title} />
      <ol className="mt-6 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
        {versions.map((v) => (
          <li key={v.version} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3">
            <div>
              <Link
                href={v.version === report.currentVersion ? base : `${base}?version=${v.version}`}
                className="font-medium underline-offset-2 hover:underline"
              >
                Version {v.version}
                {v.version === report.currentVersion ? " (current)" : ""}
              </Link>
              <p className="text-sm text-stone-500 dark:text-stone-400">
                {fmt.format(v.createdAt)} · from {v.sourceFormat}
              </p>
            </div>
            {v.version > 1 && (
              <p className="text-sm text-stone-600 dark:text-stone-400">
                {v.anchored} anchored · {v.moved} moved · {v.orphaned} orphaned
              </p>
            )}
          </li>
        ))}
      </ol>
      {hasRole(report.role, "editor") && (
        <section className="mt-10" aria-labelledby="details">
          <h2 id="details" className="text-lg font-semibold">
            Details
          </h2>
          <div className="mt-3">
            <ReportDetailsForm
              reportId={report.id}
              initial={{
                title: report.title,
                subtitle: report.subtitle,
                authors: report.authors,
                publisher: report.publisher,
                publishedAt: report.publishedAt,
                language: report.language,
                sourceUrl: report.sourceUrl,
                creators: report.creators,
                place: report.place,
                reportNumber: report.reportNumber,
                series: report.series,
                doi: report.doi,
                accessedAt: report.accessedAt,
              }}
            />
          </div>
        </section>
      )}
      <section className="mt-10" aria-labelledby="new-version">
        <h2 id="new-version" className="text-lg font-semibold">
          Upload a new version
        </h2>
        {hasRole(report.role, "editor") ? (
          <div className="mt-3">
            <NewVersionForm reportId={report.id} readerHref={base} />
          </div>
        ) : (
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">Editors can upload a revised text of this report.</p>
        )}
      </section>
    </main>
  );
}
