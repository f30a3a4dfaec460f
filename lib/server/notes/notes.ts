import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import { codePointLength } from "@/lib/anchoring";
import { lockNotes, prismaSql, storeNotesBody, writeMarkdownToNotesState } from "@/lib/collab/notes-store";
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
 * When the notes are being co-edited, the saved text also goes into their Yjs
 * document, so the editors see it and the next compaction keeps it.
 */
export async function saveNotes(options: { userId: string; reportId: string } & SaveNotesInput): Promise<NotesView> {
  if (codePointLength(options.body) > NOTES_MAX) {
    throw new AppError("payload_too_large", `The notes are too long: at most ${NOTES_MAX.toLocaleString("en")} characters.`);
  }
  return db.$transaction(
    async (tx) => {
      const { report, role } = await getReportAccessOrThrow(options, tx);
      requireRole(role, "annotator", "edit the team notes");
      // First, as the collaboration server does: it takes this lock before it writes report_notes.
      const sql = prismaSql(tx);
      await lockNotes(sql, report.id);
      const written = await storeNotesBody(sql, {
        reportId: report.id,
        body: options.body,
        editorId: options.userId,
        ifVersion: options.version,
      });
      if (written === "stale") throw stale(await currentNotes(tx, report.id));
      if (written === "saved")
        await writeMarkdownToNotesState(sql, { reportId: report.id, markdown: options.body, userId: options.userId });
      return currentNotes(tx, report.id);
    },
    // Turning a long document into a Yjs update takes a moment.
    { timeout: 20_000 },
  );
}
