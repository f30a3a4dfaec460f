import "server-only";
import { createHash } from "node:crypto";
import { codePointLength } from "@/lib/anchoring/code-points";
import { readMarks } from "@/lib/passage-marks";
import { Prisma } from "@/generated/prisma/client";
import { db, sqlQuery } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { AnnotationKindName } from "@/lib/domain/words";
import type { ExportAnnotation, ExportData, ExportHead } from "@/lib/exporters/types";
import type { AnnotationFilters } from "@/lib/validations/annotation";
import type { ExportOptionsInput } from "@/lib/validations/export";
import { annotationFilterSql } from "../annotations/annotations";
import { placedAnnotationsSql } from "../annotations/placed";
import { annotationSharedSql } from "../annotations/visibility";
import { getUserById } from "../users/get-user";
import { CITABLE_SELECT, reportReference } from "../citations/citations";
import { readAnnotations, readClaims, type ExportAuthor } from "./export-annotations";
import { getWorkspaceAccessOrThrow, reportWhere } from "../workspaces/access";
import { exportCounterpart } from "../translations/export-counterpart";

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
 * Which annotations an export holds, as the FROM and WHERE of a statement over
 * `a` (annotations) and `p` (their passage): current version, placed (orphans
 * have no place to be listed at), not deleted, shared with the team — plus the
 * exporter's own private ones only when asked. Never anyone else's private ones.
 */
function exportedAnnotationsSql(request: ExportRequest, report: { id: string; version: number }): Prisma.Sql {
  const { options } = request;
  // Placed and visible as in the reader, which shows the exporter's own private ones: kept only when asked.
  const { from, where } = placedAnnotationsSql({ reportId: report.id, version: report.version, current: true, userId: request.userId });
  const and: Prisma.Sql[] = [where];
  if (!options.includePrivate) and.push(annotationSharedSql("a"));
  // The column holds UTC: an ISO time cast to timestamp (its Z dropped) compares as one.
  if (options.from) and.push(Prisma.sql`a.created_at >= ${new Date(options.from).toISOString()}::timestamp`);
  if (options.to) and.push(Prisma.sql`a.created_at <= ${endOfDay(options.to).toISOString()}::timestamp`);
  return Prisma.sql`FROM ${from} WHERE ${Prisma.join(and, " AND ")} ${annotationFilterSql(request.filters, request.userId)}`;
}

function describeFilters(request: ExportRequest, names: Map<string, string>): string[] {
  const { filters, options } = request;
  const out: string[] = [];
  if (filters.kind?.length) out.push(`kind: ${filters.kind.join(", ")}`);
  if (filters.tag?.length) out.push(`tag: ${filters.tag.join(", ")}`);
  if (filters.author?.length) out.push(`author: ${filters.author.map((id) => names.get(id) ?? id).join(", ")}`);
  if (filters.verdict?.length) out.push(`verdict: ${filters.verdict.join(", ")}`);
  if (filters.status?.length) out.push(`status: ${filters.status.join(", ")}`);
  if (filters.visibility?.length) out.push(`visibility: ${filters.visibility.join(", ")}`);
  if (filters.assignee?.length)
    out.push(`assignee: ${filters.assignee.map((id) => (id === "me" ? "the exporter" : (names.get(id) ?? id))).join(", ")}`);
  if (filters.due?.length) out.push(`due: ${filters.due.join(", ")}`);
  if (options.from) out.push(`from: ${options.from}`);
  if (options.to) out.push(`to: ${options.to}`);
  if (!options.includeReplies) out.push("replies left out");
  if (options.includePrivate) out.push("includes the exporter's private annotations");
  return out;
}

/**
 * Annotations read per statement while an export is written: memory holds two batches and their
 * replies (the one being written and the next, read meanwhile), not the report's all.
 */
export const EXPORT_BATCH_SIZE = 500;

/** An export ready to be written: its head, and its annotations read a batch at a time as they are iterated (each time anew). */
export interface ReportExportSource {
  head: ExportHead;
  annotations: AsyncIterable<ExportAnnotation>;
}

export interface OpenExportOptions {
  batchSize?: number;
  /** Read the claims table (only .docx prints it); otherwise `head.claims` is empty. Yes unless told. */
  claims?: boolean;
  /** Count the replies (only JSON-LD states the total); otherwise `head.replyCount` is 0. Yes unless told. */
  replyCount?: boolean;
}

/**
 * One report's export as the user may see it; a report they cannot see is
 * "not found". Which annotations, in which order, is settled here once (their
 * ids, by the rules of `exportedAnnotationsSql`); their contents are read as they are written.
 */
