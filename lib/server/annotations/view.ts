import type { Prisma } from "@/generated/prisma/client";

export type StanceName = "supports" | "disputes" | "needs_evidence";
export type VerdictName = "unverified" | "supported" | "contested" | "refuted";

export interface StanceView {
  user: { id: string; name: string };
  stance: StanceName;
  note: string | null;
  evidence: { url: string | null; passageId: string | null; annotationId: string | null } | null;
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

export const annotationSelect = {
  id: true,
  reportId: true,
  passageId: true,
  kind: true,
  visibility: true,
  body: true,
  claimSummary: true,
  start: true,
  end: true,
  quote: true,
  prefix: true,
  suffix: true,
  status: true,
  anchorStatus: true,
  resolvedAt: true,
  verdict: true,
  version: true,
  editedAt: true,
  importedCreator: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, name: true } },
  passage: { select: { index: true } },
  tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { nameKey: "asc" } } },
  stances: {
    select: {
      stance: true,
      note: true,
      evidenceUrl: true,
      evidencePassageId: true,
      evidenceAnnotationId: true,
      updatedAt: true,
      user: { select: { id: true, name: true } },
    },
    orderBy: { createdAt: "asc" },
  },
  _count: { select: { replies: { where: { deletedAt: null } } } },
} satisfies Prisma.AnnotationSelect;

export type AnnotationRow = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;

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
          ? { url: s.evidenceUrl, passageId: s.evidencePassageId, annotationId: s.evidenceAnnotationId }
          : null,
      updatedAt: s.updatedAt,
    })),
  };
}
