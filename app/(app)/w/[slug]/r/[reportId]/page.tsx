import type { Metadata } from "next";
import Link from "next/link";
import { Reader } from "@/components/reader/reader";
import type { ReaderAnnotation } from "@/components/reader/types";
import { ReportOutline } from "@/components/reader/report-outline";
import { listAnnotations } from "@/lib/server/annotations/annotations";
import { listTags } from "@/lib/server/tags/tags";
import { hasRole } from "@/lib/server/workspaces/access";
import { listMembers } from "@/lib/server/workspaces/workspaces";
import { loadReport } from "./load-report";

type Params = Promise<{ slug: string; reportId: string }>;


export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug, reportId } = await params;
  const loaded = await loadReport(slug, reportId);
  return { title: loaded.report.title };
}

export default async function ReportPage({ params }: { params: Params }) {
  const { slug, reportId } = await params;
  const { user, report } = await loadReport(slug, reportId);
  const [annotations, members, tags] = await Promise.all([
    listAnnotations({ userId: user.id, reportId: report.id }),
    listMembers({ userId: user.id, workspaceIdOrSlug: report.workspaceId }),
    listTags({ userId: user.id, workspaceIdOrSlug: report.workspaceId }),
  ]);
  const claimCount = annotations.filter((a) => a.kind === "claim").length;
  const published = report.publishedAt
    ? new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" }).format(new Date(report.publishedAt))
    : null;

  const header = (
    <header className="mb-10">
      <p className="text-sm text-stone-500 dark:text-stone-400">
        <Link href={`/w/${report.workspace.slug}`} className="underline-offset-2 hover:underline">
          {report.workspace.name}
        </Link>
      </p>
      <h1 dir="auto" className="mt-2 font-serif text-[2rem] leading-tight font-semibold tracking-tight text-balance sm:text-4xl">
        {report.title}
      </h1>
      <p className="mt-3 text-sm text-stone-500 dark:text-stone-400">
        {published && <time dateTime={report.publishedAt!}>Published {published}</time>}
        {published && " · "}
        {report.passages.length} passages
        {!hasRole(report.role, "annotator") && " · You can read and see your team’s shared notes"}
        {" · "}
        <Link href={`/w/${report.workspace.slug}/r/${report.id}/claims`} className="underline underline-offset-2">
          {claimCount === 1 ? "1 claim" : `${claimCount} claims`}
        </Link>
      </p>
    </header>
  );

  return (
    <Reader
      reportId={report.id}
      context={{
        me: { id: user.id, name: user.name, role: report.role },
        members: members.map((m) => ({ id: m.userId, name: m.name })),
        tags: tags.map((t) => ({ name: t.name, color: t.color })),
        passages: report.passages,
      }}
      // Dates become strings on their way to the browser.
      initialAnnotations={JSON.parse(JSON.stringify(annotations)) as ReaderAnnotation[]}
      canAnnotate={hasRole(report.role, "annotator")}
      header={header}
      outline={<ReportOutline passages={report.passages} title={report.title} />}
    />
  );
}
