/** Where the reader reads its annotations (and orphans) from, shared by the server page (which preloads it) and the reader. */

import type { ReaderAnnotation } from "./types";

/** Annotations per request while the rest of a long report's annotations are read. */
export const READER_PAGE = 500;

/** The list the reader reads its annotations from: the current version's, or an earlier one's. */
export const readerListPath = (reportId: string, version: number | null) =>
  `/api/v1/reports/${reportId}/annotations${version ? `?version=${version}` : ""}`;

/** A page of `GET /api/v1/reports/{id}/orphans`: `total` counts all of them. */
export interface OrphansPage {
  orphans: ReaderAnnotation[];
  nextCursor: string | null;
  total: number;
}

/** How many orphans the reader page brings with it; "Show more" reads the rest a page at a time. */
export const ORPHANS_FIRST_PAGE = 20;
