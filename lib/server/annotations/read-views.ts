import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import type { AnnotationView } from "@/lib/domain/annotation";
import { EVIDENCE_PASSAGE_JOIN, EVIDENCE_PASSAGE_JSON } from "../claims/evidence-sql";
import { toAnnotationView, type AnnotationRow } from "./view";

/** A row of `annotationViewSql`: the stances' times come as JSON strings. */
export type AnnotationViewRow = Omit<AnnotationRow, "stances"> & {
  stances: (Omit<AnnotationRow["stances"][number], "updatedAt"> & { updatedAt: string })[];
};

/**
 * The views of the annotations in `source` (a table or a statement's
 * RETURNING rows, with the columns of `annotations`): every field of
 * AnnotationView, with tags, stances (their evidence placed) and the reply
 * count gathered by Postgres as JSON beside each row. The one way an
 * annotation is read for the API.
 */
export function annotationViewSql(source: Prisma.Sql, where: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`
    SELECT a.id, a.report_id AS "reportId", a.passage_id AS "passageId", a.kind::text AS kind, a.visibility::text AS visibility,
           a.body, a.claim_summary AS "claimSummary", a.start, a."end", a.quote, a.prefix, a.suffix,
           a.status::text AS status, a.anchor_status::text AS "anchorStatus", a.resolved_at AS "resolvedAt", a.verdict::text AS verdict,
           CASE WHEN vu.id IS NULL THEN NULL ELSE json_build_object('id', vu.id, 'name', vu.name) END AS "verdictSetBy", a.verdict_set_at AS "verdictSetAt",
           CASE WHEN au.id IS NULL THEN NULL ELSE json_build_object('id', au.id, 'name', au.name) END AS assignee,
           a.assigned_at AS "assignedAt", to_char(a.due_at, 'YYYY-MM-DD') AS "dueAt",
           a.version, a.edited_at AS "editedAt", a.imported_creator AS "importedCreator", a.created_at AS "createdAt", a.updated_at AS "updatedAt",
           json_build_object('id', u.id, 'name', u.name) AS author,
           json_build_object('index', p.index) AS passage,
           COALESCE((
             SELECT json_agg(json_build_object('tag', json_build_object('name', t.name)) ORDER BY t.name_key)
             FROM annotation_tags x JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = a.id
           ), '[]'::json) AS tags,
           COALESCE((
             SELECT json_agg(json_build_object(
                      'stance', s.stance, 'note', s.note, 'evidenceUrl', s.evidence_url,
                      'evidencePassageId', s.evidence_passage_id, 'evidenceAnnotationId', s.evidence_annotation_id,
                      'evidencePassage', ${Prisma.raw(EVIDENCE_PASSAGE_JSON)},
                      'updatedAt', s.updated_at AT TIME ZONE 'UTC', 'user', json_build_object('id', su.id, 'name', su.name))
                    ORDER BY s.created_at)
             FROM claim_stances s JOIN users su ON su.id = s.user_id ${Prisma.raw(EVIDENCE_PASSAGE_JOIN)}
             WHERE s.annotation_id = a.id
           ), '[]'::json) AS stances,
           json_build_object('replies', (SELECT count(*) FROM replies r WHERE r.annotation_id = a.id AND r.deleted_at IS NULL)) AS "_count"
    FROM ${source} a
    JOIN users u ON u.id = a.author_id
    JOIN passages p ON p.id = a.passage_id
    LEFT JOIN users vu ON vu.id = a.verdict_set_by_id
    LEFT JOIN users au ON au.id = a.assignee_id
    ${where}`;
}

/**
 * The views of these annotations in one query (Prisma's nested select took
 * five round trips and a reply count over the whole table). Visibility is not
 * checked here: pass ids the caller may see.
 */
export async function readAnnotationViews(ids: string[], client: Tx | typeof db = db): Promise<Map<string, AnnotationView>> {
  if (ids.length === 0) return new Map();
  const rows = await client.$queryRaw<AnnotationViewRow[]>(
    annotationViewSql(Prisma.sql`annotations`, Prisma.sql`WHERE a.id = ANY(${ids}::text[])`),
  );
  return new Map(rows.map((row) => [row.id, toAnnotationView(row)]));
}

/** One annotation's view, inside the caller's transaction (after a write): it must exist. */
export async function readAnnotationView(id: string, client: Tx | typeof db = db): Promise<AnnotationView> {
  const view = (await readAnnotationViews([id], client)).get(id);
  if (!view) throw new Error(`annotation ${id} was not found after it was written`);
  return view;
}
