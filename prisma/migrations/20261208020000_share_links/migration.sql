-- Share links: a revocable, read-only link to a report for people outside the
-- workspace (/s/{token}). The token is found by its SHA-256 and kept sealed
-- (AES-256-GCM, a key derived from NEXTAUTH_SECRET) so editors can copy it again.
CREATE TYPE "ShareAnnotations" AS ENUM ('none', 'team');

CREATE TABLE "share_links" (
    "id" TEXT NOT NULL,
    "report_id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "sealed_token" TEXT NOT NULL,
    "annotations" "ShareAnnotations" NOT NULL,
    "include_notes" BOOLEAN NOT NULL DEFAULT false,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),
    "view_count" INTEGER NOT NULL DEFAULT 0,
    "last_viewed_at" TIMESTAMP(3),

    CONSTRAINT "share_links_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "share_links_token_hash_key" ON "share_links"("token_hash");

CREATE INDEX "share_links_report_id_created_at_idx" ON "share_links"("report_id", "created_at");

ALTER TABLE "share_links" ADD CONSTRAINT "share_links_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "share_links" ADD CONSTRAINT "share_links_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
