import type { AnnotationView, EvidenceView } from "@/lib/domain/annotation";
import type { StanceName } from "@/lib/domain/words";

/** A stance as `annotationViewSql` reads it. */
export interface StanceRow {
  user: { id: string; name: string };
  stance: StanceName;
  note: string | null;
  evidenceUrl: string | null;
  evidencePassageId: string | null;
  evidenceAnnotationId: string | null;
  evidencePassage: EvidenceView["passage"];
  updatedAt: Date;
}

/** An annotation as read from the database (lib/server/annotations/read-views.ts), or as just written. */
export interface AnnotationRow extends Omit<AnnotationView, "passageIndex" | "tags" | "replyCount" | "tally" | "stances"> {
  passage: { index: number };
  tags: { tag: { name: string } }[];
  stances: StanceRow[];
  _count: { replies: number };
}

export function toAnnotationView({ passage, tags, stances, _count, ...row }: AnnotationRow): AnnotationView {
  const tally: Record<StanceName, number> = { supports: 0, disputes: 0, needs_evidence: 0 };
  for (const s of stances) tally[s.stance] += 1;
  return {
    ...row,
    passageIndex: passage.index,
    tags: tags.map((t) => t.tag.name),
    replyCount: _count.replies,
    tally,
    stances: stances.map((s) => ({
      user: s.user,
      stance: s.stance,
      note: s.note,
      evidence:
        s.evidenceUrl || s.evidencePassageId || s.evidenceAnnotationId
          ? { url: s.evidenceUrl, passageId: s.evidencePassageId, annotationId: s.evidenceAnnotationId, passage: s.evidencePassage }
          : null,
      updatedAt: s.updatedAt,
    })),
  };
}