export async function openReportExport(
  request: ExportRequest & { reportId: string },
  options: OpenExportOptions = {},
): Promise<ReportExportSource> {
  const report = await db.report.findFirst({
    where: { id: request.reportId, ...reportWhere(request.userId) },
    select: {
      ...CITABLE_SELECT,
      version: true,
      workspace: { select: { id: true, name: true, slug: true } },
      notes: { select: { body: true, updatedAt: true, updatedBy: { select: { id: true, name: true } } } },
    },
  });
  if (!report) throw notFound("That report");
  const { includeReplies } = request.options;
  const exported = exportedAnnotationsSql(request, report);
  const [exporter, passages, listed, replyCount, counterpart] = await Promise.all([
    getUserById(request.userId),
    db.passage
      .findMany({
        where: { reportId: report.id, version: report.version },
        select: { id: true, index: true, kind: true, level: true, text: true, marks: true },
        orderBy: { index: "asc" },
      })
      .then((rows) => rows.map(({ marks, ...p }) => (marks === null ? p : { ...p, marks: readMarks(marks, codePointLength(p.text)) }))),
    sqlQuery<{ id: string; kind: AnnotationKindName; authorId: string }>(Prisma.sql`
      SELECT a.id, a.kind::text AS kind, a.author_id AS "authorId" ${exported}
      ORDER BY p.index, a.start, a."end", a.created_at, a.id`),
    includeReplies && options.replyCount !== false
      ? sqlQuery<{ n: number }>(
          Prisma.sql`SELECT count(*)::int AS n FROM replies r WHERE r.deleted_at IS NULL AND r.annotation_id IN (SELECT a.id ${exported})`,
        ).then(([row]) => row.n)
      : 0,
    request.options.includeCounterpart ? exportCounterpart({ userId: request.userId, reportId: report.id }) : undefined,
  ]);
  if (!exporter) throw notFound("That user");

  const ids = listed.map((a) => a.id);
  // Everyone a filter names, too, so the export's list of filters says who.
  const named = [...(request.filters.author ?? []), ...(request.filters.assignee ?? []).filter((id) => id !== "me")];
  const authorIds = new Set([...listed.map((a) => a.authorId), ...named]);
  const [people, claims] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...authorIds] } }, select: { id: true, name: true, email: true } }),
    options.claims === false ? [] : readClaims(listed.filter((a) => a.kind === "claim").map((a) => a.id)),
  ]);
  const authors = new Map<string, ExportAuthor>(people.map((u) => [u.id, { id: u.id, name: u.name, emailSha1: emailSha1(u.email) }]));
  const annotationAuthors = new Set(listed.map((a) => a.authorId));
  const authorEmailSha1 = new Map([...authors.values()].filter((a) => annotationAuthors.has(a.id)).map((a) => [a.id, a.emailSha1]));
  const names = new Map(people.map((u) => [u.id, u.name]));

  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  const { workspace, notes } = report;
  return {
    head: {
      report: {
        id: report.id,
        title: report.title,
        subtitle: report.subtitle,
        authors: report.authors,
        publisher: report.publisher,
        publishedAt: report.publishedAt,
        language: report.language,
        sourceUrl: report.sourceUrl,
        version: report.version,
        workspace,
        url: `${request.origin}/w/${workspace.slug}/r/${report.id}`,
        reference: reportReference(report),
      },
      passages,
      ...(counterpart ? { counterpart } : {}),
      notes: notes
        ? { body: notes.body, updatedAt: notes.updatedAt, updatedBy: notes.updatedBy }
        : { body: "", updatedAt: null, updatedBy: null },
      includeReplies,
      filters: describeFilters(request, names),
      exportedBy: { id: exporter.id, name: exporter.name },
      exportedAt: new Date(),
      annotationCount: ids.length,
      replyCount,
      claims,
      authorEmailSha1,
    },
    annotations: {
      async *[Symbol.asyncIterator]() {
        const place = { origin: request.origin, slug: workspace.slug, reportId: report.id };
        const read = (at: number) => readAnnotations(ids.slice(at, at + batchSize), { includeReplies, authors, place });
        // The next batch is read while this one is written: the database and the writing overlap.
        let next = ids.length > 0 ? read(0) : null;
        for (let at = 0; next; at += batchSize) {
          const batch = await next;
          next = at + batchSize < ids.length ? read(at + batchSize) : null;
          // A read left behind by a reader that stopped early must not become an unhandled rejection.
          next?.catch(() => undefined);
          yield* batch;
        }
      },
    },
  };
}

/** One report's export held in memory whole, for the print view. */
export async function gatherReportExport(request: ExportRequest & { reportId: string }): Promise<ExportData> {
  const { head, annotations } = await openReportExport(request);
  const list: ExportAnnotation[] = [];
  for await (const annotation of annotations) list.push(annotation);
  const { report, passages, notes, includeReplies, filters, exportedBy, exportedAt, counterpart } = head;
  return {
    report,
    passages,
    notes,
    annotations: list,
    includeReplies,
    filters,
    exportedBy,
    exportedAt,
    ...(counterpart ? { counterpart } : {}),
  };
}

/** The reports of a workspace the user belongs to, oldest first: what a workspace export walks through. */
export async function listWorkspaceReportIds(options: { userId: string; workspaceId: string }) {
  const { workspace } = await getWorkspaceAccessOrThrow({ userId: options.userId, workspaceIdOrSlug: options.workspaceId });
  const reports = await db.report.findMany({
    where: { workspaceId: workspace.id },
    select: { id: true, title: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return { ...workspace, reports };
}
