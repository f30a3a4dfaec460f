import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { ImportError, importReport as parseReport } from "@/lib/importers";
import type { ImportReportInput } from "@/lib/validations/report";
import { annotationVisibleWhere } from "../annotations/visibility";
import { getWorkspaceAccessOrThrow, reportWhere, requireRole } from "../workspaces/access";

export interface ReportSummary {
  id: string;
  workspaceId: string;
  title: string;
  publishedAt: string | null;
  language: string | null;
  passageCount: number;
  annotationCount: number;
  createdAt: Date;
}

export interface PassageView {
  id: string;
  index: number;
  kind: "heading" | "paragraph" | "quote" | "list_item";
  level: number | null;
  text: string;
}

export interface ReportView extends Omit<ReportSummary, "passageCount" | "annotationCount"> {
  workspace: { id: string; slug: string; name: string };
  role: "owner" | "editor" | "annotator" | "viewer";
  sourceFormat: string;
  version: number;
  passages: PassageView[];
}

/** A calendar date as "YYYY-MM-DD" (stored at midnight UTC). */
export function toIsoDate(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

function parseOrThrow(format: ImportReportInput["format"], content: string) {
  try {
    return parseReport(format, content);
  } catch (e) {
    if (e instanceof ImportError) {
      const code = e.reason === "too_large" ? "payload_too_large" : "validation_failed";
      throw new AppError(code, e.message, { issues: [{ path: "content", message: e.message }], reason: e.reason });
    }
    throw e;
  }
}

export async function importReport(options: { userId: string; workspaceIdOrSlug: string } & ImportReportInput) {
  return db.$transaction(
    async (tx) => {
      // Access first: a stranger learns nothing, not even that their content was too large.
      const { workspace, role } = await getWorkspaceAccessOrThrow(options, tx);
      requireRole(role, "editor", "import reports");
      const parsed = parseOrThrow(options.format, options.content);
      const report = await tx.report.create({
        data: {
          workspaceId: workspace.id,
          title: options.title?.trim() || parsed.title || "Untitled report",
          publishedAt: parsed.publishedAt ? new Date(`${parsed.publishedAt}T00:00:00Z`) : null,
          sourceFormat: options.format,
          createdById: options.userId,
        },
        select: { id: true, title: true, publishedAt: true },
      });
      await tx.passage.createMany({
        data: parsed.passages.map((p, i) => ({ reportId: report.id, version: 1, index: i + 1, kind: p.kind, level: p.level, text: p.text })),
      });
      return { id: report.id, title: report.title, publishedAt: toIsoDate(report.publishedAt), passageCount: parsed.passages.length };
    },
    { timeout: 30_000 },
  );
}

export async function listReports(options: { userId: string; workspaceIdOrSlug: string }): Promise<ReportSummary[]> {
  const { workspace } = await getWorkspaceAccessOrThrow(options);
  const rows = await db.report.findMany({
    where: { workspaceId: workspace.id },
    orderBy: { createdAt: "desc" },
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
  const counts = await db.passage.groupBy({
    by: ["reportId", "version"],
    where: { reportId: { in: rows.map((r) => r.id) } },
    _count: { _all: true },
  });
  // Passages of the version readers see, not of earlier versions.
  const current = new Map(rows.map((r) => [r.id, r.version]));
  const passageCount = new Map(counts.filter((c) => current.get(c.reportId) === c.version).map((c) => [c.reportId, c._count._all]));
  return rows.map((r) => ({
    id: r.id,
    workspaceId: r.workspaceId,
    title: r.title,
    publishedAt: toIsoDate(r.publishedAt),
    language: r.language,
    createdAt: r.createdAt,
    passageCount: passageCount.get(r.id) ?? 0,
    annotationCount: r._count.annotations,
  }));
}

export async function getReportOrThrow(options: { userId: string; reportId: string }): Promise<ReportView> {
  const report = await db.report.findFirst({
    where: { id: options.reportId, ...reportWhere(options.userId) },
    select: {
      id: true,
      workspaceId: true,
      title: true,
      publishedAt: true,
      language: true,
      sourceFormat: true,
      version: true,
      createdAt: true,
      workspace: { select: { id: true, slug: true, name: true, memberships: { where: { userId: options.userId }, select: { role: true } } } },
    },
  });
  if (!report) throw notFound("That report");
  const passages = await db.passage.findMany({
    where: { reportId: report.id, version: report.version },
    orderBy: { index: "asc" },
    select: { id: true, index: true, kind: true, level: true, text: true },
  });
  const { memberships, ...workspace } = report.workspace;
  return {
    id: report.id,
    workspaceId: report.workspaceId,
    title: report.title,
    publishedAt: toIsoDate(report.publishedAt),
    language: report.language,
    sourceFormat: report.sourceFormat,
    version: report.version,
    createdAt: report.createdAt,
    workspace,
    role: memberships[0].role,
    passages,
  };
}
