-- Issue 18: the team notes notify the members they mention, and a verdict
-- notifies the members who took a stance on the claim, not only its author.
ALTER TYPE "NotificationType" ADD VALUE 'notes_mention';
ALTER TYPE "NotificationType" ADD VALUE 'stance_verdict';

-- A mention in the team notes is about the report, not about an annotation.
ALTER TABLE "notifications" ALTER COLUMN "annotation_id" DROP NOT NULL;

-- Who set a claim's verdict, and when: the exports and the Claims view say so.
ALTER TABLE "annotations" ADD COLUMN "verdict_set_at" TIMESTAMP(3),
ADD COLUMN "verdict_set_by_id" TEXT;

-- Verdicts set before these columns existed: their newest verdict.changed
-- event knows who set them and when (the activity feed reads the same events).
UPDATE "annotations" AS a
SET "verdict_set_by_id" = e.actor_id, "verdict_set_at" = e.created_at
FROM (
  SELECT DISTINCT ON (item_id) item_id, actor_id, created_at
  FROM "report_events"
  WHERE type = 'verdict.changed' AND item_type = 'annotation'
  ORDER BY item_id, id DESC
) AS e
WHERE a.id = e.item_id AND a.kind = 'claim';
