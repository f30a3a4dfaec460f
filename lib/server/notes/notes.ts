import type { Prisma } from "@/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import { codePointLength } from "@/lib/anchoring";
import { AppError } from "@/lib/errors";
import { NOTES_MAX, type SaveNotesInput } from "@/lib/validations/notes";
import { getReportAccessOrThrow, requireRole } from "../workspaces/access";

export interface NotesView {
  /** Markdown; mentions are TipTap shortcodes, as in every body of the API. */
  body: string;
  /** 0 until the first save; a save must name the version it read. */
  version: number;
  updatedAt: Date | null;
  updatedBy: { id: string; name: string } | null;
}

const select = {
  body: true,
  version: true,
  updatedAt: true,
  updatedBy: { select: { id: true, name: true } },
} satisfies Prisma.ReportNotesSelect;

const EMPTY: NotesView = { body: "", version: 0, updatedAt: null, updatedBy: null };

async function currentNotes(client: Tx | typeof db, reportId: string): Promise<NotesView> {
  return (await client.reportNotes.findUnique({ where: { reportId }, select })) ?? EMPTY;
}

/** The team notes of a report any member can read. */
export async function getNotes(options: { userId: string; reportId: string }): Promise<NotesView> {
  const { report } = await getReportAccessOrThrow(options);
  return currentNotes(db, report.id);
}

function stale(current: NotesView): AppError {
  return new AppError("conflict", "Someone saved these notes after you opened them. Compare their version with yours and save again.", {
    current,
  });
}

/**
 * Saves the notes if nobody saved since `version` was read; otherwise a 409
 * carrying the current notes, so the writer can merge rather than overwrite.
 */
export async function saveNotes(options: { userId: string; reportId: string } & SaveNotesInput): Promise<NotesView> {
  if (codePointLength(options.body) > NOTES_MAX) {
    throw new AppError("payload_too_large", `The notes are too long: at most ${NOTES_MAX.toLocaleString("en")} characters.`);
  }
  return db.$transaction(async (tx) => {
    const { report, role } = await getReportAccessOrThrow(options, tx);
    requireRole(role, "annotator", "edit the team notes");
    if (options.version === 0) {
      // The first save: of two at once, the second finds the row and is stale.
      const inserted = await tx.$executeRaw`
        INSERT INTO report_notes (report_id, body, version, updated_by_id, updated_at)
        VALUES (${report.id}, ${options.body}, 1, ${options.userId}, now())
        ON CONFLICT (report_id) DO NOTHING`;
      if (inserted === 0) throw stale(await currentNotes(tx, report.id));
      return currentNotes(tx, report.id);
    }
    const current = await currentNotes(tx, report.id);
    if (current.version === options.version && current.body === options.body) return current;
    // Compare-and-set on the version: a concurrent save makes this match nothing.
    const { count } = await tx.reportNotes.updateMany({
      where: { reportId: report.id, version: options.version },
      data: { body: options.body, version: { increment: 1 }, updatedById: options.userId },
    });
    if (count === 0) throw stale(await currentNotes(tx, report.id));
    return currentNotes(tx, report.id);
  });
}
