import "server-only";
import type { ReportView } from "@/lib/domain/reports";
import type { SideBySideData } from "@/lib/domain/side-by-side";
import { ANNOTATIONS_PAGE, listAnnotations } from "../annotations/annotations";
import { getReportOrThrow } from "../reports/reports";
import { getAlignmentOrThrow } from "./translations";

/**
 * The counterpart of a report, for reading the two side by side: its current text, the
 * annotations the user may see on it (the first page of the list: their places and kinds),
 * and the alignment. Null when the report has no counterpart.
 */
export async function getSideBySide(options: { userId: string; report: ReportView }): Promise<SideBySideData | null> {
  const counterpart = options.report.counterparts[0];
  if (!counterpart) return null;
  const { userId } = options;
  const [other, alignment, page] = await Promise.all([
    getReportOrThrow({ userId, reportId: counterpart.id }),
    getAlignmentOrThrow({ userId, reportId: options.report.id, counterpartId: counterpart.id }),
    listAnnotations({ userId, reportId: counterpart.id, limit: ANNOTATIONS_PAGE.maxLimit }),
  ]);
  return {
    language: options.report.language,
    counterpart,
    passages: other.passages,
    annotations: page.annotations.map((a) => ({ id: a.id, passageId: a.passageId, start: a.start, end: a.end, kind: a.kind })),
    alignment: { pairs: alignment.pairs, unaligned: alignment.unaligned },
  };
}
