-- CreateEnum
CREATE TYPE "ThreadStatus" AS ENUM ('open', 'resolved');

-- CreateEnum
CREATE TYPE "Stance" AS ENUM ('supports', 'disputes', 'needs_evidence');

-- CreateEnum
CREATE TYPE "Verdict" AS ENUM ('unverified', 'supported', 'contested', 'refuted');

-- CreateEnum
CREATE TYPE "NotificationType" AS ENUM ('mention', 'reply', 'verdict');

-- AlterTable
ALTER TABLE "annotations" ADD COLUMN     "claim_summary" TEXT,
ADD COLUMN     "deleted_at" TIMESTAMP(3),
ADD COLUMN     "deleted_by_id" TEXT,
ADD COLUMN     "edited_at" TIMESTAMP(3),
ADD COLUMN     "resolved_at" TIMESTAMP(3),
ADD COLUMN     "resolved_by_id" TEXT,
ADD COLUMN     "status" "ThreadStatus" NOT NULL DEFAULT 'open',
ADD COLUMN     "verdict" "Verdict" NOT NULL DEFAULT 'unverified';

-- CreateTable
CREATE TABLE "annotation_revisions" (
    "id" TEXT NOT NULL,
    "annotation_id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "claim_summary" TEXT,
    "edited_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "annotation_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "replies" (
    "id" TEXT NOT NULL,
    "seq" SERIAL NOT NULL,
    "annotation_id" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "edited_at" TIMESTAMP(3),
    "deleted_at" TIMESTAMP(3),
    "deleted_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "replies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reply_revisions" (
    "id" TEXT NOT NULL,
    "reply_id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "edited_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reply_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim_stances" (
    "id" TEXT NOT NULL,
    "annotation_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "stance" "Stance" NOT NULL,
    "note" TEXT,
    "evidence_url" TEXT,
    "evidence_passage_id" TEXT,
    "evidence_annotation_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "claim_stances_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tags" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tags_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "annotation_tags" (
    "annotation_id" TEXT NOT NULL,
    "tag_id" TEXT NOT NULL,

    CONSTRAINT "annotation_tags_pkey" PRIMARY KEY ("annotation_id","tag_id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "type" "NotificationType" NOT NULL,
    "actor_id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "report_id" TEXT NOT NULL,
    "annotation_id" TEXT NOT NULL,
    "reply_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMP(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "annotation_revisions_annotation_id_created_at_idx" ON "annotation_revisions"("annotation_id", "created_at");

-- CreateIndex
CREATE INDEX "replies_annotation_id_seq_idx" ON "replies"("annotation_id", "seq");

-- CreateIndex
CREATE INDEX "reply_revisions_reply_id_created_at_idx" ON "reply_revisions"("reply_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "claim_stances_annotation_id_user_id_key" ON "claim_stances"("annotation_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "tags_workspace_id_name_key_key" ON "tags"("workspace_id", "name_key");

-- CreateIndex
CREATE INDEX "annotation_tags_tag_id_idx" ON "annotation_tags"("tag_id");

-- CreateIndex
CREATE INDEX "notifications_user_id_read_at_created_at_idx" ON "notifications"("user_id", "read_at", "created_at");

-- AddForeignKey
ALTER TABLE "annotation_revisions" ADD CONSTRAINT "annotation_revisions_annotation_id_fkey" FOREIGN KEY ("annotation_id") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "replies" ADD CONSTRAINT "replies_annotation_id_fkey" FOREIGN KEY ("annotation_id") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "replies" ADD CONSTRAINT "replies_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reply_revisions" ADD CONSTRAINT "reply_revisions_reply_id_fkey" FOREIGN KEY ("reply_id") REFERENCES "replies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_stances" ADD CONSTRAINT "claim_stances_annotation_id_fkey" FOREIGN KEY ("annotation_id") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_stances" ADD CONSTRAINT "claim_stances_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tags" ADD CONSTRAINT "tags_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotation_tags" ADD CONSTRAINT "annotation_tags_annotation_id_fkey" FOREIGN KEY ("annotation_id") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotation_tags" ADD CONSTRAINT "annotation_tags_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "tags"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

