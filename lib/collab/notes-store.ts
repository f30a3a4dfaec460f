import "server-only";
import * as Y from "yjs";
import type { Sql } from "@/lib/db/sql-runner";
import { notifyNotesMentions } from "@/lib/server/notifications/notify";
import { notesDocFromMarkdown, notesDocToMarkdown, replaceNotesMarkdown } from "./notes-markdown";
import { EVENTS_CHANNEL } from "@/lib/server/events/events";

export { pgSql, prismaSql, type Sql } from "@/lib/db/sql-runner";

/**
 * The team notes as a Yjs document in Postgres: a compacted snapshot
 * (notes_documents: state + through_id, the last update it includes) plus the
 * updates written since (notes_updates), which every collaboration server
 * instance applies when told through NOTIFY. Writers of one report's updates
 * take one advisory lock, so a report's update ids are committed in id order:
 * a reader that has seen id N has seen every earlier id of that report.
 *
 * The functions take an `Sql` so that the collaboration server (pg) and the
 * REST save (a Prisma transaction) share them; bytes travel as base64 because
 * the Prisma driver adapter does not read bytea from raw queries.
 */

export const NOTES_CHANNEL = "marginalia_notes";
/** The origin of updates written through the REST API rather than a collaboration server. */
export const API_ORIGIN = "api";
/** First key of the advisory lock; the second is a hash of the report id. */
const LOCK_SPACE = 7_301;

const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, "base64"));
const base64 = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("base64");

/** Serialises writers of one report's Yjs state until the transaction ends. */
export const lockNotes = (sql: Sql, reportId: string) => sql.run("SELECT pg_advisory_xact_lock($1, hashtext($2))", [LOCK_SPACE, reportId]);

export interface StoredUpdate {
  id: number;
  update: Uint8Array;
  origin: string;
}

export interface NotesChanges {
  /** The snapshot, when it includes updates after `afterId` (they may have been compacted away). */
  snapshot: Uint8Array | null;
  updates: StoredUpdate[];
  /** Every update up to this id is in snapshot + updates (or was before `afterId`). */
  lastId: number;
  /** False when the report has no Yjs state at all yet. */
  exists: boolean;
}

/** What changed after `afterId`. Run it in one REPEATABLE READ transaction (or under the lock) so a compaction between the two reads cannot hide updates. */
export async function readNotesChanges(sql: Sql, reportId: string, afterId = 0): Promise<NotesChanges> {
  const [doc] = await sql.rows<{ state: string | null; through: string }>(
    "SELECT CASE WHEN through_id > $2::bigint OR $2::bigint = 0 THEN encode(state, 'base64') END AS state, through_id::text AS through FROM notes_documents WHERE report_id = $1",
    [reportId, afterId],
  );
  const from = Math.max(afterId, doc ? Number(doc.through) : 0);
  const rows = await sql.rows<{ id: string; update: string; origin: string }>(
    'SELECT id::text AS id, encode("update", \'base64\') AS "update", origin FROM notes_updates WHERE report_id = $1 AND id > $2::bigint ORDER BY id',
    [reportId, from],
  );
  const updates = rows.map((r) => ({ id: Number(r.id), update: bytes(r.update), origin: r.origin }));
  return {
    snapshot: doc?.state ? bytes(doc.state) : null,
    updates,
    lastId: updates.length ? updates[updates.length - 1].id : from,
    exists: !!doc || updates.length > 0,
  };
}

/** Applies what `readNotesChanges` found, skipping updates that came from `skipOrigin` (already in the document). */
export function applyNotesChanges(doc: Y.Doc, changes: NotesChanges, origin: unknown, skipOrigin?: string): void {
  doc.transact(() => {
    if (changes.snapshot) Y.applyUpdate(doc, changes.snapshot, origin);
    for (const u of changes.updates) if (u.origin !== skipOrigin) Y.applyUpdate(doc, u.update, origin);
  }, origin);
}

/**
 * The first time a report's notes are co-edited: writes the saved Markdown as
 * the first snapshot, under the lock, unless another writer got there first.
 * Returns the state to start from.
 */
export async function seedNotesState(sql: Sql, reportId: string): Promise<NotesChanges> {
  await lockNotes(sql, reportId);
  const existing = await readNotesChanges(sql, reportId);
  if (existing.exists) return existing;
  const [notes] = await sql.rows<{ body: string }>("SELECT body FROM report_notes WHERE report_id = $1", [reportId]);
  const state = Y.encodeStateAsUpdate(notesDocFromMarkdown(notes?.body ?? ""));
  await sql.run("INSERT INTO notes_documents (report_id, state, through_id, updated_at) VALUES ($1, decode($2, 'base64'), 0, now())", [
    reportId,
    base64(state),
  ]);
  return { snapshot: state, updates: [], lastId: 0, exists: true };
}

/** Appends one update and tells every instance (delivered when the transaction commits). */
export async function appendNotesUpdate(
  sql: Sql,
  input: { reportId: string; update: Uint8Array; origin: string; userId: string | null },
): Promise<number> {
  await lockNotes(sql, input.reportId);
  const [row] = await sql.rows<{ id: string }>(
    "INSERT INTO notes_updates (report_id, \"update\", origin, user_id) VALUES ($1, decode($2, 'base64'), $3, $4) RETURNING id::text AS id",
    [input.reportId, base64(input.update), input.origin, input.userId],
  );
  await sql.run("SELECT pg_notify($1, $2)", [NOTES_CHANNEL, input.reportId]);
  return Number(row.id);
}

