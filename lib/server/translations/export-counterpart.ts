import "server-only";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { ExportCounterpart, ExportPassage } from "@/lib/exporters/types";
import { getAlignmentOrThrow } from "./translations";

/**
 * For an export that quotes the counterpart under each ¶: the counterpart's current passages
 * aligned with each of the report's. Undefined for a report without a counterpart (the
 * option then changes nothing).
 */
export async function exportCounterpart(options: { userId: string; reportId: string }): Promise<ExportCounterpart | undefined> {
  let alignment;
  try {
    alignment = await getAlignmentOrThrow(options);
  } catch (e) {
    if (isAppError(e) && e.code === "not_found") return undefined;
    throw e;
  }
  const other = await db.report.findUniqueOrThrow({
    where: { id: alignment.counterpartId },
    select: { title: true, language: true, version: true },
  });
  const passages = await db.passage.findMany({
    where: { reportId: alignment.counterpartId, version: other.version },
    select: { id: true, index: true, kind: true, level: true, text: true },
    orderBy: { index: "asc" },
  });
  const byId = new Map<string, ExportPassage>(passages.map((p) => [p.id, p]));
  const byPassage = new Map<string, ExportPassage[]>();
  for (const pair of alignment.pairs) {
    const aligned = pair.target.flatMap((id) => byId.get(id) ?? []);
    for (const id of pair.source) byPassage.set(id, aligned);
  }
  return { title: other.title, language: other.language, byPassage };
}
