-- CreateEnum
CREATE TYPE "AnchorStatus" AS ENUM ('anchored', 'moved', 'orphaned');

-- AlterEnum
ALTER TYPE "PassageKind" ADD VALUE 'footnote';

-- AlterTable
ALTER TABLE "passages" ADD COLUMN     "page" INTEGER;

-- AlterTable
ALTER TABLE "annotations" ADD COLUMN     "anchor_status" "AnchorStatus" NOT NULL DEFAULT 'anchored';

-- CreateTable
CREATE TABLE "report_versions" (
    "id" TEXT NOT NULL,
    "report_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "source_format" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "anchored" INTEGER NOT NULL DEFAULT 0,
    "moved" INTEGER NOT NULL DEFAULT 0,
    "orphaned" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "report_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "annotation_anchors" (
    "annotation_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "passage_id" TEXT,
    "start" INTEGER,
    "end" INTEGER,
    "quote" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "status" "AnchorStatus" NOT NULL,

    CONSTRAINT "annotation_anchors_pkey" PRIMARY KEY ("annotation_id","version")
);

-- CreateIndex
CREATE UNIQUE INDEX "report_versions_report_id_version_key" ON "report_versions"("report_id", "version");

-- AddForeignKey
ALTER TABLE "report_versions" ADD CONSTRAINT "report_versions_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotation_anchors" ADD CONSTRAINT "annotation_anchors_annotation_id_fkey" FOREIGN KEY ("annotation_id") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Reports imported before versions existed get their first version row.
INSERT INTO "report_versions" ("id", "report_id", "version", "source_format", "created_by_id", "created_at")
SELECT 'rv_' || "id", "id", "version", "source_format", "created_by_id", "created_at" FROM "reports";
