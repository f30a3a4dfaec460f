-- CreateTable
CREATE TABLE "report_events" (
    "id" BIGSERIAL NOT NULL,
    "report_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "item_type" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "parent_id" TEXT,
    "actor_id" TEXT,
    "only_user_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "presence" (
    "session_id" TEXT NOT NULL,
    "report_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "passage_index" INTEGER,
    "seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "presence_pkey" PRIMARY KEY ("session_id")
);

-- CreateTable
CREATE TABLE "notes_documents" (
    "report_id" TEXT NOT NULL,
    "state" BYTEA NOT NULL,
    "through_id" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "notes_documents_pkey" PRIMARY KEY ("report_id")
);

-- CreateTable
CREATE TABLE "notes_updates" (
    "id" BIGSERIAL NOT NULL,
    "report_id" TEXT NOT NULL,
    "update" BYTEA NOT NULL,
    "origin" TEXT NOT NULL,
    "user_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notes_updates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "report_events_report_id_id_idx" ON "report_events"("report_id", "id");

-- CreateIndex
CREATE INDEX "presence_report_id_seen_at_idx" ON "presence"("report_id", "seen_at");

-- CreateIndex
CREATE INDEX "notes_updates_report_id_id_idx" ON "notes_updates"("report_id", "id");

-- AddForeignKey
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "presence" ADD CONSTRAINT "presence_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "presence" ADD CONSTRAINT "presence_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notes_documents" ADD CONSTRAINT "notes_documents_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notes_updates" ADD CONSTRAINT "notes_updates_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

