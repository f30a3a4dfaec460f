-- Inline formatting (bold, italic, links) and ordered list numbers kept from imported documents
ALTER TABLE "passages" ADD COLUMN     "list_number" INTEGER,
ADD COLUMN     "marks" JSONB;
