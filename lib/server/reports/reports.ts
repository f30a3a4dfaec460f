import "server-only";
import { codePointLength } from "@/lib/anchoring/code-points";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import { creatorFromName, creatorName, creatorsOf, type Creator } from "@/lib/domain/citations";
import { findIdentifiers } from "@/lib/importers/identifiers";
import type { ImportPreview } from "@/lib/domain/imports";
import type { PassageView, ReportSummary, ReportView } from "@/lib/domain/reports";
import { readMarks } from "@/lib/passage-marks";
import { invalidField, notFound } from "@/lib/errors";
import type { ImportedPassage } from "@/lib/importers/types";
import type { ImportChoicesInput, ReportMetadataInput } from "@/lib/validations/import";
import { annotationVisibleWhere } from "../annotations/visibility";
import { chosenImport, parseImportRequest, previewOf, type ImportRequest, type PreviewPage } from "./import-source";
import { getReportAccessOrThrow, getWorkspaceAccessOrThrow, reportWhere, requireRole } from "../workspaces/access";
import { recordEvent } from "../events/events";
import { keysetArgs, newestFirst, keysetPage, type PageOption } from "../pagination/keyset";
import type { Page } from "../pagination/page";

/** A calendar date as "YYYY-MM-DD" (stored at midnight UTC). */
export function toIsoDate(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/** "YYYY-MM-DD" as a date column's value (midnight UTC). */
const dateColumn = (day: string | null) => (day ? new Date(`${day}T00:00:00Z`) : null);

/** The citation details' columns, for a report's `select`. */
export const CITATION_DETAILS_SELECT = {
  authors: true,
  creators: true,
  place: true,
  reportNumber: true,
  series: true,
  doi: true,
  accessedAt: true,
} as const;

/** The citation details as the API shows them: stored creators, or ones read from the authors' names. */
export function citationDetailsOf(report: {
  authors: string[];
  creators: Prisma.JsonValue;
  place: string | null;
  reportNumber: string | null;
  series: string | null;
  doi: string | null;
  accessedAt: Date | null;
}) {
  // Only these fields: the row may hold others (a report's whole select), which must not be overwritten.
  return {
    creators: creatorsOf({ authors: report.authors, creators: report.creators as Creator[] | null }),
    place: report.place,
    reportNumber: report.reportNumber,
    series: report.series,
    doi: report.doi,
    accessedAt: toIsoDate(report.accessedAt),
  };
}

/**
 * The authors to store. Creators sent name the authors (their display names follow);
 * names sent alone leave `creators` empty, to be read from the names.
 */
function storedAuthors(meta: { authors?: string[]; creators?: Creator[] }, fallback: string[]) {
  if (meta.creators !== undefined) return { authors: meta.creators.map(creatorName), creators: meta.creators };
  return { authors: meta.authors ?? fallback, creators: Prisma.DbNull };
}

/** A preview's authors and creators, the one sent naming the other. */
function authorColumns(meta: { authors?: string[]; creators?: Creator[] }) {
  if (meta.creators !== undefined) return { authors: meta.creators.map(creatorName), creators: meta.creators };
  return meta.authors !== undefined ? { creators: meta.authors.map(creatorFromName) } : {};
}

export interface ImportedReportSummary {
  id: string;
  title: string;
  publishedAt: string | null;
  passageCount: number;
}

/**
 * Imports a report from pasted text, a web address or a file. Access is checked
 * before anything is fetched or parsed; with dryRun the preview is returned and
 * nothing is stored. Metadata sent along wins over what the importer found; the
 * preview's choices (passages left out, merged, or used as details) are applied to
 * the same parse, by the dry run's passage numbers.
 */
export async function importReportFromRequest(options: {
  userId: string;
  workspaceIdOrSlug: string;
  request: ImportRequest;
  metadata?: ReportMetadataInput;
  choices?: ImportChoicesInput;
  dryRun?: boolean;
  previewPage?: PreviewPage;
  /** Runs in the import's transaction once the report and its passages are stored (a translation links itself here). */
  onCreated?: (tx: Tx, report: { id: string }) => Promise<void>;
}): Promise<ImportPreview | ImportedReportSummary> {
  const { role } = await getWorkspaceAccessOrThrow(options);
  requireRole(role, "editor", "import reports");
  const meta = options.metadata ?? {};
  const choices = options.choices ?? {};
  if (meta.authors !== undefined && meta.creators !== undefined) throw invalidField("creators", "Send authors or creators, not both.");
  for (const [field, from] of [
    ["authors", "authorsFrom"],
    ["creators", "authorsFrom"],
    ["publishedAt", "publishedAtFrom"],
    ["subtitle", "subtitleFrom"],
  ] as const) {
    if (meta[field] !== undefined && choices[from] !== undefined) throw invalidField(from, `Send ${field} or ${from}, not both.`);
  }
  const parsed = await parseImportRequest(options.request);
  // The choices are checked in a dry run too; its passages stay as parsed, so their numbers hold.
  const chosen = chosenImport(parsed.report, choices, meta.title);
  // A preview shows what would be saved: what was found, corrected by what was sent.
  if (options.dryRun) {
    const preview = {
      ...previewOf(parsed, options.previewPage),
      ...Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)),
    };
    return { ...preview, ...authorColumns(meta) };
  }
  const found = parsed.report;
  const identifiers = findIdentifiers(found.passages);
  const publishedAt = meta.publishedAt !== undefined ? meta.publishedAt : (chosen.publishedAt ?? found.publishedAt);
  return db.$transaction(
    async (tx) => {
      const { workspace } = await getWorkspaceAccessOrThrow(options, tx);
      const report = await tx.report.create({
        data: {
          workspaceId: workspace.id,
          title: meta.title || found.title || "Untitled report",
          subtitle: meta.subtitle !== undefined ? meta.subtitle : (chosen.subtitle ?? found.subtitle ?? null),
          ...storedAuthors(meta, chosen.authors ?? found.authors ?? []),
          publisher: meta.publisher !== undefined ? meta.publisher : (found.publisher ?? null),
          publishedAt: publishedAt ? new Date(`${publishedAt}T00:00:00Z`) : null,
          language: meta.language !== undefined ? meta.language : (found.language ?? null),
          sourceUrl: meta.sourceUrl !== undefined ? meta.sourceUrl : (found.sourceUrl ?? null),
          place: meta.place ?? null,
          reportNumber: meta.reportNumber !== undefined ? meta.reportNumber : identifiers.reportNumber,
          series: meta.series ?? null,
          doi: meta.doi !== undefined ? meta.doi : identifiers.doi,
          // A page fetched from the web was read today: a reference to it says so.
          accessedAt: dateColumn(meta.accessedAt !== undefined ? meta.accessedAt : found.sourceUrl ? toIsoDate(new Date()) : null),
          sourceFormat: parsed.format,
          createdById: options.userId,
        },
        select: { id: true, title: true, publishedAt: true },
      });
      await tx.passage.createMany({ data: passageRows(report.id, 1, chosen.passages) });
      await tx.reportVersion.create({
        data: { reportId: report.id, version: 1, sourceFormat: parsed.format, createdById: options.userId },
      });
      await recordEvent(tx, {
        reportId: report.id,
        type: "report.imported",
        itemType: "report",
        itemId: report.id,
        actorId: options.userId,
      });
      await options.onCreated?.(tx, { id: report.id });
      return { id: report.id, title: report.title, publishedAt: toIsoDate(report.publishedAt), passageCount: chosen.passages.length };
    },
    { timeout: 60_000 },
  );
}

