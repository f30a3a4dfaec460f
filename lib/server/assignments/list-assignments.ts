import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { AssignmentTab, AssignmentView } from "@/lib/domain/assignments";
import type { AnnotationKindName, AnnotationStatusName } from "@/lib/domain/words";
import { markdownToPlainText } from "@/lib/markdown/to-blocks";
import { annotationVisibleSql } from "../annotations/visibility";
import { cursorAfter, keyFromCursor, scopeOf, type Page, type PageRequest } from "../pagination/page";
import { getWorkspaceAccessOrThrow, membershipJoinSql } from "../workspaces/access";
import { overdueSql } from "./assignment-sql";

const EXCERPT = 160;

interface Row {
  id: string;
  kind: AnnotationKindName;
  status: AnnotationStatusName;
  quote: string;
  body: string;
  passageIndex: number;
  reportId: string;
  reportTitle: string;
  workspaceId: string;
  slug: string;
  workspaceName: string;
  assignedById: string | null;
  assignedByName: string | null;
  assignedAt: Date | null;
  dueAt: string | null;
  overdue: boolean;
  resolvedAt: Date | null;
  /** The sort key: the due day (open), or when it was done (done), as text. */
  sortKey: string;
}

function excerpt(markdown: string): string {
  const text = markdownToPlainText(markdown);
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
}

/**
 * A page of the threads assigned to the user, across their workspaces (or in
 * one): open ones soonest due first (those without a due date last), done
 * ones most recently completed first. Only threads they can still see: in a
 * workspace they belong to, not deleted, shared or their own.
 */
export async function listAssignments(options: {
  userId: string;
  status: AssignmentTab;
  workspaceIdOrSlug?: string;
  page: PageRequest;
}): Promise<Page<AssignmentView>> {
  const { userId, status, page } = options;
  const workspace = options.workspaceIdOrSlug
    ? (await getWorkspaceAccessOrThrow({ userId, workspaceIdOrSlug: options.workspaceIdOrSlug })).workspace
    : null;
  const scope = scopeOf(`assignments:${userId}:${status}`, { workspace: workspace?.id });
  const after = page.cursor !== undefined ? (keyFromCursor(page.cursor, scope, ["string", "string"]) as [string, string]) : null;

  const open = status === "open";
  const sortKey = open
    ? // Threads without a due date sort after every dated one.
      Prisma.sql`COALESCE(a.due_at, DATE '9999-12-31')`
    : Prisma.sql`COALESCE(a.resolved_at, a.updated_at)`;
  const afterSql = !after
    ? Prisma.empty
    : open
      ? Prisma.sql`AND (${sortKey}, a.id) > (${after[0]}::date, ${after[1]})`
      : Prisma.sql`AND (${sortKey}, a.id) < ((${after[0]}::timestamptz AT TIME ZONE 'UTC'), ${after[1]})`;

  const rows = await db.$queryRaw<Row[]>`
    SELECT a.id, a.kind::text AS kind, a.status::text AS status, a.quote, a.body, p.index AS "passageIndex",
           r.id AS "reportId", r.title AS "reportTitle", w.id AS "workspaceId", w.slug, w.name AS "workspaceName",
           a.assigned_by_id AS "assignedById", ab.name AS "assignedByName", a.assigned_at AS "assignedAt",
           to_char(a.due_at, 'YYYY-MM-DD') AS "dueAt", ${overdueSql("a")} AS overdue, a.resolved_at AS "resolvedAt",
           ${open ? Prisma.sql`to_char(${sortKey}, 'YYYY-MM-DD')` : Prisma.sql`to_char(${sortKey}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`} AS "sortKey"
    FROM annotations a
    JOIN reports r ON r.id = a.report_id
    JOIN workspaces w ON w.id = r.workspace_id
    ${membershipJoinSql(Prisma.sql`w.id`, userId)}
    JOIN passages p ON p.id = a.passage_id
    LEFT JOIN users ab ON ab.id = a.assigned_by_id
    WHERE a.assignee_id = ${userId} AND a.deleted_at IS NULL AND ${annotationVisibleSql("a", userId)}
      AND a.status::text = ${open ? "open" : "resolved"}
      ${workspace ? Prisma.sql`AND w.id = ${workspace.id}` : Prisma.empty}
      ${afterSql}
    ORDER BY ${sortKey} ${open ? Prisma.sql`ASC` : Prisma.sql`DESC`}, a.id ${open ? Prisma.sql`ASC` : Prisma.sql`DESC`}
    LIMIT ${page.limit + 1}`;

  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  const nextCursor = rows.length > page.limit && last ? cursorAfter(scope, [last.sortKey, last.id]) : null;
  const items = shown.map((r): AssignmentView => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    quote: r.quote,
    excerpt: excerpt(r.body),
    passageIndex: r.passageIndex,
    report: { id: r.reportId, title: r.reportTitle },
    workspace: { id: r.workspaceId, slug: r.slug, name: r.workspaceName },
    assignedBy: r.assignedById ? { id: r.assignedById, name: r.assignedByName ?? "Former member" } : null,
    assignedAt: r.assignedAt,
    dueAt: r.dueAt,
    overdue: r.overdue,
    resolvedAt: r.resolvedAt,
    href: `/w/${encodeURIComponent(r.slug)}/r/${encodeURIComponent(r.reportId)}?annotation=${encodeURIComponent(r.id)}`,
  }));
  return { items, nextCursor };
}
