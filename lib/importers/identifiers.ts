/**
 * A report's DOI and report number as its first page states them ("DOI:
 * 10.1234/wp.2024.07", "Working Paper No. 12", "Report no. ESCWA/2024/3"),
 * offered in the import preview for a person to keep or correct.
 */
import type { ImportedPassage } from "./types";

const DOI = /\b(10\.\d{4,9}\/[^\s"<>]+)/;
// A label ("Report No.", "Working Paper 12", "Policy Brief no. 7", "تقرير رقم") and the number after it.
const REPORT_NUMBER =
  /\b(?:(?:report|working paper|policy (?:brief|paper)|discussion paper|technical report|research paper|occasional paper|briefing|paper)\s*(?:no\.?|number|nr\.?|#)?|no\.)\s*:?\s*([A-Z0-9][A-Za-z0-9./-]{0,39}\d[A-Za-z0-9./-]*)|(?:تقرير|ورقة عمل|دراسة)\s*رقم\s*:?\s*([0-9٠-٩A-Za-z./-]{1,40})/i;

/** The first page's passages: page 1 of a PDF, else the opening passages (about a page of text). */
function firstPage(passages: ImportedPassage[]): ImportedPassage[] {
  if (passages.some((p) => p.page)) return passages.filter((p) => (p.page ?? 1) === 1);
  const opening: ImportedPassage[] = [];
  let length = 0;
  for (const passage of passages) {
    if (opening.length >= 30 || length > 3000) break;
    opening.push(passage);
    length += passage.text.length;
  }
  return opening;
}

export function findIdentifiers(passages: ImportedPassage[]): { doi: string | null; reportNumber: string | null } {
  let doi: string | null = null;
  let reportNumber: string | null = null;
  for (const { text } of firstPage(passages)) {
    doi ??= DOI.exec(text)?.[1].replace(/[.,;:)\]]+$/, "") ?? null;
    const number = REPORT_NUMBER.exec(text);
    reportNumber ??= number ? (number[1] ?? number[2]).replace(/[.,;:]+$/, "") : null;
    if (doi && reportNumber) break;
  }
  return { doi, reportNumber };
}
