import { Prisma } from "@/generated/prisma/client";
import type { SearchQueryInput } from "@/lib/validations/search";
import type { ParsedQuery } from "./query";

export type SearchHitType = "passage" | "annotation" | "reply" | "notes";

// Markers ts_headline puts around matches: control characters, taken out of the text first.
export const START = "\u0002";
export const STOP = "\u0003";
const HEADLINE = `StartSel=${START}, StopSel=${STOP}, MaxWords=28, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`;
const PER_SOURCE = 100;

export interface SearchRow {
  type: SearchHitType;
  reportId: string;
  title: string;
  passageIndex: number | null;
  annotationId: string | null;
  replyId: string | null;
  kind: string | null;
  authorId: string | null;
  authorName: string | null;
  headline: string;
  rank: number;
  createdAt: Date | null;
}

export type SearchFilters = Pick<SearchQueryInput, "kind" | "tag" | "author" | "from" | "to" | "limit">;

/**
 * The one SQL statement behind a workspace search (the app runs it; the
 * benchmark EXPLAINs it). The workspace must already be one the user is in.
 */
export function buildSearchSql(options: { userId: string; workspaceId: string; parsed: ParsedQuery } & SearchFilters): Prisma.Sql {
  const { parsed, workspaceId } = options;
  const limit = options.limit ?? 50;
  const exact = parsed.exact;
  const annotationFilters = Boolean(options.kind?.length || options.tag?.length);
  const withAuthor = Boolean(options.author?.length);
  const from = options.from ? new Date(`${options.from}T00:00:00Z`) : null;
  const to = options.to ? new Date(Date.parse(`${options.to}T00:00:00Z`) + 86_400_000 - 1) : null;
  const dated = Boolean(from || to);

  const annotationWhere = Prisma.sql`
    a.deleted_at IS NULL AND a.anchor_status <> 'orphaned'
    AND (a.visibility = 'workspace' OR a.author_id = ${options.userId})
    ${options.kind?.length ? Prisma.sql`AND a.kind::text = ANY(${options.kind}::text[])` : Prisma.empty}
    ${options.tag?.length ? Prisma.sql`AND EXISTS (SELECT 1 FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = a.id AND t.name_key = ANY(${options.tag.map((t) => t.trim().toLocaleLowerCase("en"))}::text[]))` : Prisma.empty}`;
  const authorIs = (column: Prisma.Sql) => (withAuthor ? Prisma.sql`AND ${column} = ANY(${options.author}::text[])` : Prisma.empty);
  const createdIn = (column: Prisma.Sql) =>
    Prisma.sql`${from ? Prisma.sql`AND ${column} >= ${from}` : Prisma.empty} ${to ? Prisma.sql`AND ${column} <= ${to}` : Prisma.empty}`;
  const bonus = (column: Prisma.Sql) => Prisma.sql`(CASE WHEN ${exact} <> '' AND strpos(lower(${column}), ${exact}) > 0 THEN 1.0 ELSE 0.0 END)`;

  // Each source is ranked and cut on its own (the GIN index finds the rows), then merged.
  const sources: Prisma.Sql[] = [];
  if (!annotationFilters && !withAuthor && !dated) {
    sources.push(Prisma.sql`(
      SELECT 'passage' AS type, r.id AS "reportId", r.title, p.index AS "passageIndex", NULL AS "annotationId", NULL AS "replyId", NULL AS kind,
             NULL AS "authorId", NULL AS "authorName", p.text AS content,
             ts_rank_cd(p.search, q.query) + ${bonus(Prisma.sql`p.text`)} AS rank, NULL::timestamp AS "createdAt"
      FROM passages p JOIN reports r ON r.id = p.report_id AND p.version = r.version, q
      WHERE r.workspace_id = ${workspaceId} AND p.search @@ q.query
      ORDER BY 11 DESC LIMIT ${PER_SOURCE})`);
    sources.push(Prisma.sql`(
      SELECT 'notes' AS type, r.id AS "reportId", r.title, NULL::int AS "passageIndex", NULL AS "annotationId", NULL AS "replyId", NULL AS kind,
             u.id AS "authorId", u.name AS "authorName", n.body AS content,
             ts_rank_cd(n.search, q.query) + ${bonus(Prisma.sql`n.body`)} AS rank, n.updated_at AS "createdAt"
      FROM report_notes n JOIN reports r ON r.id = n.report_id LEFT JOIN users u ON u.id = n.updated_by_id, q
      WHERE r.workspace_id = ${workspaceId} AND n.search @@ q.query
      ORDER BY 11 DESC LIMIT ${PER_SOURCE})`);
  }
  sources.push(Prisma.sql`(
    SELECT 'annotation' AS type, r.id AS "reportId", r.title, p.index AS "passageIndex", a.id AS "annotationId", NULL AS "replyId", a.kind::text AS kind,
           u.id AS "authorId", u.name AS "authorName", concat_ws(' — ', a.claim_summary, nullif(a.body, ''), '“' || a.quote || '”') AS content,
           ts_rank_cd(a.search, q.query) + ${bonus(Prisma.sql`(coalesce(a.claim_summary, '') || ' ' || a.body || ' ' || a.quote)`)} AS rank, a.created_at AS "createdAt"
    FROM annotations a JOIN reports r ON r.id = a.report_id JOIN passages p ON p.id = a.passage_id JOIN users u ON u.id = a.author_id, q
    WHERE r.workspace_id = ${workspaceId} AND a.search @@ q.query AND ${annotationWhere} ${authorIs(Prisma.sql`a.author_id`)} ${createdIn(Prisma.sql`a.created_at`)}
    ORDER BY 11 DESC LIMIT ${PER_SOURCE})`);
  // Tag names: the annotations carrying a tag whose name matches.
  sources.push(Prisma.sql`(
    SELECT 'annotation' AS type, r.id AS "reportId", r.title, p.index AS "passageIndex", a.id AS "annotationId", NULL AS "replyId", a.kind::text AS kind,
           u.id AS "authorId", u.name AS "authorName", concat_ws(' — ', 'Tag: ' || t.name, nullif(a.body, ''), '“' || a.quote || '”') AS content,
           0.05 + ${bonus(Prisma.sql`t.name`)} AS rank, a.created_at AS "createdAt"
    FROM tags t JOIN annotation_tags at ON at.tag_id = t.id JOIN annotations a ON a.id = at.annotation_id
         JOIN reports r ON r.id = a.report_id JOIN passages p ON p.id = a.passage_id JOIN users u ON u.id = a.author_id, q
    WHERE t.workspace_id = ${workspaceId} AND to_tsvector('simple', t.name) @@ q.query AND ${annotationWhere} ${authorIs(Prisma.sql`a.author_id`)} ${createdIn(Prisma.sql`a.created_at`)}
    ORDER BY 11 DESC LIMIT ${PER_SOURCE})`);
  sources.push(Prisma.sql`(
    SELECT 'reply' AS type, r.id AS "reportId", r.title, p.index AS "passageIndex", a.id AS "annotationId", rp.id AS "replyId", a.kind::text AS kind,
           u.id AS "authorId", u.name AS "authorName", rp.body AS content,
           ts_rank_cd(rp.search, q.query) + ${bonus(Prisma.sql`rp.body`)} AS rank, rp.created_at AS "createdAt"
    FROM replies rp JOIN annotations a ON a.id = rp.annotation_id JOIN reports r ON r.id = a.report_id
         JOIN passages p ON p.id = a.passage_id JOIN users u ON u.id = rp.author_id, q
    WHERE r.workspace_id = ${workspaceId} AND rp.search @@ q.query AND rp.deleted_at IS NULL AND ${annotationWhere}
          ${authorIs(Prisma.sql`rp.author_id`)} ${createdIn(Prisma.sql`rp.created_at`)}
    ORDER BY 11 DESC LIMIT ${PER_SOURCE})`);

  return Prisma.sql`
    WITH q AS (SELECT to_tsquery('simple', ${parsed.tsquery}) AS query),
    hits AS (${Prisma.join(sources, " UNION ALL ")}),
    best AS (
      SELECT DISTINCT ON (type, "reportId", coalesce("replyId", "annotationId", "passageIndex"::text, 'notes')) *
      FROM hits ORDER BY type, "reportId", coalesce("replyId", "annotationId", "passageIndex"::text, 'notes'), rank DESC
    ),
    top AS (SELECT * FROM best ORDER BY rank DESC, "createdAt" DESC NULLS LAST LIMIT ${limit})
    SELECT type, "reportId", title, "passageIndex", "annotationId", "replyId", kind, "authorId", "authorName",
           ts_headline('simple', translate(content, ${START + STOP}, ''), q.query, ${HEADLINE}) AS headline,
           rank::float8 AS rank, "createdAt"
    FROM top, q ORDER BY rank DESC, "createdAt" DESC NULLS LAST`;
}
