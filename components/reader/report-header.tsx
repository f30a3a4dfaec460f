import Link from "next/link";
import { ShareLinksDialog } from "@/components/share/share-links-dialog";
import type { ReportView } from "@/lib/domain/reports";
import { roleAtLeast } from "@/lib/domain/words";
import { languageName } from "@/lib/format/language-name";
import { RoleBadge } from "./role-badge";
import { ViewerSelectionHint } from "./viewer-selection-hint";

/** "Published 21 March 2023 · English · 12 passages": the line under the title, in the reader and on the share page. */
export function reportFacts(report: Pick<ReportView, "publishedAt" | "language" | "passages">): string {
  const published = report.publishedAt
    ? new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" }).format(new Date(report.publishedAt))
    : null;
  return [published && `Published ${published}`, languageName(report.language), `${report.passages.length} passages`]
    .filter(Boolean)
    .join(" · ");
}

/** The title, the subtitle and the byline (authors · publisher), in the reader and on the share page. */
export function ReportTitle({ report }: { report: Pick<ReportView, "title" | "subtitle" | "authors" | "publisher"> }) {
  const byline = [report.authors.join(", "), report.publisher].filter(Boolean).join(" · ");
  return (
    <>
      <h1 dir="auto" className="mt-2 font-serif text-[2rem] leading-tight font-semibold tracking-tight text-balance sm:text-4xl">
        {report.title}
      </h1>
      {report.subtitle && (
        <p dir="auto" className="mt-2 font-serif text-xl text-stone-700 dark:text-stone-300">
          {report.subtitle}
        </p>
      )}
      {byline && (
        <p dir="auto" className="mt-3 text-sm text-stone-700 dark:text-stone-300">
          {byline}
        </p>
      )}
    </>
  );
}

/** " · Source", leaving the app for the report's own page, when it has one. */
export function SourceLink({ url }: { url: string | null }) {
  if (!url) return null;
  return (
    <>
      {" · "}
      <a href={url} target="_blank" rel="noopener noreferrer nofollow" className="underline underline-offset-2">
        Source
      </a>
    </>
  );
}

/** Title, metadata and where to go from here, above the report text. */
export function ReportHeader({
  report,
  claimCount,
  canEdit,
  children,
}: {
  report: ReportView;
  claimCount: number;
  canEdit: boolean;
  /** Below the details: the translation's switch. */
  children?: React.ReactNode;
}) {
  const base = `/w/${report.workspace.slug}/r/${report.id}`;
  const facts = reportFacts(report);
  return (
    <header className="mb-10">
      <div className="flex flex-wrap items-center gap-x-2 text-sm text-stone-500 dark:text-stone-400">
        <Link href={`/w/${report.workspace.slug}`} className="underline-offset-2 hover:underline">
          {report.workspace.name}
        </Link>
        <RoleBadge role={report.role} slug={report.workspace.slug} />
        {canEdit && report.version === report.currentVersion && (
          <div className="ms-auto">
            <ShareLinksDialog reportId={report.id} />
          </div>
        )}
      </div>
      {!roleAtLeast(report.role, "annotator") && <ViewerSelectionHint />}
      <ReportTitle report={report} />
      <p className="mt-1 text-sm text-stone-500 dark:text-stone-400">
        {facts}
        {" · "}
        <Link href={`${base}/claims`} className="underline underline-offset-2">
          {claimCount === 1 ? "1 claim" : `${claimCount} claims`}
        </Link>
        <SourceLink url={report.sourceUrl} />
        {" · "}
        <Link href={`${base}/versions`} className="underline underline-offset-2">
          {report.currentVersion === 1
            ? canEdit
              ? "Upload a new version"
              : "Version 1"
            : `Version ${report.version} of ${report.currentVersion}`}
        </Link>
      </p>
      {children}
      {report.version !== report.currentVersion && (
        <p
          role="status"
          className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          You are reading version {report.version}, as it was, with the annotations where they were then. It cannot be annotated.{" "}
          <Link href={base} className="font-medium underline">
            Read the current version
          </Link>
        </p>
      )}
    </header>
  );
}
