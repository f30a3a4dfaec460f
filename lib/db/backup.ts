import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, realpath, rename, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { createArchiveWriter, type ArchiveWriter } from "./backup-archive";
import { copyDataDirectory, walSegmentNames } from "./backup-files";
import { BACKUP_FORMAT, DATA_PREFIX, MANIFEST_NAME, SECRET_FILES, type BackupManifest } from "./backup-manifest";

/**
 * A consistent backup of the running embedded PostgreSQL, through its
 * low-level base-backup API (the embedded build has no pg_dump or
 * pg_basebackup), as PostgreSQL's "Making a Base Backup Using the Low Level
 * API" describes: pg_backup_start, copy the data directory, pg_backup_stop on
 * the same connection, then the backup_label it returns and the WAL from the
 * start to the stop segment (as `pg_basebackup -X fetch`), so the archive
 * restores alone: PostgreSQL replays that WAL on its first start and reaches
 * the state of the moment the backup stopped.
 */
export type BackupStep = "copying" | "stopping" | "collecting-wal";

export interface BackupOptions {
  /** A superuser connection to the embedded server of `dataDir` (embeddedUrl()). */
  url: string;
  /** MARGINALIA_DATA_DIR: the folder holding postgres/ and the secrets. */
  dataDir: string;
  file: string;
  label?: string;
  onProgress?: (step: BackupStep) => void;
}

export interface BackupResult {
  file: string;
  bytes: number;
  seconds: number;
  manifest: BackupManifest;
}

export async function backupDatabase(options: BackupOptions): Promise<BackupResult> {
  const started = performance.now();
  const file = path.resolve(options.file);
  if (existsSync(file)) throw new Error(`${file} already exists: give the backup another name (an existing file is never overwritten).`);
  // Written beside the target and renamed at the end: a failed backup never leaves a file that looks complete.
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.partial-${process.pid}`);
  const client = new pg.Client({ connectionString: options.url });
  await client.connect().catch((e: Error) => {
    throw new Error(
      `No embedded database answers for ${options.dataDir} (${e.message}). A backup is taken from the running app: start it (npm start or npm run dev) and run this again.`,
    );
  });
  let writer: ArchiveWriter | null = null;
  try {
    const pgDir = await servedDataDirectory(client, options.dataDir);
    const version = (
      await client.query<{ v: string; num: string }>(
        "SELECT current_setting('server_version') AS v, current_setting('server_version_num') AS num",
      )
    ).rows[0];
    writer = await createArchiveWriter(temporary);
    const label = options.label ?? `marginalia ${new Date().toISOString()}`;

    // The WAL is copied after pg_backup_stop; a temporary slot on this
    // connection keeps a checkpoint during the copy from recycling segments
    // the backup needs, and goes away with the connection.
    await client.query("SELECT pg_create_physical_replication_slot($1, true, true)", [
      `marginalia_backup_${randomBytes(4).toString("hex")}`,
    ]);
    const start = await client.query<{ lsn: string }>("SELECT pg_backup_start($1, fast => true)::text AS lsn", [label]);
    options.onProgress?.("copying");
    const files = await copyDataDirectory(writer, pgDir, DATA_PREFIX);

    options.onProgress?.("stopping");
    const stop = await client.query<{ lsn: string; labelfile: string; spcmapfile: string | null }>(
      "SELECT lsn::text AS lsn, labelfile, spcmapfile FROM pg_backup_stop(wait_for_archive => false)",
    );
    const { lsn: stopLsn, labelfile, spcmapfile } = stop.rows[0];
    // Byte for byte, as the documentation insists: they tell recovery where to begin.
    await writer.addBuffer(`${DATA_PREFIX}backup_label`, Buffer.from(labelfile, "utf8"));
    if (spcmapfile) await writer.addBuffer(`${DATA_PREFIX}tablespace_map`, Buffer.from(spcmapfile, "utf8"));

    options.onProgress?.("collecting-wal");
    const wal = await client.query<{ first: string; last: string; size: string }>(
      "SELECT pg_walfile_name($1::pg_lsn) AS first, pg_walfile_name($2::pg_lsn) AS last, setting AS size FROM pg_settings WHERE name = 'wal_segment_size'",
      [start.rows[0].lsn, stopLsn],
    );
    const walSegments = walSegmentNames(wal.rows[0].first, wal.rows[0].last, Number(wal.rows[0].size));
    for (const segment of walSegments) {
      const name = path.join("pg_wal", segment);
      if (!(await writer.addFile(DATA_PREFIX + name, path.join(pgDir, name))))
        throw new Error(`The WAL segment ${segment} was removed before it could be copied; try again.`);
    }

    const secrets: string[] = [];
    for (const name of SECRET_FILES) {
      const content = await readFile(path.join(options.dataDir, name)).catch(() => null);
      if (!content) continue;
      await writer.addBuffer(name, content);
      secrets.push(name);
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: 1,
      postgresMajor: Math.floor(Number(version.num) / 10000),
      postgresVersion: version.v,
      createdAt: new Date().toISOString(),
      label,
      startLsn: start.rows[0].lsn,
      stopLsn,
      walSegments,
      files: files + walSegments.length + (spcmapfile ? 2 : 1),
      secrets,
    };
    await writer.addBuffer(MANIFEST_NAME, Buffer.from(JSON.stringify(manifest, null, 2) + "\n"), 0o644);
    const bytes = await writer.finish();
    writer = null;
    await rename(temporary, file);
    return { file, bytes, seconds: (performance.now() - started) / 1000, manifest };
  } catch (e) {
    // Closing the connection (below) also ends PostgreSQL's backup mode.
    await writer?.abort();
    await rm(temporary, { force: true });
    throw e;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The data directory the connected server runs on, which must be the one of `dataDir`: the files are read from disk. */
async function servedDataDirectory(client: pg.Client, dataDir: string): Promise<string> {
  const served = (await client.query<{ dir: string }>("SELECT current_setting('data_directory') AS dir")).rows[0].dir;
  const expected = path.join(dataDir, "postgres");
  const same = await Promise.all([realpath(served), realpath(expected)]).then(
    ([a, b]) => a === b,
    () => false,
  );
  if (!same)
    throw new Error(
      `The server on this port runs on ${served}, not on ${expected}: is MARGINALIA_DATA_DIR or MARGINALIA_DB_PORT set differently from the app's?`,
    );
  return served;
}
