import { annotationSharedSql } from "../annotations/visibility";

/**
 * Where a stance's evidence points, as SQL: a LATERAL join, for a row `s` of
 * claim_stances, that gives `ev` (report_id, report_title, index, version,
 * current) — the passage named as evidence, or the passage an annotation named
 * as evidence marks. An annotation shows only while it is shared and not
 * deleted: evidence never reveals another member's private one. Used by the
 * API's annotation view and by the exports, so they place evidence alike. (Plain text for
 * positional-parameter statements: the shared test binds nothing, so its text stands alone.)
 */
export const EVIDENCE_PASSAGE_JOIN = `
  LEFT JOIN LATERAL (
    SELECT ep.report_id, er.title AS report_title, ep.index, ep.version, ep.version = er.version AS current
    FROM passages ep JOIN reports er ON er.id = ep.report_id
    WHERE ep.id = COALESCE(
      s.evidence_passage_id,
      (SELECT ea.passage_id FROM annotations ea WHERE ea.id = s.evidence_annotation_id AND ea.deleted_at IS NULL AND ${annotationSharedSql("ea").text})
    )
  ) ev ON true`;

/** `ev` as a JSON object in the shape of EvidencePassage (lib/format/evidence.ts), or null. */
export const EVIDENCE_PASSAGE_JSON = `CASE WHEN ev.report_id IS NULL THEN NULL ELSE json_build_object('reportId', ev.report_id, 'reportTitle', ev.report_title, 'index', ev.index, 'version', ev.version, 'current', ev.current) END`;