export function passageRows(reportId: string, version: number, passages: ImportedPassage[]) {
  return passages.map((p, i) => ({
    reportId,
    version,
    index: i + 1,
    kind: p.kind,
    level: p.level,
    text: p.text,
    page: p.page ?? null,
    marks: p.marks?.length ? p.marks.map((mark) => ({ ...mark })) : undefined,
    listNumber: p.listNumber ?? null,
  }));
}

const reportsKeyset = (workspaceId: string) => newestFirst(`reports:${workspaceId}`);

export async function listReports(options: { userId: string; workspaceIdOrSlug: string; page: PageOption }): Promise<Page<ReportSummary>> {
  const { workspace } = await getWorkspaceAccessOrThrow(options);
  const keyset = reportsKeyset(workspace.id);
  const { orderBy, after, take } = keysetArgs(keyset, options.page);
  const found = await db.report.findMany({
    where: { AND: [{ workspaceId: workspace.id }, after] },
    orderBy,
    take,
    select: {
      id: true,
      workspaceId: true,
      title: true,
      publishedAt: true,
      language: true,
      createdAt: true,
      version: true,
      // Only what this user may see: shared annotations and their own private ones.
      _count: { select: { annotations: { where: { deletedAt: null, ...annotationVisibleWhere(options.userId) } } } },
    },
  });
  const { items: rows, nextCursor } = keysetPage(found, keyset, options.page);
  const counts = await db.passage.groupBy({
    by: ["reportId", "version"],
    where: { reportId: { in: rows.map((r) => r.id) } },
    _count: { _all: true },
  });
  // Passages of the version readers see, not of earlier versions.
  const current = new Map(rows.map((r) => [r.id, r.version]));
  const passageCount = new Map(counts.filter((c) => current.get(c.reportId) === c.version).map((c) => [c.reportId, c._count._all]));
  const items = rows.map((r) => ({
    id: r.id,
    workspaceId: r.workspaceId,
    title: r.title,
    publishedAt: toIsoDate(r.publishedAt),
    language: r.language,
    createdAt: r.createdAt,
    passageCount: passageCount.get(r.id) ?? 0,
    annotationCount: r._count.annotations,
  }));
  return { items, nextCursor };
}

