import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FILTER_DIMENSIONS } from "@/components/annotations/filters";
import { PrintButton } from "@/components/export/print-button";
import { PrintView } from "@/components/export/print-view";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { parseInput } from "@/lib/validations/parse-input";
import { isAppError } from "@/lib/errors";
import { gatherReportExport } from "@/lib/server/export/gather";
import { filtersFromSearchParams, type AnnotationFilters } from "@/lib/validations/annotation";
import { exportFiltersSchema, exportOptionsFromSearchParams, exportOptionsSchema, type ExportOptionsInput } from "@/lib/validations/export";
import { loadReport } from "../load-report";

type Params = Promise<{ slug: string; reportId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug, reportId } = await params;
  const { report } = await loadReport(slug, reportId);
  // Browsers offer the title as the PDF's file name.
  return { title: `${report.title} — annotations`, robots: { index: false } };
}

function toSearchParams(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, v);
  }
  return query;
}

/** Where the report's links point: the configured public address, else the one this request came to. */
async function pageOrigin(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // fall back to the request's own
    }
  }
  const h = await headers();
  const host = (h.get("x-forwarded-host") ?? h.get("host") ?? "localhost").split(",")[0].trim();
  const proto = (h.get("x-forwarded-proto") ?? (/^(localhost|127\.|\[::1\])/.test(host) ? "http" : "https")).split(",")[0].trim();
  return `${proto}://${host}`;
}

/** The report with the sidebar's filters of this export, so "back" lands on the same view. */
function readerHref(base: string, query: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const dim of FILTER_DIMENSIONS) for (const v of query.getAll(dim)) kept.append(dim, v);
  const qs = kept.toString();
  return qs ? `${base}?${qs}` : base;
}

/** The export's filters and options, checked by the API's own schemas; a bad address gets words, not a crash. */
function readQuery(query: URLSearchParams): { filters: AnnotationFilters; options: ExportOptionsInput } | { problem: string } {
  try {
    return {
      filters: parseInput(exportFiltersSchema, filtersFromSearchParams(query)),
      options: parseInput(exportOptionsSchema, exportOptionsFromSearchParams(query)),
    };
  } catch (e) {
    if (isAppError(e) && e.code === "validation_failed") return { problem: e.message };
    throw e;
  }
}

const toolbarClass = "mx-auto mb-6 max-w-3xl print:hidden";

export default async function PrintPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug, reportId } = await params;
  const { user, report } = await loadReport(slug, reportId);
  const query = toSearchParams(await searchParams);
  const base = `/w/${report.workspace.slug}/r/${report.id}`;
  const back = (
    <Link
      href={readerHref(base, query)}
      className="text-sm text-stone-600 underline underline-offset-2 hover:text-stone-900 dark:text-stone-400 dark:hover:text-stone-100"
    >
      ← Back to the report
    </Link>
  );

  const parsed = readQuery(query);
  if ("problem" in parsed) {
    return (
      <main className="px-4 py-10 sm:px-6">
        <div className="mx-auto max-w-3xl space-y-4">
          {back}
          <h1 className="font-serif text-2xl font-semibold tracking-tight">This printable page’s settings could not be read</h1>
          <Alert>{parsed.problem}</Alert>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            The address may have been cut short or edited. Open the page again from Export… on the report, or print everything.
          </p>
          <ButtonLink href={`${base}/print`} variant="secondary">
            Print all annotations
          </ButtonLink>
        </div>
      </main>
    );
  }

  const data = await gatherReportExport({ userId: user.id, reportId: report.id, origin: await pageOrigin(), ...parsed }).catch((e) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const count = data.annotations.length;

  return (
    <main className="px-4 py-8 sm:px-6 print:p-0">
      <div className={`${toolbarClass} flex flex-wrap items-center justify-between gap-x-6 gap-y-3`}>
        <div className="min-w-0 space-y-1">
          {back}
          <p className="text-sm text-stone-600 dark:text-stone-400">
            {count === 1 ? "1 annotation" : `${count.toLocaleString("en")} annotations`}
            {" · "}
            {data.filters.length > 0 ? <>Filters: {data.filters.join("; ")}</> : "No filters: every annotation shared with the team"}
          </p>
        </div>
        <PrintButton />
      </div>
      <PrintView data={data} />
    </main>
  );
}
