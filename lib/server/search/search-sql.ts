import { Prisma } from "@/generated/prisma/client";
import type { SearchQueryInput } from "@/lib/validations/search";
import { annotationVisibleSql } from "../annotations/visibility";
import type { ParsedQuery } from "./query";

export type SearchHitType = "passage" | "annotation" | "reply" | "notes";

// Markers ts_headline puts around matches: control characters, taken out of the text first.
export const START = "\u0002";
export const STOP = "\u0003";
const HEADLINE = `StartSel=${START}, StopSel=${STOP}, MaxWords=28, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`;
// A short text (most annotations and replies) is shown whole: fragments of it would cut it mid-sentence.
const WHOLE = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`;
const WHOLE_UP_TO = 280;

/** The snippet options for a text of this many characters (the same rule for every source, in SQL and out). */
export function headlineOptions(length: Prisma.Sql | number): Prisma.Sql {
  return Prisma.sql`CASE WHEN ${length} <= ${WHOLE_UP_TO} THEN ${WHOLE} ELSE ${HEADLINE} END`;
}
/**
 * How many matches of each source are ranked, at most, per tier (the exact words in order, then
 * all of them). A common word matches a third of a large workspace; ranking every match would make
 * a search as slow as the workspace is large. The GIN index finds the matches, and the heap is read
 * only until this many have passed the filters.
 */
export const CANDIDATES = 200;

/**
 * Run before the statement, in its transaction: no sequential scans, and no plain index scans
 * either, only bitmap scans, which need an index condition. Every table the statement reads has an
 * index for how it reads it (GIN for the words, keys for the joins), and each source reads at most
 * CANDIDATES rows through it. The planner cannot know that: it assumes matches are spread evenly, so
 * with a LIMIT and a common word (or a large table) it prefers to read a table from the start until
 * enough rows passed, which for a rare word means the whole table, every workspace's rows; and a
 * small or empty table (a workspace's team notes, a tiny workspace) it reads whole, through the table
 * or, when that is forbidden, through a whole index. Either would make the plan depend on table
 * sizes; issue 7 asks for lookups only. Bitmap scans cost the same here as index scans (measured on
 * the scale data set). set_config(…, true) is SET LOCAL, three settings in one round trip.
 */
export const SEARCH_PLANNER_SETTINGS =
  "SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true), set_config('enable_indexonlyscan', 'off', true)";

// Best first; newer first among equals; then a fixed order, so that a search gives the same answer twice.
const ORDER = Prisma.sql`rank DESC, created_at DESC NULLS LAST, type COLLATE "C", id COLLATE "C"`;

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
 *
 * Each source (report text, team notes, annotations, their tags, replies) takes
 * up to CANDIDATES matches from its GIN index, restricted to the workspace and
 * to what the user may see, and ranks only those. The candidates are merged
 * (each result once) and cut to `limit`; only the rows returned are joined for
 * display and get a snippet.
 */
export function buildSearchSql(options: { userId: string; workspaceId: string; parsed: ParsedQuery } & SearchFilters): Prisma.Sql {
  const { parsed, workspaceId } = options;
  const limit = options.limit ?? 50;
  const annotationFilters = Boolean(options.kind?.length || options.tag?.length);
  const withAuthor = Boolean(options.author?.length);
  const from = options.from ? new Date(`${options.from}T00:00:00Z`) : null;
  const to = options.to ? new Date(Date.parse(`${options.to}T00:00:00Z`) + 86_400_000 - 1) : null;
  const dated = Boolean(from || to);

  const annotationWhere = Prisma.sql`
    a.deleted_at IS NULL AND a.anchor_status <> 'orphaned'
    AND ${annotationVisibleSql("a", options.userId)}
    ${options.kind?.length ? Prisma.sql`AND a.kind::text = ANY(${options.kind}::text[])` : Prisma.empty}
    ${options.tag?.length ? Prisma.sql`AND EXISTS (SELECT 1 FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = a.id AND t.workspace_id = ${workspaceId} AND t.name_key = ANY(${options.tag.map((t) => t.trim().toLocaleLowerCase("en"))}::text[]))` : Prisma.empty}`;
  const authorIs = (column: Prisma.Sql) => (withAuthor ? Prisma.sql`AND ${column} = ANY(${options.author}::text[])` : Prisma.empty);
  const createdIn = (column: Prisma.Sql) =>
    Prisma.sql`${from ? Prisma.sql`AND ${column} >= ${from}` : Prisma.empty} ${to ? Prisma.sql`AND ${column} <= ${to}` : Prisma.empty}`;
  const annotationContent = (first: Prisma.Sql) => Prisma.sql`concat_ws(' — ', ${first}, nullif(a.body, ''), '“' || a.quote || '”')`;

  /**
   * A source's candidates. An exact occurrence (the words typed, next to each other, in order) ranks
   * first: when that differs from the query, up to CANDIDATES exact matches are taken as well as up
   * to CANDIDATES matches of the query, so that the exact ones are among them (some twice: the merge
   * below keeps one).
   */
  const candidatesOf = (candidates: (match: Prisma.Sql, bonus: Prisma.Sql) => Prisma.Sql, vector: Prisma.Sql): Prisma.Sql[] => {
    if (!parsed.exactTsquery) return [Prisma.sql`${candidates(Prisma.sql`${vector} @@ q.query`, Prisma.sql`0.0`)} LIMIT ${CANDIDATES}`];
    return [
      Prisma.sql`${candidates(Prisma.sql`${vector} @@ q.exact`, Prisma.sql`1.0`)} LIMIT ${CANDIDATES}`,
      Prisma.sql`${candidates(Prisma.sql`${vector} @@ q.query`, Prisma.sql`(CASE WHEN ${vector} @@ q.exact THEN 1.0 ELSE 0.0 END)`)} LIMIT ${CANDIDATES}`,
    ];
  };

  // Every source gives the same columns: what the result shows, with the text for its snippet.
  const sources: Prisma.Sql[] = [];
  if (!annotationFilters && !withAuthor && !dated) {
    sources.push(
      ...candidatesOf(
        (match, bonus) => Prisma.sql`
        SELECT 'passage' AS type, p.id, r.id AS report_id, r.title, NULL::text AS passage_id, p.index AS passage_index, NULL::text AS annotation_id,
               NULL::text AS reply_id, NULL::text AS kind, NULL::text AS author_id, p.text AS content,
               ts_rank_cd(p.search, q.query) + ${bonus} AS rank, NULL::timestamp AS created_at
        FROM passages p JOIN ws r ON r.id = p.report_id AND p.version = r.version, q
        WHERE ${match}`,
        Prisma.sql`p.search`,
      ),
      ...candidatesOf(
        (match, bonus) => Prisma.sql`
        SELECT 'notes' AS type, n.report_id AS id, r.id AS report_id, r.title, NULL::text AS passage_id, NULL::int AS passage_index,
               NULL::text AS annotation_id, NULL::text AS reply_id, NULL::text AS kind, n.updated_by_id AS author_id, n.body AS content,
               ts_rank_cd(n.search, q.query) + ${bonus} AS rank, n.updated_at AS created_at
        FROM ws r, q, LATERAL (SELECT * FROM report_notes n WHERE n.report_id = r.id AND ${match} LIMIT 1) n`,
        Prisma.sql`n.search`,
      ),
    );
  }
  sources.push(
    ...candidatesOf(
      (match, bonus) => Prisma.sql`
      SELECT 'annotation' AS type, a.id, r.id AS report_id, r.title, a.passage_id, NULL::int AS passage_index, a.id AS annotation_id,
             NULL::text AS reply_id, a.kind::text AS kind, a.author_id, ${annotationContent(Prisma.sql`a.claim_summary`)} AS content,
             ts_rank_cd(a.search, q.query) + ${bonus} AS rank, a.created_at
      FROM annotations a JOIN ws r ON r.id = a.report_id, q
      WHERE ${match} AND ${annotationWhere} ${authorIs(Prisma.sql`a.author_id`)} ${createdIn(Prisma.sql`a.created_at`)}`,
      Prisma.sql`a.search`,
    ),
    // Tag names: the annotations carrying a tag whose name matches (of each tag, up to CANDIDATES looked at).
    Prisma.sql`
      SELECT 'annotation' AS type, a.id, r.id AS report_id, r.title, a.passage_id, NULL::int AS passage_index, a.id AS annotation_id,
             NULL::text AS reply_id, a.kind::text AS kind, a.author_id, ${annotationContent(Prisma.sql`'Tag: ' || t.name`)} AS content,
             0.05 + ${parsed.exactTsquery ? Prisma.sql`(CASE WHEN to_tsvector('simple', t.name) @@ q.exact THEN 1.0 ELSE 0.0 END)` : Prisma.sql`0.0`} AS rank, a.created_at
      FROM tags t, q, LATERAL (
        SELECT a.* FROM (SELECT at.annotation_id FROM annotation_tags at WHERE at.tag_id = t.id LIMIT ${CANDIDATES}) at
        JOIN annotations a ON a.id = at.annotation_id
        WHERE ${annotationWhere} ${authorIs(Prisma.sql`a.author_id`)} ${createdIn(Prisma.sql`a.created_at`)}
        LIMIT ${limit}) a JOIN ws r ON r.id = a.report_id
      WHERE t.workspace_id = ${workspaceId} AND to_tsvector('simple', t.name) @@ q.query
      ORDER BY rank DESC, a.created_at DESC, a.id COLLATE "C" LIMIT ${limit}`,
    ...candidatesOf(
      (match, bonus) => Prisma.sql`
      SELECT 'reply' AS type, rp.id, r.id AS report_id, r.title, a.passage_id, NULL::int AS passage_index, a.id AS annotation_id,
             rp.id AS reply_id, a.kind::text AS kind, rp.author_id, rp.body AS content,
             ts_rank_cd(rp.search, q.query) + ${bonus} AS rank, rp.created_at
      FROM replies rp JOIN annotations a ON a.id = rp.annotation_id JOIN ws r ON r.id = a.report_id, q
      WHERE ${match} AND rp.deleted_at IS NULL AND ${annotationWhere}
            ${authorIs(Prisma.sql`rp.author_id`)} ${createdIn(Prisma.sql`rp.created_at`)}`,
      Prisma.sql`rp.search`,
    ),
  );

  // `ws`: the workspace's reports, read once through their index; every source is restricted to
  // them as it takes its candidates. An annotation found by its text and by a tag is one result (its
  // better rank).
  return Prisma.sql`
    WITH q AS MATERIALIZED (SELECT to_tsquery('simple', ${parsed.tsquery}) AS query, to_tsquery('simple', ${parsed.exactTsquery || parsed.tsquery}) AS exact),
    ws AS MATERIALIZED (SELECT id, title, version FROM reports WHERE workspace_id = ${workspaceId}),
    hits AS (${Prisma.join(
      sources.map((s) => Prisma.sql`(${s})`),
      " UNION ALL ",
    )}),
    top AS (
      SELECT * FROM (SELECT DISTINCT ON (type COLLATE "C", id COLLATE "C") * FROM hits ORDER BY type COLLATE "C", id COLLATE "C", rank DESC) best
      ORDER BY ${ORDER} LIMIT ${limit}
    )
    SELECT top.type, top.report_id AS "reportId", top.title, coalesce(top.passage_index, p.index) AS "passageIndex",
           top.annotation_id AS "annotationId", top.reply_id AS "replyId", top.kind, u.id AS "authorId", u.name AS "authorName",
           ts_headline('simple', translate(top.content, ${START + STOP}, ''), q.query, ${headlineOptions(Prisma.sql`length(top.content)`)}) AS headline,
           top.rank::float8 AS rank, top.created_at AS "createdAt"
    FROM top LEFT JOIN passages p ON p.id = top.passage_id LEFT JOIN users u ON u.id = top.author_id, q
    ORDER BY top.rank DESC, top.created_at DESC NULLS LAST, top.type COLLATE "C", top.id COLLATE "C"`;
}
