import "server-only";
import { db } from "@/lib/db";
import type { TranslationSide } from "@/lib/domain/side-by-side";

/**
 * The language of each report, and which side of a translation it is (null for a report
 * without a counterpart). For reports the caller has already been shown (search hits): it
 * checks no access itself.
 */
export async function translationSides(
  reportIds: string[],
): Promise<Map<string, { language: string | null; side: TranslationSide | null }>> {
  if (reportIds.length === 0) return new Map();
  const reports = await db.report.findMany({
    where: { id: { in: [...new Set(reportIds)] } },
    select: { id: true, language: true, translationOfId: true, _count: { select: { translations: true } } },
  });
  return new Map(
    reports.map((r) => [
      r.id,
      { language: r.language, side: r.translationOfId ? "translation" : r._count.translations > 0 ? "original" : null },
    ]),
  );
}
