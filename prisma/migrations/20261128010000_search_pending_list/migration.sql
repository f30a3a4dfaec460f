-- Search reads the pending list of a GIN index (entries not yet merged into
-- the index) from end to end, on every lookup. With the default limit of 4 MB,
-- rows written through the API pile up there between vacuums: 4,000 new
-- annotations made each lookup of a word 2 ms slower (0.5 ms to 2.5 ms), and a
-- full list would cost several times that. A 128 kB list is merged every few
-- hundred rows, which costs the writes little (2,000 single-row INSERTs took
-- about as long as with 4 MB, and with fastupdate turned off half as long again).
ALTER INDEX "passages_search_idx" SET (gin_pending_list_limit = 128);
ALTER INDEX "annotations_search_idx" SET (gin_pending_list_limit = 128);
ALTER INDEX "replies_search_idx" SET (gin_pending_list_limit = 128);
ALTER INDEX "report_notes_search_idx" SET (gin_pending_list_limit = 128);