/**
 * Compacts: folds every stored update (and `state`, the caller's document,
 * which may hold updates not written yet) into one snapshot, deletes the
 * folded updates, and brings report_notes (what GET /notes and the exports
 * read) up to date as Markdown when it changed. Run in one transaction.
 */
export async function compactNotes(
  sql: Sql,
  input: { reportId: string; state: Uint8Array; editorId: string | null },
): Promise<{ throughId: number; markdown: string | null }> {
  await lockNotes(sql, input.reportId);
  const changes = await readNotesChanges(sql, input.reportId);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, input.state);
  applyNotesChanges(doc, changes, null);
  const state = Y.encodeStateAsUpdate(doc);
  await sql.run(
    `INSERT INTO notes_documents (report_id, state, through_id, updated_at) VALUES ($1, decode($2, 'base64'), $3::bigint, now())
     ON CONFLICT (report_id) DO UPDATE SET state = EXCLUDED.state, through_id = GREATEST(notes_documents.through_id, EXCLUDED.through_id), updated_at = now()`,
    [input.reportId, base64(state), changes.lastId],
  );
  await sql.run("DELETE FROM notes_updates WHERE report_id = $1 AND id <= $2::bigint", [input.reportId, changes.lastId]);

  let markdown: string | null = null;
  try {
    markdown = notesDocToMarkdown(doc);
  } catch (e) {
    // A document the schema cannot read (a client wrote nonsense): keep the Yjs state, leave the saved Markdown alone.
    console.error(`[collab] notes of report ${input.reportId} could not be read as Markdown`, e);
  }
  if (markdown !== null) await storeNotesBody(sql, { reportId: input.reportId, body: markdown, editorId: input.editorId });
  return { throughId: changes.lastId, markdown };
}

export type NotesWrite = "saved" | "unchanged" | "stale";

/**
 * The one place the team notes' Markdown (report_notes, what GET /notes, the
 * exports and search read) is written: by a save through the API, which names
 * the version it read (`ifVersion`: "stale" when someone saved since), and by
 * the collaboration server's compaction, which writes what the co-edited
 * document says. Run under the notes lock (`lockNotes`), which every writer
 * takes, so what is read here is what is replaced.
 *
 * A change is one version up and a notes.saved event (the activity feed and
 * open pages hear of it), and notifies the members the new text mentions and
 * the old one did not: compared here, once per stored change, whichever road
 * the text came by.
 */
export async function storeNotesBody(
  sql: Sql,
  input: { reportId: string; body: string; editorId: string | null; ifVersion?: number },
): Promise<NotesWrite> {
  const [current] = await sql.rows<{ body: string; version: number }>("SELECT body, version FROM report_notes WHERE report_id = $1", [
    input.reportId,
  ]);
  if (input.ifVersion !== undefined && (current?.version ?? 0) !== input.ifVersion) return "stale";
  // An API save of the first version writes its row even when empty (the version it returns is 1).
  const unchanged = current ? current.body === input.body : input.ifVersion === undefined && input.body === "";
  if (unchanged) return "unchanged";
  if (current) {
    await sql.run(
      "UPDATE report_notes SET body = $2, version = version + 1, updated_by_id = COALESCE($3, updated_by_id), updated_at = now() WHERE report_id = $1",
      [input.reportId, input.body, input.editorId],
    );
  } else {
    await sql.run(
      "INSERT INTO report_notes (report_id, body, version, updated_by_id, created_at, updated_at) VALUES ($1, $2, 1, $3, now(), now())",
      [input.reportId, input.body, input.editorId],
    );
  }
  const [event] = await sql.rows<{ id: string }>(
    `INSERT INTO report_events (report_id, type, item_type, item_id, actor_id) VALUES ($1, 'notes.saved', 'notes', $1, $2) RETURNING id::text AS id`,
    [input.reportId, input.editorId],
  );
  // Delivered when the transaction commits, like every event's.
  await sql.run("SELECT pg_notify($1, $2)", [EVENTS_CHANNEL, event.id]);
  if (input.editorId)
    await notifyNotesMentions(sql, { reportId: input.reportId, actorId: input.editorId, before: current?.body ?? "", after: input.body });
  return "saved";
}

/**
 * A save through the REST API, when the notes are co-edited: the new Markdown
 * becomes a Yjs update (only the blocks that differ) that every collaboration
 * server applies and sends on to its editors. Nothing to do before the first
 * co-editing session: that one starts from report_notes.
 */
export async function writeMarkdownToNotesState(sql: Sql, input: { reportId: string; markdown: string; userId: string }): Promise<void> {
  await lockNotes(sql, input.reportId);
  const changes = await readNotesChanges(sql, input.reportId);
  if (!changes.exists) return;
  const doc = new Y.Doc();
  applyNotesChanges(doc, changes, null);
  const update = replaceNotesMarkdown(doc, input.markdown);
  if (update) await appendNotesUpdate(sql, { reportId: input.reportId, update, origin: API_ORIGIN, userId: input.userId });
}
