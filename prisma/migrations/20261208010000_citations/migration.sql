-- Issue 21, citations: what a reference to a report needs beyond its title, authors,
-- publisher, date, language and address. The creators column holds the authors as CSL
-- names (a person by family and given names, or an institution by its literal name);
-- while it is empty they are read from the display names in authors, as for every
-- report imported before.
ALTER TABLE "reports"
  ADD COLUMN "creators" JSONB,
  ADD COLUMN "place" TEXT,
  ADD COLUMN "report_number" TEXT,
  ADD COLUMN "series" TEXT,
  ADD COLUMN "doi" TEXT,
  ADD COLUMN "accessed_at" DATE;
