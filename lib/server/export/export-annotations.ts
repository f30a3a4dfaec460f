/**
 * The reads behind an export's annotations, by id: which ids is decided
 * beforehand with the access and filter rules (gather.ts), so these only
 * fetch what the formats print. Plain SQL on the pool under Prisma, one
 * statement per batch for the annotations (tags, the claim tally and the
 * stances with their evidence placed, aggregated in it) and one for their replies. Each answers a single JSON
 * array of arrays, built by Postgres and read with one `JSON.parse`: a row
 * object per annotation and per reply, a parsed value per column, and
 * Prisma's work per statement and per value cost the export more than
 * writing it.
 */
import "server-only";
import { sqlQuery } from "@/lib/db";
import type { AnnotationKindName, StanceName, VerdictName } from "@/lib/domain/words";
import type { ExportAnnotation, ExportClaim, ExportEvidence, ExportPerson, ExportReply, ExportStance } from "@/lib/exporters/types";
import { evidenceLink } from "@/lib/format/evidence";
import { EVIDENCE_PASSAGE_JOIN } from "../claims/evidence-sql";

export interface ExportAuthor extends ExportPerson {
  emailSha1: string;
}

/** An annotation as the batch statement lists it, in this order. Times are milliseconds since 1970 (the columns are UTC). */
type AnnotationTuple = [
  id: string,
  passageId: string,
  passageIndex: number,
  kind: AnnotationKindName,
  visibility: ExportAnnotation["visibility"],
  body: string,
  claimSummary: string | null,
  start: number,
  end: number,
  quote: string,
  prefix: string,
  suffix: string,
  status: ExportAnnotation["status"],
  verdict: VerdictName,
  createdAt: number,
  editedAt: number | null,
  importedCreator: string | null,
  authorId: string,
  tags: string[],
  supports: number,
  disputes: number,
  needsEvidence: number,
  verdictSetById: string | null,
  verdictSetByName: string | null,
  verdictSetAt: number | null,
  stances: StanceTuple[] | null,
  assigneeId: string | null,
  assigneeName: string | null,
  dueAt: string | null,
];

/** A stance, with where its evidence is (`ev`, see evidence-sql.ts). */
type StanceTuple = [
  userId: string,
  userName: string,
  stance: StanceName,
  note: string | null,
  evidenceUrl: string | null,
  evidenceAnnotationId: string | null,
  evidenceReportId: string | null,
  evidenceReportTitle: string | null,
  evidenceIndex: number | null,
  evidenceVersion: number | null,
  evidenceCurrent: boolean | null,
  updatedAt: number,
];

type ReplyTuple = [
  annotationId: string,
  id: string,
  body: string,
  createdAt: number,
  editedAt: number | null,
  importedCreator: string | null,
  authorId: string,
  authorName: string,
];

/** The stances taken on each annotation, counted (only claims take stances, and only claims show them): for the claims table. */
const TALLY = `
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE s.stance = 'supports')::int AS supports,
           count(*) FILTER (WHERE s.stance = 'disputes')::int AS disputes,
           count(*) FILTER (WHERE s.stance = 'needs_evidence')::int AS "needsEvidence"
    FROM claim_stances s WHERE s.annotation_id = a.id
  ) tally ON true`;

/** The ¶ number, looked up row by row: a join made Postgres hash every passage of every report for each batch. */
const PASSAGE_INDEX = `(SELECT p.index FROM passages p WHERE p.id = a.passage_id)`;

/** A timestamp column (UTC, millisecond precision) as a JSON number of milliseconds: `new Date(n)` reads it exactly. */
const millis = (column: string) => `(extract(epoch FROM ${column}) * 1000)::bigint`;

/** The tally, and the stances themselves in the order they were taken: one look at claim_stances per annotation. */
const STANCES = `
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE s.stance = 'supports')::int AS supports,
           count(*) FILTER (WHERE s.stance = 'disputes')::int AS disputes,
           count(*) FILTER (WHERE s.stance = 'needs_evidence')::int AS "needsEvidence",
           json_agg(json_build_array(su.id, su.name, s.stance, s.note, s.evidence_url, s.evidence_annotation_id,
                                     ev.report_id, ev.report_title, ev.index, ev.version, ev.current, ${millis("s.updated_at")})
                    ORDER BY s.created_at, s.id) AS list
    FROM claim_stances s JOIN users su ON su.id = s.user_id ${EVIDENCE_PASSAGE_JOIN}
    WHERE s.annotation_id = a.id
  ) tally ON true`;

