/**
 * The reads behind an export's annotations, by id: which ids is decided
 * beforehand with the access and filter rules (gather.ts), so these only
 * fetch what the formats print. Plain SQL, one statement per batch for the
 * annotations (tags and the claim tally aggregated in it) and one for their
 * replies, instead of Prisma's nested reads and the objects they build.
 */
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { AnnotationKindName, ExportAnnotation, ExportClaim, ExportPerson, ExportReply, StanceName, VerdictName } from "@/lib/exporters/types";

export interface ExportAuthor extends ExportPerson {
  emailSha1: string;
}

interface AnnotationRow {
  id: string;
  passageId: string;
  passageIndex: number;
  kind: AnnotationKindName;
  visibility: ExportAnnotation["visibility"];
  body: string;
  claimSummary: string | null;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  status: ExportAnnotation["status"];
  verdict: VerdictName;
  createdAt: Date;
  editedAt: Date | null;
  importedCreator: string | null;
  authorId: string;
  tags: string[];
  supports: number;
  disputes: number;
  needsEvidence: number;
}

/** The stances taken on each annotation, counted (only claims take stances, and only claims show them). */
const TALLY = Prisma.raw(`
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE s.stance = 'supports')::int AS supports,
           count(*) FILTER (WHERE s.stance = 'disputes')::int AS disputes,
           count(*) FILTER (WHERE s.stance = 'needs_evidence')::int AS "needsEvidence"
    FROM claim_stances s WHERE s.annotation_id = a.id
  ) tally ON true`);

/** The ¶ number, looked up row by row: a join made Postgres hash every passage of every report for each batch. */
const PASSAGE_INDEX = Prisma.raw(`(SELECT p.index FROM passages p WHERE p.id = a.passage_id) AS "passageIndex"`);

function tallyOf(row: Pick<AnnotationRow, "supports" | "disputes" | "needsEvidence">): Record<StanceName, number> {
  return { supports: row.supports, disputes: row.disputes, needs_evidence: row.needsEvidence };
}

/** Rows in the order of `ids` (a statement's `= ANY` gives them in no particular one). */
function inOrder<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The annotations with these ids, in the order given, with their tags (by name),
 * the claim tally and, when asked, their replies oldest first. `authors` must hold
 * every annotation's author.
 */
export async function readAnnotations(ids: string[], options: { includeReplies: boolean; authors: Map<string, ExportAuthor> }): Promise<ExportAnnotation[]> {
  if (ids.length === 0) return [];
  const [rows, replies] = await Promise.all([
    db.$queryRaw<AnnotationRow[]>`
      SELECT a.id, a.passage_id AS "passageId", ${PASSAGE_INDEX}, a.kind::text AS kind, a.visibility::text AS visibility,
              a.body, a.claim_summary AS "claimSummary", a.start, a."end", a.quote, a.prefix, a.suffix,
              a.status::text AS status, a.verdict::text AS verdict, a.created_at AS "createdAt", a.edited_at AS "editedAt",
              a.imported_creator AS "importedCreator", a.author_id AS "authorId",
              ARRAY(SELECT t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = a.id ORDER BY t.name_key) AS tags,
              tally.supports, tally.disputes, tally."needsEvidence"
       FROM annotations a ${TALLY}
       WHERE a.id = ANY(${ids}::text[])`,
    options.includeReplies ? readReplies(ids) : new Map<string, ExportReply[]>(),
  ]);
  // Objects written out field by field: spreading rows into literals is slow in V8, at this many.
  return inOrder(ids, rows).map((row) => {
    const author = options.authors.get(row.authorId);
    if (!author) throw new Error(`export: the author of annotation ${row.id} was not read`);
    return {
      id: row.id,
      passageId: row.passageId,
      passageIndex: row.passageIndex,
      kind: row.kind,
      visibility: row.visibility,
      body: row.body,
      claimSummary: row.claimSummary,
      start: row.start,
      end: row.end,
      quote: row.quote,
      prefix: row.prefix,
      suffix: row.suffix,
      author,
      status: row.status,
      verdict: row.verdict,
      tally: tallyOf(row),
      tags: row.tags,
      createdAt: row.createdAt,
      editedAt: row.editedAt,
      importedCreator: row.importedCreator,
      replies: replies.get(row.id) ?? [],
    };
  });
}

interface ReplyRow extends Omit<ExportReply, "author"> {
  annotationId: string;
  authorId: string;
  authorName: string;
}

/** The replies (not deleted) of these annotations, oldest first, by annotation id. */
async function readReplies(annotationIds: string[]): Promise<Map<string, ExportReply[]>> {
  const rows = await db.$queryRaw<ReplyRow[]>`
    SELECT r.id, r.annotation_id AS "annotationId", r.body, r.created_at AS "createdAt", r.edited_at AS "editedAt",
            r.imported_creator AS "importedCreator", u.id AS "authorId", u.name AS "authorName"
     FROM replies r JOIN users u ON u.id = r.author_id
     WHERE r.annotation_id = ANY(${annotationIds}::text[]) AND r.deleted_at IS NULL
     ORDER BY r.annotation_id, r.seq`;
  const byAnnotation = new Map<string, ExportReply[]>();
  for (const row of rows) {
    let list = byAnnotation.get(row.annotationId);
    if (!list) byAnnotation.set(row.annotationId, (list = []));
    list.push({
      id: row.id,
      author: { id: row.authorId, name: row.authorName },
      body: row.body,
      createdAt: row.createdAt,
      editedAt: row.editedAt,
      importedCreator: row.importedCreator,
    });
  }
  return byAnnotation;
}

/** The claims with these ids, in the order given: what the claims table shows of them. */
export async function readClaims(ids: string[]): Promise<ExportClaim[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<(Omit<ExportClaim, "tally"> & { id: string; supports: number; disputes: number; needsEvidence: number })[]>`
    SELECT a.id, ${PASSAGE_INDEX}, a.claim_summary AS "claimSummary", a.quote, a.verdict::text AS verdict,
            tally.supports, tally.disputes, tally."needsEvidence"
     FROM annotations a ${TALLY}
     WHERE a.id = ANY(${ids}::text[])`;
  return inOrder(ids, rows).map((row) => ({ passageIndex: row.passageIndex, claimSummary: row.claimSummary, quote: row.quote, verdict: row.verdict, tally: tallyOf(row) }));
}
