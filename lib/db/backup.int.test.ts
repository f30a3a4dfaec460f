import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../runtime/free-port";
import { createArchiveWriter } from "./backup-archive";
import { backupDatabase, type BackupResult } from "./backup";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded";
import { restoreDatabase } from "./restore";

/**
 * Its own embedded PostgreSQL in a temporary data dir (not the suite's), so it
 * can be stopped, restored and started again. A writer commits numbered
 * transactions during the backup; after the restore the database must be
 * exactly the state after some transaction K between the last one committed
 * before pg_backup_stop and the first one begun after the backup finished.
 */
const SEED = 20_000;
const WRITER_BASE = 100_000;

/** The rows after the seed and writer transactions 1..k, as the writer's SQL makes them. */
function expectedRows(k: number): string[] {
  const rows = new Map<number, number>();
  for (let id = 1; id <= SEED; id++) rows.set(id, id);
  for (let t = 1; t <= k; t++) {
    rows.set(WRITER_BASE + t, t);
    if (t % 3 === 0 && rows.has(WRITER_BASE + t - 1)) rows.set(WRITER_BASE + t - 1, rows.get(WRITER_BASE + t - 1)! + 1);
    if (t % 5 === 0) rows.delete(WRITER_BASE + t - 2);
    if (t % 7 === 0) rows.set((t % SEED) + 1, rows.get((t % SEED) + 1)! + 1000);
  }
  return [...rows].sort(([a], [b]) => a - b).map(([id, val]) => `${id}:${val}`);
}

