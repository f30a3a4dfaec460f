-- Issue 21, citations: what a reference to a report needs beyond its title, authors,
-- publisher, date, language and address. `creators` holds the authors as CSL names
-- (a person's family and given names, or an institution's literal name); NULL keeps
-- reading them from the display names in `authors`, as every report imported before did.
ALTER TABLE "reports"
  ADD COLUMN "creators" JSONB,
  ADD COLUMN "place" TEXT,
  ADD COLUMN "report_number" TEXT,
  ADD COLUMN "series" TEXT,
  ADD COLUMN "doi" TEXT,
  ADD COLUMN "accessed_at" DATE;
