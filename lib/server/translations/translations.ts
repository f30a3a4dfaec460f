import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import { alignPassages } from "@/lib/domain/alignment/align-passages";
import {
  alignmentIssues,
  alignmentOfBeads,
  fitAlignment,
  reverseAlignment,
  type PassageAlignment,
} from "@/lib/domain/alignment/passage-alignment";
import type { ImportPreview } from "@/lib/domain/imports";
import { AppError, invalidField, notFound } from "@/lib/errors";
import type { ImportChoicesInput, ReportMetadataInput } from "@/lib/validations/import";
import type { ImportRequest, PreviewPage } from "../reports/import-source";
import { importReportFromRequest, type ImportedReportSummary } from "../reports/reports";
import { getReportAccessOrThrow, requireRole } from "../workspaces/access";

export interface CreatedTranslation {
  id: string;
  language: string;
  passageCount: number;
  alignment: { pairs: number; unaligned: number };
}

/** The passages readers see now, in order: their ids and texts. */
async function currentPassages(client: Tx | typeof db, reportId: string) {
  const [report] = await client.$queryRaw<{ version: number }[]>`SELECT version FROM reports WHERE id = ${reportId} FOR SHARE`;
  if (!report) throw notFound("That report");
  return client.passage.findMany({
    where: { reportId, version: report.version },
    orderBy: { index: "asc" },
    select: { id: true, text: true },
  });
}

const ids = (passages: { id: string }[]) => passages.map((p) => p.id);

/**
 * Imports a translation of a report, through the report import itself (same inputs, same
 * checks, same dry run), linked to the report it translates and aligned with it passage
 * by passage, all in the import's transaction. Editors and owners only.
 */
export async function createTranslation(options: {
  userId: string;
  reportId: string;
  request: ImportRequest;
  metadata: ReportMetadataInput;
  choices?: ImportChoicesInput;
  dryRun?: boolean;
  previewPage?: PreviewPage;
}): Promise<ImportPreview | CreatedTranslation> {
  const { report, role } = await getReportAccessOrThrow(options);
  requireRole(role, "editor", "add translations");
  const language = options.metadata.language;
  if (!language) throw invalidField("language", "Say which language the translation is in (a code such as ar or en).");
  let alignment = { pairs: 0, unaligned: 0 };
  const result = await importReportFromRequest({
    ...options,
    workspaceIdOrSlug: report.workspaceId,
    onCreated: async (tx, translation) => {
      // Still there, still ours, and locked until the link is made.
      await getReportAccessOrThrow(options, tx);
      await tx.report.update({ where: { id: translation.id }, data: { translationOfId: report.id } });
      const source = await currentPassages(tx, report.id);
      const target = await currentPassages(tx, translation.id);
      const aligned = alignmentOfBeads(
        alignPassages(
          source.map((p) => p.text),
          target.map((p) => p.text),
        ),
        ids(source),
        ids(target),
      );
      await tx.reportAlignment.create({
        data: { sourceReportId: report.id, targetReportId: translation.id, pairs: aligned.pairs, unaligned: aligned.unaligned },
      });
      alignment = { pairs: aligned.pairs.length, unaligned: aligned.unaligned.source.length + aligned.unaligned.target.length };
    },
  });
  if (options.dryRun) return result as ImportPreview;
  const created = result as ImportedReportSummary;
  return { id: created.id, language, passageCount: created.passageCount, alignment };
}

/** The alignment row between a report and its counterpart (the one named, else its first), oriented from the report. */
async function alignmentRowOrThrow(client: Tx | typeof db, reportId: string, counterpartId?: string) {
  const rows = await client.reportAlignment.findMany({
    where: {
      OR: [
        { sourceReportId: reportId, ...(counterpartId ? { targetReportId: counterpartId } : {}) },
        { targetReportId: reportId, ...(counterpartId ? { sourceReportId: counterpartId } : {}) },
      ],
    },
    // The report it translates first, then its translations in the order they came.
    orderBy: [{ target: { createdAt: "asc" } }],
    select: { id: true, sourceReportId: true, targetReportId: true, pairs: true, unaligned: true },
  });
  const row = rows.find((r) => r.targetReportId === reportId) ?? rows[0];
  if (!row) throw notFound(counterpartId ? "That translation" : "A translation of that report");
  const reversed = row.targetReportId === reportId;
  return { row, reversed, counterpartId: reversed ? row.sourceReportId : row.targetReportId };
}

export interface AlignmentView extends PassageAlignment {
  reportId: string;
  counterpartId: string;
}

/** Fitted to the passages both reports have now, seen from `reportId` (its passages on the source side). */
async function readAlignment(client: Tx | typeof db, reportId: string, counterpartId?: string): Promise<AlignmentView> {
  const found = await alignmentRowOrThrow(client, reportId, counterpartId);
  const stored = { pairs: found.row.pairs, unaligned: found.row.unaligned } as unknown as PassageAlignment;
  const oriented = found.reversed ? reverseAlignment(stored) : stored;
  const fitted = fitAlignment(
    oriented,
    ids(await currentPassages(client, reportId)),
    ids(await currentPassages(client, found.counterpartId)),
  );
  return { reportId, counterpartId: found.counterpartId, ...fitted };
}

export async function getAlignmentOrThrow(options: { userId: string; reportId: string; counterpartId?: string }): Promise<AlignmentView> {
  await getReportAccessOrThrow(options);
  return readAlignment(db, options.reportId, options.counterpartId);
}

/**
 * Editors correct the alignment: it replaces the stored one whole. Every passage of
 * either report's current text is named at most once; a passage of any other report
 * (or of the other side) is a 422. Passages it leaves out are read as unaligned.
 */
export async function replaceAlignment(options: {
  userId: string;
  reportId: string;
  counterpartId?: string;
  alignment: PassageAlignment;
}): Promise<AlignmentView> {
  return db.$transaction(async (tx) => {
    const { role } = await getReportAccessOrThrow(options, tx);
    requireRole(role, "editor", "correct the alignment");
    const found = await alignmentRowOrThrow(tx, options.reportId, options.counterpartId);
    const issues = alignmentIssues(
      options.alignment,
      ids(await currentPassages(tx, options.reportId)),
      ids(await currentPassages(tx, found.counterpartId)),
    );
    if (issues.length) throw new AppError("validation_failed", issues[0].message, { issues });
    const stored = found.reversed ? reverseAlignment(options.alignment) : options.alignment;
    await tx.reportAlignment.update({
      where: { id: found.row.id },
      data: {
        pairs: stored.pairs as Prisma.InputJsonValue,
        unaligned: stored.unaligned as Prisma.InputJsonValue,
        updatedById: options.userId,
      },
    });
    return readAlignment(tx, options.reportId, found.counterpartId);
  });
}