/** The ids, given as `$1`: one JSON text, unpacked by Postgres (cheaper to send than a text[] of 500). */
const ID_LIST = `ARRAY(SELECT json_array_elements_text($1::json))`;

const ANNOTATIONS = `
  SELECT json_agg(json_build_array(
           a.id, a.passage_id, ${PASSAGE_INDEX}, a.kind, a.visibility, a.body, a.claim_summary, a.start, a."end",
           a.quote, a.prefix, a.suffix, a.status, a.verdict, ${millis("a.created_at")}, ${millis("a.edited_at")},
           a.imported_creator, a.author_id,
           ARRAY(SELECT t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = a.id ORDER BY t.name_key),
           tally.supports, tally.disputes, tally."needsEvidence",
           a.verdict_set_by_id, (SELECT vu.name FROM users vu WHERE vu.id = a.verdict_set_by_id), ${millis("a.verdict_set_at")},
           tally.list, a.assignee_id, (SELECT au.name FROM users au WHERE au.id = a.assignee_id), to_char(a.due_at, 'YYYY-MM-DD'))) AS rows
  FROM annotations a ${STANCES}
  WHERE a.id = ANY(${ID_LIST})`;

const REPLIES = `
  SELECT json_agg(json_build_array(r.annotation_id, r.id, r.body, ${millis("r.created_at")}, ${millis("r.edited_at")},
                                   r.imported_creator, u.id, u.name) ORDER BY r.annotation_id, r.seq) AS rows
  FROM replies r JOIN users u ON u.id = r.author_id
  WHERE r.annotation_id = ANY(${ID_LIST}) AND r.deleted_at IS NULL`;

const CLAIMS = `
  SELECT json_agg(json_build_array(a.id, ${PASSAGE_INDEX}, a.claim_summary, a.quote, a.verdict, tally.supports, tally.disputes, tally."needsEvidence",
                                   a.verdict_set_by_id, (SELECT vu.name FROM users vu WHERE vu.id = a.verdict_set_by_id), ${millis("a.verdict_set_at")})) AS rows
  FROM annotations a ${TALLY}
  WHERE a.id = ANY(${ID_LIST})`;

type ClaimTuple = [
  id: string,
  passageIndex: number,
  claimSummary: string | null,
  quote: string,
  verdict: VerdictName,
  supports: number,
  disputes: number,
  needsEvidence: number,
  verdictSetById: string | null,
  verdictSetByName: string | null,
  verdictSetAt: number | null,
];

/** One of the statements above, for these ids: its JSON array (none when no row matched). */
async function readTuples<T>(name: string, sql: string, ids: string[]): Promise<T[]> {
  const [row] = await sqlQuery<{ rows: T[] | null }>({ text: sql, values: [JSON.stringify(ids)] }, { prepare: `export-${name}` });
  return row?.rows ?? [];
}

const date = (ms: number) => new Date(ms);
const dateOrNull = (ms: number | null) => (ms === null ? null : new Date(ms));

/** Items in the order of `ids` (a statement's `= ANY` gives them in no particular one). */
function inOrder<T>(ids: string[], items: T[], idOf: (item: T) => string): T[] {
  const byId = new Map(items.map((item) => [idOf(item), item]));
  const ordered: T[] = [];
  // Not `flatMap`: it would spread the tuples.
  for (const id of ids) {
    const item = byId.get(id);
    if (item) ordered.push(item);
  }
  return ordered;
}

/** Where an export's links lead: the app's origin, and the report (with its workspace) the annotations are on. */
export interface ExportPlace {
  origin: string;
  slug: string;
  reportId: string;
}

const personOrNull = (id: string | null, name: string | null): ExportPerson | null => (id && name !== null ? { id, name } : null);

function evidenceOf(tuple: StanceTuple, place: ExportPlace): ExportEvidence | null {
  const [, , , , url, annotationId, reportId, reportTitle, index, version, current] = tuple;
  const passage =
    reportId !== null && reportTitle !== null && index !== null && version !== null
      ? { reportId, reportTitle, index, version, current: current === true }
      : null;
  const link = evidenceLink({ url, passageId: null, annotationId, passage }, place);
  if (!link) return null;
  return { label: link.label, url: link.external ? link.href : `${place.origin}${link.href}`, external: link.external };
}

