import pg from "pg";
import * as Y from "yjs";
import {
  appendNotesUpdate,
  applyNotesChanges,
  compactNotes,
  NOTES_CHANNEL,
  pgSql,
  readNotesChanges,
  seedNotesState,
  type Sql,
} from "./notes-store";

/** The transaction origin of updates read from Postgres (another instance's, or the REST API's): never written back. */
export const FROM_DATABASE = Symbol("notes-from-database");

interface Replica {
  reportId: string;
  doc: Y.Doc;
  /** Every stored update of the report up to this id is in `doc`. */
  cursor: number;
  /** Local updates not written yet, and who made the last one. */
  pending: { update: Uint8Array; userId: string | null }[];
  flushing: Promise<void> | null;
  catchingUp: Promise<void> | null;
  catchUpAgain: boolean;
  /** Local changes since the last compaction, and the last person who made one. */
  dirty: boolean;
  lastEditorId: string | null;
  /** Roughly how big the document is, to refuse runaway growth. */
  bytes: number;
}

/**
 * One collaboration server instance's copy of the notes documents it has open,
 * kept in step with Postgres: local edits are appended to notes_updates (and
 * announced with NOTIFY); announced updates from elsewhere are read and applied.
 * This is what lets any number of instances serve one document.
 */
export class NotesReplicas {
  readonly #replicas = new Map<string, Replica>();
  readonly #pool: pg.Pool;
  #listener: pg.Client | null = null;
  #retry: ReturnType<typeof setTimeout> | null = null;
  #stopped = false;

  constructor(
    private readonly databaseUrl: string,
    readonly instanceId: string,
  ) {
    this.#pool = new pg.Pool({ connectionString: databaseUrl, max: 5 });
    // An idle client that drops must not take the process with it.
    this.#pool.on("error", (e) => console.error("[collab] database pool:", e.message));
  }

