import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { codePointLength } from "@/lib/anchoring";
import type { AnnotationView } from "@/lib/domain/annotation";
import { VERDICTS } from "@/lib/domain/words";
import { BODY_MAX, type AnnotationFilters } from "@/lib/validations/annotation";
import { getReportAccessOrThrow, reportWhere } from "../workspaces/access";
import { annotationVisibleSql, annotationVisibleWhere } from "./visibility";
import { readAnnotationView, readAnnotationViews } from "./read-views";
import { placedAnnotationsSql } from "./placed";
import { overdueSql } from "../assignments/assignment-sql";
import { cursorAfter, keyFromCursor, pageFrom, scopeOf } from "../pagination/page";

export function checkBodySize(body: string, what = "The comment"): void {
  if (codePointLength(body) > BODY_MAX) {
    throw new AppError("payload_too_large", `${what} is too long: at most ${BODY_MAX.toLocaleString("en")} characters.`);
  }
}

/** The annotation list's page sizes: GET /reports/{id}/annotations. */
export const ANNOTATIONS_PAGE = { defaultLimit: 100, maxLimit: 500 } as const;

export interface AnnotationPage {
  annotations: AnnotationView[];
  nextCursor: string | null;
}

/** The reading-order key of an annotation, which a cursor carries: ¶ index, start, end, created, id. */
const KEY_TYPES = ["number", "number", "number", "string", "string"] as const;