async function startWriter(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let committed = 0;
  let running = true;
  let churn = false;
  const loop = (async () => {
    while (running) {
      const t = committed + 1;
      // While the files are copied: new WAL segments and checkpoints, as a long backup meets them.
      // Recovery must then start from the backup's own checkpoint (backup_label), not pg_control's,
      // and the WAL from that checkpoint on must still be there to copy.
      if (churn && t % 20 === 0) await client.query("SELECT pg_switch_wal(); CHECKPOINT;");
      await client.query("BEGIN");
      await client.query("INSERT INTO items (id, val, note) VALUES ($1, $2, repeat('w', 200))", [WRITER_BASE + t, t]);
      if (t % 3 === 0) await client.query("UPDATE items SET val = val + 1 WHERE id = $1", [WRITER_BASE + t - 1]);
      if (t % 5 === 0) await client.query("DELETE FROM items WHERE id = $1", [WRITER_BASE + t - 2]);
      if (t % 7 === 0) await client.query("UPDATE items SET val = val + 1000 WHERE id = $1", [(t % SEED) + 1]);
      await client.query("UPDATE meta SET k = $1", [t]);
      await client.query("COMMIT");
      committed = t;
    }
  })();
  return {
    committed: () => committed,
    churn: (on: boolean) => (churn = on),
    stop: async () => ((running = false), await loop, await client.end()),
  };
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

// Generous: initdb, a backup and two restarts on a 2-core machine other test runs share.
const SLOW = 120_000;

describe("backup and restore of the embedded database", () => {
  const previousDataDir = process.env.MARGINALIA_DATA_DIR;
  let dir: string;
  let port: number;
  let db: EmbeddedDatabase | null = null;
  let backup: BackupResult;
  const marks = { beforeBackup: 0, atStop: 0, atFinish: 0 };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "marginalia-backup-test-"));
    // As root PostgreSQL runs as "postgres", which must enter the folder.
    await chmod(dir, 0o755);
    process.env.MARGINALIA_DATA_DIR = path.join(dir, "data");
    port = await freePort();
    db = await startEmbeddedDatabase({ port, quiet: true });
    await query(
      db.url,
      `CREATE TABLE items (id int PRIMARY KEY, val int NOT NULL, note text NOT NULL);
      CREATE TABLE meta (k int NOT NULL); INSERT INTO meta VALUES (0);
      INSERT INTO items SELECT g, g, repeat('s', 200) FROM generate_series(1, ${SEED}) g;`,
    );
  }, SLOW);

  afterAll(async () => {
    await db?.stop();
    if (previousDataDir === undefined) delete process.env.MARGINALIA_DATA_DIR;
    else process.env.MARGINALIA_DATA_DIR = previousDataDir;
    await rm(dir, { recursive: true, force: true });
  });

  it(
    "backs up while a writer commits, without stopping it",
    async () => {
      const writer = await startWriter(db!.url);
      try {
        while (writer.committed() < 50) await new Promise((r) => setTimeout(r, 10));
        marks.beforeBackup = writer.committed();
        backup = await backupDatabase({
          url: db!.url,
          dataDir: process.env.MARGINALIA_DATA_DIR!,
          file: path.join(dir, "backup.tar.gz"),
          onProgress: (step) => {
            writer.churn(step === "copying");
            if (step === "stopping") marks.atStop = writer.committed();
          },
        });
        marks.atFinish = writer.committed();
      } finally {
        await writer.stop();
      }
      console.info(
        `backup: ${(backup.bytes / 1024 / 1024).toFixed(1)} MB, ${backup.manifest.files} files, ${backup.seconds.toFixed(1)} s; writer transactions ${JSON.stringify(marks)}`,
      );
      // The writer really wrote while the files were being copied: that is what the WAL must repair.
      expect(marks.atStop).toBeGreaterThan(marks.beforeBackup);
      expect(backup.manifest.walSegments.length).toBeGreaterThan(0);
      expect(backup.manifest.secrets).toContain("postgres-password");
      expect((await readdir(dir)).filter((name) => name.includes("partial"))).toEqual([]);

      // Changes after the backup, none of which may survive the restore.
      await query(
        db!.url,
        `INSERT INTO items SELECT g, g, 'after' FROM generate_series(900001, 900100) g;
      UPDATE items SET val = -1 WHERE id <= 500; DELETE FROM items WHERE id BETWEEN 501 AND 1000;
      UPDATE meta SET k = -1; CREATE TABLE after_backup (x int);`,
      );
    },
    SLOW,
  );

  it(
    "refuses to restore while the server runs on the data dir",
    async () => {
      const before = await readdir(process.env.MARGINALIA_DATA_DIR!);
      await expect(restoreDatabase({ dataDir: process.env.MARGINALIA_DATA_DIR!, file: backup.file })).rejects.toThrow(/stop the app first/);
      expect(await readdir(process.env.MARGINALIA_DATA_DIR!)).toEqual(before);
    },
    SLOW,
  );

  it(
    "refuses a damaged, cut-short or foreign archive and leaves the data dir as it was",
    async () => {
      await db!.stop();
      db = null;
      const dataDir = process.env.MARGINALIA_DATA_DIR!;
      const whole = await readFile(backup.file);
      const flipped = Buffer.from(whole);
      flipped[Math.floor(whole.length / 2)] ^= 0xff;
      const tar = gunzipSync(whole);
      const versionMismatch = path.join(dir, "pg17.tar.gz");
      const writer = await createArchiveWriter(versionMismatch);
      for (const name of ["PG_VERSION", "backup_label", "global/pg_control"])
        await writer.addBuffer(`postgres/${name}`, Buffer.from("17\n"));
      await writer.addBuffer(
        "manifest.json",
        Buffer.from(JSON.stringify({ ...backup.manifest, postgresMajor: 17, files: 3, secrets: [] })),
      );
      await writer.finish();
      const cases: [string, Buffer | null, RegExp][] = [
        ["truncated.tar.gz", whole.subarray(0, Math.floor(whole.length / 2)), /damaged or incomplete.*not changed/],
        ["flipped.tar.gz", flipped, /damaged or incomplete.*not changed/],
        ["cut-tar.tar.gz", gzipSync(tar.subarray(0, tar.length - 20_000)), /damaged or incomplete|incomplete/],
        ["notes.txt", Buffer.from("not a backup"), /not a backup/],
        ["pg17.tar.gz", null, /PostgreSQL 17.*not changed/],
      ];
      const before = await readdir(dataDir);
      const pgVersion = await stat(path.join(dataDir, "postgres", "PG_VERSION"));
      for (const [name, content, message] of cases) {
        if (content) await writeFile(path.join(dir, name), content);
        await expect(restoreDatabase({ dataDir, file: path.join(dir, name) }), name).rejects.toThrow(message);
      }
      expect(await readdir(dataDir)).toEqual(before);
      expect((await stat(path.join(dataDir, "postgres", "PG_VERSION"))).ino).toBe(pgVersion.ino);
    },
    SLOW,
  );

  it(
    "restores exactly the state at the backup's end point, and keeps the replaced data dir",
    async () => {
      const dataDir = process.env.MARGINALIA_DATA_DIR!;
      const result = await restoreDatabase({ dataDir, file: backup.file });
      expect(result.movedAside).toMatch(/postgres\.before-restore-/);
      expect(await readdir(result.movedAside!)).toContain("PG_VERSION");
      const restoredDir = await stat(result.databaseDir);
      expect(restoredDir.mode & 0o777).toBe(0o700);
      // As root the files belong to the "postgres" user PostgreSQL runs as (it would not start otherwise).
      if (process.getuid?.() === 0) expect(restoredDir.uid).not.toBe(0);

      db = await startEmbeddedDatabase({ port, quiet: true });
      const [{ k }] = await query<{ k: number }>(db.url, "SELECT k FROM meta");
      console.info(`restored at writer transaction ${k} (last before pg_backup_stop ${marks.atStop}, at the end ${marks.atFinish})`);
      expect(k).toBeGreaterThanOrEqual(marks.atStop);
      // At most the transaction in flight when the backup returned; none begun after it.
      expect(k).toBeLessThanOrEqual(marks.atFinish + 1);
      const rows = await query<{ row: string }>(db.url, "SELECT id || ':' || val AS row FROM items ORDER BY id");
      expect(rows.map((r) => r.row)).toEqual(expectedRows(k));
      expect(await query(db.url, "SELECT to_regclass('after_backup') AS t")).toEqual([{ t: null }]);
      // The heap and its index agree page by page (amcheck ships with the embedded build).
      await query(db.url, "CREATE EXTENSION amcheck");
      await query(db.url, "SELECT bt_index_check('items_pkey', true)");
      expect(await query(db.url, "SELECT * FROM verify_heapam('items')")).toEqual([]);
    },
    SLOW,
  );
});
