import type { Metadata } from "next";
import { preload } from "react-dom";
import { Reader } from "@/components/reader/reader";
import { ORPHANS_FIRST_PAGE, READER_PAGE, readerListPath } from "@/components/reader/annotation-list";
import { firstPageUrl } from "@/lib/api/browser/pages";
import { toClientJson } from "@/lib/client-json";
import { ReportHeader } from "@/components/reader/report-header";
import { ReportOutline } from "@/components/reader/report-outline";
import { countClaims, cursorAtPassage, listAnnotations } from "@/lib/server/annotations/annotations";
import { listHighlightIndex } from "@/lib/server/annotations/highlight-index";
import { getNotes } from "@/lib/server/notes/notes";
import { currentEventId } from "@/lib/server/events/stream";
import { listOrphans } from "@/lib/server/reports/versions";
import { listTags } from "@/lib/server/tags/tags";
import { getSideBySide } from "@/lib/server/translations/side-by-side";
import { SideBySideToggle } from "@/components/reader/side-by-side/side-by-side-toggle";
import { hasRole } from "@/lib/server/workspaces/access";
import { listMembers } from "@/lib/server/workspaces/workspaces";
import { loadReport } from "./load-report";
import { ALL } from "@/lib/server/pagination/keyset";
import { versionQuerySchema } from "@/lib/validations/report";

type Params = Promise<{ slug: string; reportId: string }>;
type SearchParams = Promise<{ version?: string }>;

/** `?version=` as the API reads it; anything else shows the current version. */
function versionFrom(raw: string | undefined): number | undefined {
  const parsed = versionQuerySchema.safeParse({ version: raw });
  return parsed.success ? parsed.data.version : undefined;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug, reportId } = await params;
  const loaded = await loadReport(slug, reportId);
  return { title: loaded.report.title };
}

/** How many annotations come with the page; the rest are read by the browser, page by page. */
const FIRST_PAGE = 300;

/** How many parts of a long report the reader reads side by side, besides the one after the first page. */
const PARTS = 3;

/**
 * Where the reader's other parts start: the passages after the first page,
 * split evenly, each with a cursor starting at its first passage.
 */
function partsAfter(
  lastIndex: number,
  passageCount: number,
  cursorAt: (passageIndex: number) => string,
): { from: number; cursor: string }[] {
  const left = passageCount - lastIndex;
  if (left < PARTS * 50) return [];
  return Array.from({ length: PARTS }, (_, i) => lastIndex + Math.round(((i + 1) * left) / (PARTS + 1))).map((from) => ({
    from,
    cursor: cursorAt(from),
  }));
}

export default async function ReportPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug, reportId } = await params;
  const version = versionFrom((await searchParams).version);
  const { user, report } = await loadReport(slug, reportId, version);
  const current = report.version === report.currentVersion;
  // Read before the annotations: an event after this id is replayed by the live stream, so nothing falls in between.
  const eventId = current ? (await currentEventId(report.id)).toString() : null;
  const [firstPage, highlightIndex, claimCounts, members, tags, orphans, notes, sideBySide] = await Promise.all([
    // The first screens' worth; the reader reads the rest page by page once it is showing.
    listAnnotations({ userId: user.id, reportId: report.id, version: report.version, limit: FIRST_PAGE }),
    // Where all of them are, so every highlight is painted with the text while their cards arrive.
    listHighlightIndex({ userId: user.id, reportId: report.id, version: report.version, current }),
    countClaims({ userId: user.id, reportId: report.id, version: report.version, current }),
    listMembers({ userId: user.id, workspaceIdOrSlug: report.workspaceId, page: ALL }).then((p) => p.items),
    listTags({ userId: user.id, workspaceIdOrSlug: report.workspaceId, page: ALL }).then((p) => p.items),
    current ? listOrphans({ userId: user.id, reportId: report.id, page: { limit: ORPHANS_FIRST_PAGE } }) : Promise.resolve(null),
    current ? getNotes({ userId: user.id, reportId: report.id }) : Promise.resolve(null),
    // The current text is what the alignment pairs: an earlier version is read alone.
    current ? getSideBySide({ userId: user.id, report }) : Promise.resolve(null),
  ]);

  const parts = firstPage.nextCursor
    ? partsAfter(firstPage.annotations.at(-1)?.passageIndex ?? 0, report.passages.length, (passageIndex) =>
        cursorAtPassage({ reportId: report.id, version: report.version, passageIndex }),
      )
    : [];
  // The browser starts reading each part while the page's code loads, rather than after it has run.
  const listPath = readerListPath(report.id, current ? null : report.version);
  for (const cursor of firstPage.nextCursor ? [firstPage.nextCursor, ...parts.map((p) => p.cursor)] : []) {
    preload(firstPageUrl(listPath, { limit: READER_PAGE, cursor }), { as: "fetch", crossOrigin: "anonymous" });
  }

  return (
    <Reader
      key={report.version}
      reportId={report.id}
      slug={report.workspace.slug}
      context={{
        me: { id: user.id, name: user.name, role: report.role },
        members: members.map((m) => ({ id: m.userId, name: m.name, role: m.role })),
        tags: tags.map((t) => ({ name: t.name, color: t.color })),
        passages: report.passages,
      }}
      initialAnnotations={toClientJson(firstPage.annotations)}
      initialCursor={firstPage.nextCursor}
      highlightIndex={firstPage.nextCursor ? highlightIndex : null}
      moreParts={parts}
      version={current ? null : report.version}
      initialOrphans={orphans ? toClientJson({ orphans: orphans.items, nextCursor: orphans.nextCursor, total: orphans.total }) : undefined}
      // An earlier version is a record of how things were: it reads, it does not take new notes.
      canAnnotate={current && hasRole(report.role, "annotator")}
      notes={notes && toClientJson(notes)}
      initialEventId={eventId}
      header={
        <ReportHeader report={report} claimCount={claimCounts.total} canEdit={hasRole(report.role, "editor")}>
          {sideBySide && <SideBySideToggle counterpart={sideBySide.counterpart} slug={report.workspace.slug} />}
        </ReportHeader>
      }
      sideBySide={sideBySide && toClientJson(sideBySide)}
      outline={<ReportOutline passages={report.passages} title={report.title} />}
    />
  );
}
