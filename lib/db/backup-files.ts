import { lstat, readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { ArchiveWriter } from "./backup-archive";

/**
 * What a base backup copies of a live data directory, after PostgreSQL's
 * "Backing Up the Data Directory" and what pg_basebackup leaves out: files that
 * describe the running server, not the data, and directories whose contents
 * PostgreSQL recreates at startup. pg_wal is copied empty here; the segments
 * the backup needs are added after pg_backup_stop (see walSegmentNames).
 */
const SKIPPED_TOP_FILES = new Set([
  "postmaster.pid",
  "postmaster.opts",
  // Left by an earlier restore or another tool; the backup writes its own.
  "backup_label",
  "tablespace_map",
  "backup_manifest",
  "postgresql.auto.conf.tmp",
  "current_logfiles.tmp",
]);
const EMPTIED_TOP_DIRS = new Set([
  "pg_wal",
  "pg_replslot",
  "pg_stat_tmp",
  "pg_dynshmem",
  "pg_notify",
  "pg_serial",
  "pg_snapshots",
  "pg_subtrans",
]);
const CONTROL_FILE = path.join("global", "pg_control");

const skippedAnywhere = (name: string) => name.startsWith("pgsql_tmp") || name === "pg_internal.init";

/** Writes the data directory under `prefix` in the archive; returns how many files it holds. */
export async function copyDataDirectory(writer: ArchiveWriter, dataDirectory: string, prefix: string): Promise<number> {
  let files = 0;
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(dataDirectory, relative)).catch((e: NodeJS.ErrnoException) => {
      // A database dropped while the backup runs takes its directory with it.
      if (e.code === "ENOENT") return [];
      throw e;
    });
    for (const name of entries.sort()) {
      const rel = path.join(relative, name);
      if (skippedAnywhere(name) || (relative === "" && SKIPPED_TOP_FILES.has(name)) || rel === CONTROL_FILE) continue;
      const info = await lstat(path.join(dataDirectory, rel)).catch(() => null);
      if (!info) continue;
      if (info.isSymbolicLink()) {
        throw new Error(
          `${rel} in the data directory is a symbolic link (a tablespace or a moved pg_wal?): only a self-contained data directory can be backed up this way.`,
        );
      }
      if (info.isDirectory()) {
        await writer.addDirectory(prefix + rel, info.mode, info.mtime);
        if (relative === "" && EMPTIED_TOP_DIRS.has(name)) {
          // pg_wal's own folders (archive_status, summaries) are kept, empty.
          if (name === "pg_wal") await addSubdirectories(writer, dataDirectory, rel, prefix);
        } else {
          await walk(rel);
        }
      } else if (info.isFile() && (await writer.addFile(prefix + rel, path.join(dataDirectory, rel)))) {
        files++;
      }
    }
  };
  await walk("");
  // Last, as pg_basebackup does, so it is no older than any file copied before it.
  const control = await readSteadily(path.join(dataDirectory, CONTROL_FILE));
  await writer.addBuffer(prefix + CONTROL_FILE, control, (await stat(path.join(dataDirectory, CONTROL_FILE))).mode & 0o7777);
  return files + 1;
}

async function addSubdirectories(writer: ArchiveWriter, dataDirectory: string, relative: string, prefix: string) {
  for (const name of (await readdir(path.join(dataDirectory, relative))).sort()) {
    const info = await lstat(path.join(dataDirectory, relative, name));
    if (info.isDirectory()) await writer.addDirectory(prefix + path.join(relative, name), info.mode, info.mtime);
  }
}

/**
 * pg_control is rewritten in place at every checkpoint, and a read racing that
 * write can see half of each: the file is read until two reads agree.
 */
async function readSteadily(file: string): Promise<Buffer> {
  let previous = await readFile(file);
  for (let attempt = 0; attempt < 10; attempt++) {
    const current = await readFile(file);
    if (current.equals(previous)) return current;
    previous = current;
  }
  throw new Error(`${file} kept changing while it was read; try the backup again.`);
}

/**
 * The WAL segment files from `first` to `last` (names as pg_walfile_name gives
 * them: timeline, then the segment number in two 32-bit halves whose low half
 * counts up to 4 GiB / segment size).
 */
export function walSegmentNames(first: string, last: string, segmentSize: number): string[] {
  const pattern = /^[0-9A-F]{24}$/;
  if (!pattern.test(first) || !pattern.test(last)) throw new Error(`Unexpected WAL file names ${first}, ${last}`);
  if (first.slice(0, 8) !== last.slice(0, 8)) throw new Error(`The timeline changed during the backup (${first} … ${last}); try again.`);
  const perHigh = BigInt(0x100000000 / segmentSize);
  const number = (name: string) => BigInt(`0x${name.slice(8, 16)}`) * perHigh + BigInt(`0x${name.slice(16, 24)}`);
  const hex = (n: bigint) => n.toString(16).toUpperCase().padStart(8, "0");
  const names: string[] = [];
  for (let n = number(first); n <= number(last); n++) names.push(first.slice(0, 8) + hex(n / perHigh) + hex(n % perHigh));
  return names;
}