const counterpartSelect = { id: true, title: true, language: true } as const;

export async function getReportOrThrow(options: { userId: string; reportId: string; version?: number }): Promise<ReportView> {
  const report = await db.report.findFirst({
    where: { id: options.reportId, ...reportWhere(options.userId) },
    select: {
      id: true,
      workspaceId: true,
      title: true,
      publishedAt: true,
      language: true,
      subtitle: true,
      publisher: true,
      sourceUrl: true,
      ...CITATION_DETAILS_SELECT,
      sourceFormat: true,
      version: true,
      createdAt: true,
      translationOf: { select: counterpartSelect },
      translations: { select: counterpartSelect, orderBy: { createdAt: "asc" } },
      workspace: {
        select: { id: true, slug: true, name: true, memberships: { where: { userId: options.userId }, select: { role: true } } },
      },
    },
  });
  if (!report) throw notFound("That report");
  const version = options.version ?? report.version;
  if (version < 1 || version > report.version) throw notFound(`Version ${version} of that report`);
  const passages = await readPassages(report.id, version);
  const { memberships, ...workspace } = report.workspace;
  return {
    id: report.id,
    workspaceId: report.workspaceId,
    title: report.title,
    publishedAt: toIsoDate(report.publishedAt),
    language: report.language,
    subtitle: report.subtitle,
    authors: report.authors,
    publisher: report.publisher,
    sourceUrl: report.sourceUrl,
    ...citationDetailsOf(report),
    sourceFormat: report.sourceFormat,
    version,
    currentVersion: report.version,
    createdAt: report.createdAt,
    workspace,
    role: memberships[0].role,
    counterparts: [...(report.translationOf ? [report.translationOf] : []), ...report.translations],
    passages,
  };
}

/** The passages of a version of a report, in order, with their marks read (access is the caller's to check). */
export async function readPassages(reportId: string, version: number): Promise<PassageView[]> {
  const passages = await db.passage.findMany({
    where: { reportId, version },
    orderBy: { index: "asc" },
    select: { id: true, index: true, kind: true, level: true, text: true, page: true, marks: true, listNumber: true },
  });
  return passages.map((p) => ({ ...p, marks: p.marks === null ? [] : readMarks(p.marks, codePointLength(p.text)) }));
}

/** Editors correct a report's metadata. */
export async function updateReportMetadata(options: { userId: string; reportId: string } & ReportMetadataInput): Promise<ReportView> {
  const { userId, reportId, publishedAt, accessedAt, authors, creators, ...rest } = options;
  if (authors !== undefined && creators !== undefined) throw invalidField("creators", "Send authors or creators, not both.");
  await db.$transaction(async (tx) => {
    const { role } = await getReportAccessOrThrow({ userId, reportId }, tx);
    requireRole(role, "editor", "edit report details");
    await tx.report.update({
      where: { id: reportId },
      data: {
        ...rest,
        ...(authors !== undefined || creators !== undefined ? storedAuthors({ authors, creators }, []) : {}),
        ...(publishedAt !== undefined ? { publishedAt: dateColumn(publishedAt) } : {}),
        ...(accessedAt !== undefined ? { accessedAt: dateColumn(accessedAt) } : {}),
      },
    });
    await recordEvent(tx, { reportId, type: "report.updated", itemType: "report", itemId: reportId, actorId: userId });
  });
  return getReportOrThrow({ userId, reportId });
}
