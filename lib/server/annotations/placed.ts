import { Prisma } from "@/generated/prisma/client";
import { annotationVisibleSql } from "./visibility";

/**
 * The annotations of a version of a report where the reader shows them, as
 * SQL: `a` (annotations), `p` (their passage in that version) and `k`, the
 * anchor in that version, which is the annotation itself in the current
 * version, or the anchor kept when an earlier version was replaced. Orphans
 * are left out; so are deleted annotations and others' private ones (the rule
 * of annotationVisibleSql).
 * The list of annotations and the reader's highlight index both read this.
 */
export function placedAnnotationsSql(options: { reportId: string; version: number; current: boolean; userId: string }): {
  from: Prisma.Sql;
  where: Prisma.Sql;
  k: Prisma.Sql;
} {
  const { reportId, version, current, userId } = options;
  const from = current
    ? Prisma.sql`annotations a JOIN passages p ON p.id = a.passage_id AND p.report_id = ${reportId} AND p.version = ${version} AND a.anchor_status <> 'orphaned'`
    : Prisma.sql`annotations a
        JOIN annotation_anchors k ON k.annotation_id = a.id AND k.version = ${version} AND k.status <> 'orphaned'
        JOIN passages p ON p.id = k.passage_id AND p.report_id = ${reportId} AND p.version = ${version}`;
  const where = Prisma.sql`a.report_id = ${reportId} AND a.deleted_at IS NULL AND ${annotationVisibleSql("a", userId)}`;
  return { from, where, k: Prisma.raw(current ? "a" : "k") };
}
