-- Full-text search: a tsvector per searchable text, kept current by Postgres
-- itself as generated columns, with GIN indexes. The simple configuration
-- lower-cases and splits words without stemming, so Arabic and every other
-- script are indexed alike. These columns are not in schema.prisma because
-- Prisma cannot express generated columns. lib/server/search reads them.

ALTER TABLE "passages" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', "text")) STORED;
CREATE INDEX "passages_search_idx" ON "passages" USING GIN ("search");

ALTER TABLE "annotations" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce("claim_summary", '')), 'A') ||
    setweight(to_tsvector('simple', "body"), 'B') ||
    setweight(to_tsvector('simple', "quote"), 'C')
  ) STORED;
CREATE INDEX "annotations_search_idx" ON "annotations" USING GIN ("search");

ALTER TABLE "replies" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', "body")) STORED;
CREATE INDEX "replies_search_idx" ON "replies" USING GIN ("search");

ALTER TABLE "report_notes" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', "body")) STORED;
CREATE INDEX "report_notes_search_idx" ON "report_notes" USING GIN ("search");
