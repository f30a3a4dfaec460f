-- Issue 20: email notifications and digests, assigned threads with due dates,
-- and single sign-on.
ALTER TYPE "NotificationType" ADD VALUE 'assignment';
ALTER TYPE "NotificationType" ADD VALUE 'due_soon';

CREATE TYPE "EmailMode" AS ENUM ('off', 'instant', 'daily', 'weekly');
CREATE TYPE "EmailState" AS ENUM ('pending', 'sent', 'skipped', 'failed');

-- An account made by single sign-on has no password until it sets one.
ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL,
ADD COLUMN "email_verified_at" TIMESTAMP(3);

-- A thread assigned to a member, with an optional due date.
ALTER TABLE "annotations" ADD COLUMN "assignee_id" TEXT,
ADD COLUMN "assigned_by_id" TEXT,
ADD COLUMN "assigned_at" TIMESTAMP(3),
ADD COLUMN "due_at" DATE,
ADD COLUMN "due_soon_notified_at" TIMESTAMP(3);
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "annotations_assignee_id_status_due_at_idx" ON "annotations"("assignee_id", "status", "due_at");

-- Each notification's email. Those recorded before email existed are not
-- sent: a deployment does not mail everyone their whole history.
ALTER TABLE "notifications" ADD COLUMN "email_state" "EmailState" NOT NULL DEFAULT 'pending',
ADD COLUMN "emailed_at" TIMESTAMP(3);
UPDATE "notifications" SET "email_state" = 'skipped';
CREATE INDEX "notifications_email_state_created_at_idx" ON "notifications"("email_state", "created_at");

CREATE TABLE "identities" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMP(3),
    CONSTRAINT "identities_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "identities_issuer_subject_key" ON "identities"("issuer", "subject");
CREATE INDEX "identities_user_id_idx" ON "identities"("user_id");
ALTER TABLE "identities" ADD CONSTRAINT "identities_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "notification_settings" (
    "user_id" TEXT NOT NULL,
    "email" "EmailMode" NOT NULL DEFAULT 'daily',
    "by_kind" JSONB NOT NULL DEFAULT '{}',
    "digest_hour" INTEGER NOT NULL DEFAULT 8,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "last_digest_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "notification_settings_pkey" PRIMARY KEY ("user_id")
);
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "email_failures" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "email_failures_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "email_failures_user_id_created_at_idx" ON "email_failures"("user_id", "created_at");
ALTER TABLE "email_failures" ADD CONSTRAINT "email_failures_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
