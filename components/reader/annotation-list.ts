/** Where the reader reads its annotations from, shared by the server page (which preloads it) and the reader. */

/** Annotations per request while the rest of a long report's annotations are read. */
export const READER_PAGE = 500;

/** The list the reader reads its annotations from: the current version's, or an earlier one's. */
export const readerListPath = (reportId: string, version: number | null) => `/api/v1/reports/${reportId}/annotations${version ? `?version=${version}` : ""}`;
