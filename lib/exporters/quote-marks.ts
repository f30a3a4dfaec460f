import { codePointLength } from "../anchoring/code-points";
import { markedRuns, type MarkedRun } from "../passage-marks";
import type { ExportAnnotation, ExportPassage } from "./types";

/**
 * An annotation's quote cut into runs with the bold, italics and links its passage
 * kept from the source; null when there are none to show, or when the quote is no
 * longer the passage's text at its offsets (an orphan), so it is written plain.
 */
export function quoteRuns(
  annotation: Pick<ExportAnnotation, "quote" | "start" | "end">,
  passage: ExportPassage | undefined,
): MarkedRun[] | null {
  const marks = passage?.marks;
  if (!passage || !marks?.length) return null;
  const { start, end, quote } = annotation;
  if (end - start !== codePointLength(quote) || !marks.some((mark) => mark.start < end && mark.end > start)) return null;
  const runs = markedRuns(passage.text, marks, start, end);
  return runs.map((run) => run.text).join("") === quote ? runs : null;
}