function stancesOf(list: StanceTuple[] | null, place: ExportPlace): ExportStance[] {
  if (!list) return [];
  return list.map((tuple) => ({
    author: { id: tuple[0], name: tuple[1] },
    stance: tuple[2],
    note: tuple[3],
    evidence: evidenceOf(tuple, place),
    updatedAt: date(tuple[11]),
  }));
}

/**
 * The annotations with these ids, in the order given, with their tags (by name),
 * the claim tally and stances and, when asked, their replies oldest first.
 * `authors` must hold every annotation's author.
 */
export async function readAnnotations(
  ids: string[],
  options: { includeReplies: boolean; authors: Map<string, ExportAuthor>; place: ExportPlace },
): Promise<ExportAnnotation[]> {
  if (ids.length === 0) return [];
  const [rows, replies] = await Promise.all([
    readTuples<AnnotationTuple>("annotations", ANNOTATIONS, ids),
    options.includeReplies ? readReplies(ids) : new Map<string, ExportReply[]>(),
  ]);
  // Objects written out field by field: spreading rows into literals is slow in V8, at this many.
  return inOrder(ids, rows, (row) => row[0]).map((row) => {
    const [
      id,
      passageId,
      passageIndex,
      kind,
      visibility,
      body,
      claimSummary,
      start,
      end,
      quote,
      prefix,
      suffix,
      status,
      verdict,
      createdAt,
      editedAt,
      importedCreator,
      authorId,
      tags,
      supports,
      disputes,
      needsEvidence,
      verdictSetById,
      verdictSetByName,
      verdictSetAt,
      stances,
      assigneeId,
      assigneeName,
      dueAt,
    ] = row;
    const author = options.authors.get(authorId);
    if (!author) throw new Error(`export: the author of annotation ${id} was not read`);
    return {
      id,
      passageId,
      passageIndex,
      kind,
      visibility,
      body,
      claimSummary,
      start,
      end,
      quote,
      prefix,
      suffix,
      author,
      status,
      verdict,
      verdictSetBy: personOrNull(verdictSetById, verdictSetByName),
      verdictSetAt: dateOrNull(verdictSetAt),
      tally: { supports, disputes, needs_evidence: needsEvidence },
      stances: stancesOf(stances, options.place),
      tags,
      assignee: personOrNull(assigneeId, assigneeName),
      dueAt,
      createdAt: date(createdAt),
      editedAt: dateOrNull(editedAt),
      importedCreator,
      replies: replies.get(id) ?? [],
    };
  });
}

/** The replies (not deleted) of these annotations, oldest first, by annotation id. */
async function readReplies(annotationIds: string[]): Promise<Map<string, ExportReply[]>> {
  const rows = await readTuples<ReplyTuple>("replies", REPLIES, annotationIds);
  const byAnnotation = new Map<string, ExportReply[]>();
  for (const [annotationId, id, body, createdAt, editedAt, importedCreator, authorId, authorName] of rows) {
    let list = byAnnotation.get(annotationId);
    if (!list) byAnnotation.set(annotationId, (list = []));
    list.push({
      id,
      author: { id: authorId, name: authorName },
      body,
      createdAt: date(createdAt),
      editedAt: dateOrNull(editedAt),
      importedCreator,
    });
  }
  return byAnnotation;
}

/** The claims with these ids, in the order given: what the claims table shows of them. */
export async function readClaims(ids: string[]): Promise<ExportClaim[]> {
  if (ids.length === 0) return [];
  const rows = await readTuples<ClaimTuple>("claims", CLAIMS, ids);
  return inOrder(ids, rows, (row) => row[0]).map(
    ([
      ,
      passageIndex,
      claimSummary,
      quote,
      verdict,
      supports,
      disputes,
      needsEvidence,
      verdictSetById,
      verdictSetByName,
      verdictSetAt,
    ]) => ({
      passageIndex,
      claimSummary,
      quote,
      verdict,
      verdictSetBy: personOrNull(verdictSetById, verdictSetByName),
      verdictSetAt: dateOrNull(verdictSetAt),
      tally: { supports, disputes, needs_evidence: needsEvidence },
    }),
  );
}