  async start(): Promise<void> {
    await this.#listen();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#retry) clearTimeout(this.#retry);
    await Promise.allSettled([...this.#replicas.values()].map((r) => r.flushing));
    await this.#listener?.end().catch(() => undefined);
    await this.#pool.end().catch(() => undefined);
  }

  has(reportId: string): boolean {
    return this.#replicas.has(reportId);
  }

  bytes(reportId: string): number {
    return this.#replicas.get(reportId)?.bytes ?? 0;
  }

  /** Fills `doc` from Postgres (seeding it from the saved Markdown the first time) and follows the report from then on. */
  async load(reportId: string, doc: Y.Doc): Promise<void> {
    let changes = await this.#transaction((sql) => readNotesChanges(sql, reportId), "REPEATABLE READ");
    if (!changes.exists) changes = await this.#transaction((sql) => seedNotesState(sql, reportId));
    applyNotesChanges(doc, changes, FROM_DATABASE);
    const bytes = (changes.snapshot?.length ?? 0) + changes.updates.reduce((n, u) => n + u.update.length, 0);
    const replica: Replica = {
      reportId,
      doc,
      cursor: changes.lastId,
      pending: [],
      flushing: null,
      catchingUp: null,
      catchUpAgain: false,
      dirty: false,
      lastEditorId: null,
      bytes,
    };
    this.#replicas.set(reportId, replica);
    // Anything announced while it was loading.
    void this.catchUp(reportId);
    // Updates nobody compacted (an instance stopped before its store): fold them in and refresh the Markdown now.
    if (changes.updates.length > 0) {
      replica.dirty = true;
      this.store(reportId).catch((e) => console.error(`[collab] could not compact report ${reportId}:`, (e as Error).message));
    }
  }

  /** A change made through this instance: written to Postgres in order, batched while a write is under way. */
  localUpdate(reportId: string, update: Uint8Array, userId: string | null): void {
    const replica = this.#replicas.get(reportId);
    if (!replica) return;
    replica.pending.push({ update, userId });
    replica.dirty = true;
    replica.bytes += update.length;
    if (userId) replica.lastEditorId = userId;
    replica.flushing ??= this.#flush(replica);
  }

  async #flush(replica: Replica): Promise<void> {
    try {
      while (replica.pending.length > 0) {
        const batch = replica.pending.splice(0);
        const update = batch.length === 1 ? batch[0].update : Y.mergeUpdates(batch.map((b) => b.update));
        const userId = batch[batch.length - 1].userId;
        try {
          await this.#transaction((sql) => appendNotesUpdate(sql, { reportId: replica.reportId, update, origin: this.instanceId, userId }));
        } catch (e) {
          // Not lost: it stays in the document, which the next compaction stores whole.
          console.error(`[collab] could not write an update of report ${replica.reportId}:`, (e as Error).message);
          replica.dirty = true;
        }
      }
    } finally {
      replica.flushing = null;
    }
  }

  /** Applies what other instances (or the REST API) stored since we last looked. */
  catchUp(reportId: string): Promise<void> {
    const replica = this.#replicas.get(reportId);
    if (!replica) return Promise.resolve();
    if (replica.catchingUp) {
      replica.catchUpAgain = true;
      return replica.catchingUp;
    }
    replica.catchingUp = (async () => {
      try {
        do {
          replica.catchUpAgain = false;
          const changes = await this.#transaction((sql) => readNotesChanges(sql, reportId, replica.cursor), "REPEATABLE READ");
          if (changes.lastId <= replica.cursor) continue;
          try {
            applyNotesChanges(replica.doc, changes, FROM_DATABASE, this.instanceId);
          } catch (e) {
            console.error(`[collab] a stored update of report ${reportId} could not be applied:`, (e as Error).message);
          }
          replica.bytes += changes.updates.reduce((n, u) => n + u.update.length, 0);
          replica.cursor = changes.lastId;
        } while (replica.catchUpAgain && this.#replicas.get(reportId) === replica);
      } catch (e) {
        console.error(`[collab] could not read updates of report ${reportId}:`, (e as Error).message);
      } finally {
        replica.catchingUp = null;
      }
    })();
    return replica.catchingUp;
  }

  catchUpAll(): Promise<void> {
    return Promise.all([...this.#replicas.keys()].map((id) => this.catchUp(id))).then(() => undefined);
  }

  /** Hocuspocus's debounced store: compacts into a snapshot and refreshes the saved Markdown, if anything changed here. */
  async store(reportId: string): Promise<void> {
    const replica = this.#replicas.get(reportId);
    if (!replica?.dirty) return;
    replica.dirty = false;
    const editorId = replica.lastEditorId;
    try {
      const state = Y.encodeStateAsUpdate(replica.doc);
      await this.#transaction((sql) => compactNotes(sql, { reportId, state, editorId }));
      replica.bytes = state.length;
    } catch (e) {
      replica.dirty = true;
      throw e;
    }
  }

  /** The document left memory: stop following it (writes under way finish on their own). */
  forget(reportId: string): void {
    this.#replicas.delete(reportId);
  }

  async #transaction<T>(work: (sql: Sql) => Promise<T>, isolation?: "REPEATABLE READ"): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query(isolation ? `BEGIN ISOLATION LEVEL ${isolation}` : "BEGIN");
      const result = await work(pgSql(client));
      await client.query("COMMIT");
      client.release();
      return result;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      client.release(e as Error);
      throw e;
    }
  }

  /** One connection LISTENs for every instance's updates; when it drops, it comes back and catches up. */
  async #listen(): Promise<void> {
    if (this.#stopped) return;
    const client = new pg.Client({ connectionString: this.databaseUrl });
    let dropped = false;
    const drop = () => {
      if (dropped) return;
      dropped = true;
      if (this.#listener === client) this.#listener = null;
      client.end().catch(() => undefined);
      if (!this.#stopped) this.#retry = setTimeout(() => void this.#listen(), 1_000);
    };
    client.on("error", (e) => {
      console.error("[collab] LISTEN connection:", e.message);
      drop();
    });
    client.on("end", drop);
    client.on("notification", (message) => {
      const reportId = message.payload;
      if (reportId && reportId.length < 200 && this.#replicas.has(reportId)) void this.catchUp(reportId);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTES_CHANNEL}`);
      this.#listener = client;
      // Notifications sent while we were not listening are gone: read what they announced.
      await this.catchUpAll();
    } catch (e) {
      console.error("[collab] could not LISTEN:", (e as Error).message);
      drop();
    }
  }
}
