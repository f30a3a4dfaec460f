import type { EvidenceView } from "@/lib/format/evidence";

export type StanceName = "supports" | "disputes" | "needs_evidence";
export type VerdictName = "unverified" | "supported" | "contested" | "refuted";

export interface StanceView {
  user: { id: string; name: string };
  stance: StanceName;
  note: string | null;
  evidence: EvidenceView | null;
  updatedAt: Date;
}

export interface AnnotationView {
  id: string;
  reportId: string;
  passageId: string;
  passageIndex: number;
  kind: "highlight" | "comment" | "question" | "claim";
  visibility: "private" | "workspace";
  body: string;
  claimSummary: string | null;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  author: { id: string; name: string };
  status: "open" | "resolved";
  /** How the anchor survived the report's last new version. */
  anchorStatus: "anchored" | "moved" | "orphaned";
  resolvedAt: Date | null;
  verdict: VerdictName;
  /** Who last set the verdict (null while nobody has, or when their account is gone), and when. */
  verdictSetBy: { id: string; name: string } | null;
  verdictSetAt: Date | null;
  tags: string[];
  replyCount: number;
  tally: Record<StanceName, number>;
  stances: StanceView[];
  version: number;
  editedAt: Date | null;
  /** Who wrote it in the tool it was imported from, when that person is not a member. */
  importedCreator: string | null;
  createdAt: Date;
  updatedAt: Date;
}

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
