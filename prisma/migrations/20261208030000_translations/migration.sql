-- Issue 21: a report may be the translation of another, and the two have an alignment that
-- pairs their passages (1:1, 1:2, 2:1, or unmatched), kept in its own table.
ALTER TABLE "reports" ADD COLUMN "translation_of_id" TEXT;
CREATE INDEX "reports_translation_of_id_idx" ON "reports"("translation_of_id");
ALTER TABLE "reports" ADD CONSTRAINT "reports_translation_of_id_fkey" FOREIGN KEY ("translation_of_id") REFERENCES "reports"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "report_alignments" (
    "id" TEXT NOT NULL,
    "source_report_id" TEXT NOT NULL,
    "target_report_id" TEXT NOT NULL,
    "pairs" JSONB NOT NULL,
    "unaligned" JSONB NOT NULL,
    "updated_by_id" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "report_alignments_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "report_alignments_source_report_id_target_report_id_key" ON "report_alignments"("source_report_id", "target_report_id");
CREATE INDEX "report_alignments_target_report_id_idx" ON "report_alignments"("target_report_id");
ALTER TABLE "report_alignments" ADD CONSTRAINT "report_alignments_source_report_id_fkey" FOREIGN KEY ("source_report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report_alignments" ADD CONSTRAINT "report_alignments_target_report_id_fkey" FOREIGN KEY ("target_report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;
