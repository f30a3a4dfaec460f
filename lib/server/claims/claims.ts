import "server-only";
import { db, type Tx } from "@/lib/db";
import type { AnnotationView } from "@/lib/domain/annotation";
import type { VerdictName } from "@/lib/domain/words";
import { invalidField } from "@/lib/errors";
import type { StanceInput } from "@/lib/validations/annotation";
import { getAnnotationAccessOrThrow } from "../annotations/access";
import { readAnnotationView } from "../annotations/read-views";
import { annotationVisibleWhere } from "../annotations/visibility";
import { notify } from "../notifications/notify";
import { requireRole } from "../workspaces/access";
import { audienceOf, recordEvent } from "../events/events";

function requireClaim(kind: string) {
  if (kind !== "claim") throw invalidField("kind", "Stances and verdicts apply to claims only.");
}

const view = (tx: Tx, annotationId: string): Promise<AnnotationView> => readAnnotationView(annotationId, tx);

/** Evidence must point inside the same workspace, at something the user can see. */
async function checkEvidence(tx: Tx, userId: string, workspaceId: string, evidence: StanceInput["evidence"]) {
  if (evidence?.passageId) {
    const passage = await tx.passage.findFirst({ where: { id: evidence.passageId, report: { workspaceId } }, select: { id: true } });
    if (!passage) throw invalidField("evidence.passageId", "The evidence passage is not in this workspace.");
  }
  if (evidence?.annotationId) {
    const annotation = await tx.annotation.findFirst({
      where: { id: evidence.annotationId, deletedAt: null, report: { workspaceId }, ...annotationVisibleWhere(userId) },
      select: { id: true },
    });
    if (!annotation) throw invalidField("evidence.annotationId", "The evidence annotation is not in this workspace.");
  }
}

/** Takes (or changes) the user's one stance on a claim. */
export async function putStance(options: { userId: string; annotationId: string } & StanceInput): Promise<AnnotationView> {
  return db.$transaction(async (tx) => {
    const { annotation, role, workspaceId } = await getAnnotationAccessOrThrow(options, tx);
    requireRole(role, "annotator", "take a stance on claims");
    requireClaim(annotation.kind);
    await checkEvidence(tx, options.userId, workspaceId, options.evidence);
    const data = {
      stance: options.stance,
      note: options.note || null,
      evidenceUrl: options.evidence?.url ?? null,
      evidencePassageId: options.evidence?.passageId ?? null,
      evidenceAnnotationId: options.evidence?.annotationId ?? null,
    };
    await tx.claimStance.upsert({
      where: { annotationId_userId: { annotationId: annotation.id, userId: options.userId } },
      create: { annotationId: annotation.id, userId: options.userId, ...data },
      update: data,
    });
    await recordEvent(tx, {
      reportId: annotation.reportId,
      type: "stance.changed",
      itemType: "annotation",
      itemId: annotation.id,
      actorId: options.userId,
      onlyUserId: audienceOf(annotation),
    });
    return view(tx, annotation.id);
  });
}

export async function removeStance(options: { userId: string; annotationId: string }): Promise<AnnotationView> {
  return db.$transaction(async (tx) => {
    const { annotation, role } = await getAnnotationAccessOrThrow(options, tx);
    requireRole(role, "annotator", "take a stance on claims");
    requireClaim(annotation.kind);
    await tx.claimStance.deleteMany({ where: { annotationId: annotation.id, userId: options.userId } });
    await recordEvent(tx, {
      reportId: annotation.reportId,
      type: "stance.changed",
      itemType: "annotation",
      itemId: annotation.id,
      actorId: options.userId,
      onlyUserId: audienceOf(annotation),
    });
    return view(tx, annotation.id);
  });
}

/**
 * An editor's verdict on a claim, with who set it and when. Its author is
 * notified (`verdict`), and so is every member who took a stance on it
 * (`stance_verdict`): each person once, the author by the first.
 */
export async function setVerdict(options: { userId: string; annotationId: string; verdict: VerdictName }): Promise<AnnotationView> {
  return db.$transaction(async (tx) => {
    const { annotation, role, workspaceId } = await getAnnotationAccessOrThrow(options, tx);
    requireRole(role, "editor", "set verdicts on claims");
    requireClaim(annotation.kind);
    const before = await tx.annotation.findUniqueOrThrow({ where: { id: annotation.id }, select: { verdict: true } });
    if (before.verdict !== options.verdict) {
      await tx.annotation.update({
        where: { id: annotation.id },
        data: { verdict: options.verdict, verdictSetById: options.userId, verdictSetAt: new Date(), version: { increment: 1 } },
      });
      const about = { actorId: options.userId, workspaceId, reportId: annotation.reportId, annotationId: annotation.id };
      await notify(tx, { ...about, type: "verdict", recipientIds: [annotation.authorId] });
      const stances = await tx.claimStance.findMany({ where: { annotationId: annotation.id }, select: { userId: true } });
      await notify(tx, {
        ...about,
        type: "stance_verdict",
        recipientIds: stances.map((s) => s.userId).filter((id) => id !== annotation.authorId),
      });
      await recordEvent(tx, {
        reportId: annotation.reportId,
        type: "verdict.changed",
        itemType: "annotation",
        itemId: annotation.id,
        actorId: options.userId,
        onlyUserId: audienceOf(annotation),
      });
    }
    return view(tx, annotation.id);
  });
}