/** The sidebar's filters as SQL over `a` (annotations), to follow a WHERE: the list's and the export's. `me` is `userId`. */
export function annotationFilterSql(filters: AnnotationFilters, userId: string): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filters.tag?.length) {
    const keys = filters.tag.map((t) => t.trim().toLocaleLowerCase("en"));
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = a.id AND t.name_key = ANY(${keys}::text[]))`,
    );
  }
  if (filters.author?.length) parts.push(Prisma.sql`a.author_id = ANY(${filters.author}::text[])`);
  if (filters.kind?.length) parts.push(Prisma.sql`a.kind::text = ANY(${filters.kind}::text[])`);
  if (filters.verdict?.length) parts.push(Prisma.sql`a.kind = 'claim' AND a.verdict::text = ANY(${filters.verdict}::text[])`);
  if (filters.status?.length) parts.push(Prisma.sql`a.status::text = ANY(${filters.status}::text[])`);
  if (filters.visibility?.length) parts.push(Prisma.sql`a.visibility::text = ANY(${filters.visibility}::text[])`);
  if (filters.assignee?.length) {
    if (!userId) throw new Error("annotationFilterSql needs a user id");
    const ids = filters.assignee.map((v) => (v === "me" ? userId : v));
    parts.push(Prisma.sql`a.assignee_id = ANY(${ids}::text[])`);
  }
  if (filters.due?.includes("overdue")) parts.push(overdueSql("a"));
  return parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

interface KeyRow {
  id: string;
  passageId: string;
  index: number;
  start: number;
  end: number;
  createdAt: Date;
  quote: string;
  prefix: string;
  suffix: string;
}

/**
 * A page of what the user may see of a report's annotations, in reading order,
 * optionally filtered: the current version's anchors, or an earlier version's
 * as they were kept when it was replaced. Keyset pagination on the reading
 * order, so a page deep into a long report costs what the first one does.
 */
export async function listAnnotations(options: {
  userId: string;
  reportId: string;
  filters?: AnnotationFilters;
  version?: number;
  limit?: number;
  cursor?: string;
}): Promise<AnnotationPage> {
  // One query (the report and the caller's membership), not Prisma's compiled one: this is the reader's hot path.
  const { report } = await getReportAccessOrThrow(options);
  const version = options.version ?? report.version;
  if (version < 1 || version > report.version) throw notFound(`Version ${version} of that report`);
  const current = version === report.version;
  const limit = options.limit ?? ANNOTATIONS_PAGE.defaultLimit;
  const filters = options.filters ?? {};
  const scope = scopeOf(`annotations:${report.id}:v${version}`, { ...filters });
  const after = options.cursor !== undefined ? keyFromCursor(options.cursor, scope, KEY_TYPES) : null;
  const { userId } = options;

  const { from, where, k } = placedAnnotationsSql({ reportId: report.id, version, current, userId });
  const rows = await db.$queryRaw<KeyRow[]>`
    SELECT a.id, p.id AS "passageId", p.index, ${k}.start, ${k}."end", a.created_at AS "createdAt", ${k}.quote, ${k}.prefix, ${k}.suffix
    FROM ${from}
    WHERE ${where}
      ${annotationFilterSql(filters, userId)}
      ${after ? Prisma.sql`AND p.index >= ${after[0]}::int AND (p.index, ${k}.start, ${k}."end", a.created_at, a.id) > (${after[0]}::int, ${after[1]}::int, ${after[2]}::int, ${after[3]}::timestamp, ${after[4]}::text)` : Prisma.empty}
    ORDER BY p.index, ${k}.start, ${k}."end", a.created_at, a.id
    LIMIT ${limit + 1}`;

  const page = pageFrom(rows, limit, scope, (r) => [r.index, r.start, r.end, r.createdAt.toISOString(), r.id]);
  const views = await readAnnotationViews(page.items.map((r) => r.id));
  const annotations = page.items.flatMap((r) => {
    const view = views.get(r.id);
    if (!view) return [];
    // In an earlier version the annotation sits where it was then.
    return current
      ? [view]
      : [
          {
            ...view,
            passageId: r.passageId,
            passageIndex: r.index,
            start: r.start,
            end: r.end,
            quote: r.quote,
            prefix: r.prefix,
            suffix: r.suffix,
          },
        ];
  });
  return { annotations, nextCursor: page.nextCursor };
}

/** How many claims a version of a report has, in all and by verdict, that the user may see, placed as listAnnotations places them (the header's count). */
export interface ClaimCounts {
  total: number;
  byVerdict: Record<(typeof VERDICTS)[number], number>;
}

export async function countClaims(options: { userId: string; reportId: string; version: number; current: boolean }): Promise<ClaimCounts> {
  const placed = options.current
    ? Prisma.sql`a.anchor_status <> 'orphaned' AND EXISTS (SELECT 1 FROM passages p WHERE p.id = a.passage_id AND p.version = ${options.version})`
    : Prisma.sql`EXISTS (SELECT 1 FROM annotation_anchors x JOIN passages p ON p.id = x.passage_id AND p.version = ${options.version}
                         WHERE x.annotation_id = a.id AND x.version = ${options.version} AND x.status <> 'orphaned')`;
  const rows = await db.$queryRaw<{ verdict: (typeof VERDICTS)[number]; n: number }[]>`
    SELECT a.verdict::text AS verdict, count(*)::int AS n FROM annotations a
    WHERE a.report_id = ${options.reportId} AND a.kind = 'claim' AND a.deleted_at IS NULL
      AND ${annotationVisibleSql("a", options.userId)} AND ${placed}
    GROUP BY a.verdict`;
  const byVerdict = Object.fromEntries(VERDICTS.map((v) => [v, rows.find((r) => r.verdict === v)?.n ?? 0])) as ClaimCounts["byVerdict"];
  return { total: rows.reduce((sum, r) => sum + r.n, 0), byVerdict };
}

/**
 * A cursor that starts the (unfiltered) list of a version at ¶ `passageIndex`:
 * the server page hands a few of these to the reader, which then reads the
 * parts of a long report side by side instead of one page after another.
 */
export function cursorAtPassage(options: { reportId: string; version: number; passageIndex: number }): string {
  // After every annotation of the passage before: none starts at the largest int.
  return cursorAfter(scopeOf(`annotations:${options.reportId}:v${options.version}`, {}), [
    options.passageIndex - 1,
    2_147_483_647,
    0,
    new Date(0).toISOString(),
    "",
  ]);
}

export async function getAnnotationViewOrThrow(options: { userId: string; annotationId: string }): Promise<AnnotationView> {
  const row = await db.annotation.findFirst({
    where: { id: options.annotationId, deletedAt: null, report: reportWhere(options.userId), ...annotationVisibleWhere(options.userId) },
    select: { id: true },
  });
  if (!row) throw notFound("That annotation");
  return readAnnotationView(row.id);
}
