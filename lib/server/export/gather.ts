import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ExportAnnotation, ExportData, ExportPerson } from "@/lib/exporters/types";
import type { AnnotationFilters } from "@/lib/validations/annotation";
import type { ExportOptionsInput } from "@/lib/validations/export";
import { annotationFilterWhere } from "../annotations/annotations";
import { getUserById } from "../users/get-user";
import { getWorkspaceAccessOrThrow, reportWhere } from "../workspaces/access";

export interface ExportRequest {
  userId: string;
  /** Where links in the export point: the app's origin, e.g. https://marginalia.example. */
  origin: string;
  filters: AnnotationFilters;
  options: ExportOptionsInput;
}

/** W3C `email_sha1`: lets an import match authors without the file carrying their addresses. */
export function emailSha1(email: string): string {
  return createHash("sha1").update(email.trim().toLowerCase()).digest("hex");
}

function endOfDay(value: string): Date {
  // A bare day means the whole of that day, in UTC.
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(Date.parse(value) + 24 * 60 * 60 * 1000 - 1) : new Date(value);
}

/**
 * Which annotations an export holds: current version, placed (orphans have no
 * place to be listed at), not deleted, shared with the team — plus the
 * exporter's own private ones only when asked. Never anyone else's private ones.
 */
function exportWhere(request: ExportRequest): Prisma.AnnotationWhereInput {
  const { options } = request;
  const created: Prisma.DateTimeFilter = {};
  if (options.from) created.gte = new Date(options.from);
  if (options.to) created.lte = endOfDay(options.to);
  return {
    deletedAt: null,
    anchorStatus: { not: "orphaned" },
    ...(options.includePrivate ? { OR: [{ visibility: "workspace" }, { authorId: request.userId, visibility: "private" }] } : { visibility: "workspace" }),
    ...(options.from || options.to ? { createdAt: created } : {}),
    AND: [annotationFilterWhere(request.filters)],
  };
}

const personSelect = { id: true, name: true, email: true } as const;

function describeFilters(request: ExportRequest, names: Map<string, string>): string[] {
  const { filters, options } = request;
  const out: string[] = [];
  if (filters.kind?.length) out.push(`kind: ${filters.kind.join(", ")}`);
  if (filters.tag?.length) out.push(`tag: ${filters.tag.join(", ")}`);
  if (filters.author?.length) out.push(`author: ${filters.author.map((id) => names.get(id) ?? id).join(", ")}`);
  if (filters.verdict?.length) out.push(`verdict: ${filters.verdict.join(", ")}`);
  if (filters.status?.length) out.push(`status: ${filters.status.join(", ")}`);
  if (filters.visibility?.length) out.push(`visibility: ${filters.visibility.join(", ")}`);
  if (options.from) out.push(`from: ${options.from}`);
  if (options.to) out.push(`to: ${options.to}`);
  if (!options.includeReplies) out.push("replies left out");
  if (options.includePrivate) out.push("includes the exporter's private annotations");
  return out;
}

/** One report's notes and annotations as the user may export them; a report they cannot see is "not found". */
export async function gatherReportExport(request: ExportRequest & { reportId: string }): Promise<ExportData> {
  const report = await db.report.findFirst({
    where: { id: request.reportId, ...reportWhere(request.userId) },
    select: {
      id: true,
      title: true,
      subtitle: true,
      authors: true,
      publisher: true,
      publishedAt: true,
      language: true,
      sourceUrl: true,
      version: true,
      workspace: { select: { id: true, name: true, slug: true } },
      notes: { select: { body: true, updatedAt: true, updatedBy: { select: { id: true, name: true } } } },
    },
  });
  if (!report) throw notFound("That report");
  const [exporter, passages, rows] = await Promise.all([
    getUserById(request.userId),
    db.passage.findMany({
      where: { reportId: report.id, version: report.version },
      select: { id: true, index: true, kind: true, level: true, text: true },
      orderBy: { index: "asc" },
    }),
    db.annotation.findMany({
      where: { reportId: report.id, passage: { version: report.version }, ...exportWhere(request) },
      orderBy: [{ passage: { index: "asc" } }, { start: "asc" }, { end: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        passageId: true,
        kind: true,
        visibility: true,
        body: true,
        claimSummary: true,
        start: true,
        end: true,
        quote: true,
        prefix: true,
        suffix: true,
        status: true,
        verdict: true,
        createdAt: true,
        editedAt: true,
        importedCreator: true,
        passage: { select: { index: true } },
        author: { select: personSelect },
        tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { nameKey: "asc" } } },
        stances: { select: { stance: true } },
        replies: {
          where: { deletedAt: null },
          orderBy: { seq: "asc" },
          // None at all when replies were not asked for.
          ...(request.options.includeReplies ? {} : { take: 0 }),
          select: { id: true, body: true, createdAt: true, editedAt: true, importedCreator: true, author: { select: { id: true, name: true } } },
        },
      },
    }),
  ]);
  if (!exporter) throw notFound("That user");

  const names = new Map<string, string>();
  const annotations: ExportAnnotation[] = rows.map(({ passage, author, tags, stances, replies, ...a }) => {
    names.set(author.id, author.name);
    const tally = { supports: 0, disputes: 0, needs_evidence: 0 };
    for (const s of stances) tally[s.stance] += 1;
    return {
      ...a,
      passageIndex: passage.index,
      author: { id: author.id, name: author.name, emailSha1: emailSha1(author.email) },
      tags: tags.map((t) => t.tag.name),
      tally,
      replies,
    };
  });
  if (request.filters.author?.length) {
    const missing = request.filters.author.filter((id) => !names.has(id));
    if (missing.length) for (const u of await db.user.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } })) names.set(u.id, u.name);
  }
  const exportedBy: ExportPerson = { id: exporter.id, name: exporter.name };
  const { workspace, notes, ...meta } = report;
  return {
    report: { ...meta, workspace, url: `${request.origin}/w/${workspace.slug}/r/${report.id}` },
    passages,
    notes: notes ? { body: notes.body, updatedAt: notes.updatedAt, updatedBy: notes.updatedBy } : { body: "", updatedAt: null, updatedBy: null },
    annotations,
    includeReplies: request.options.includeReplies,
    filters: describeFilters(request, names),
    exportedBy,
    exportedAt: new Date(),
  };
}

/** The reports of a workspace the user belongs to, oldest first: what a workspace export walks through. */
export async function listWorkspaceReportIds(options: { userId: string; workspaceId: string }) {
  const { workspace } = await getWorkspaceAccessOrThrow({ userId: options.userId, workspaceIdOrSlug: options.workspaceId });
  const reports = await db.report.findMany({ where: { workspaceId: workspace.id }, select: { id: true, title: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return { ...workspace, reports };
}
