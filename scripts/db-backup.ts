/**
 * `npm run db:backup -- FILE`: a consistent backup of the embedded database
 * while the app runs (lib/db/backup.ts), as one .tar.gz with the data dir's
 * secrets. For an external DATABASE_URL, pg_dump does this (docs/deploy.md).
 */
import "dotenv/config";
import path from "node:path";
import { backupDatabase } from "../lib/db/backup";
import { dataDir, embeddedUrl } from "../lib/db/embedded";

function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} kB`;
}

async function main() {
  if (process.env.DATABASE_URL) {
    throw new Error(
      'DATABASE_URL is set: this backs up the embedded database only. Back up an external database with pg_dump (see "Backups" in docs/deploy.md).',
    );
  }
  const stamp = new Date()
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "");
  const file = path.resolve(process.argv[2] ?? `marginalia-backup-${stamp}.tar.gz`);
  const url = await embeddedUrl();
  if (!url) throw new Error(`There is no embedded database in ${dataDir()} yet (no postgres-password): nothing to back up.`);

  console.log(`Backing up the embedded database of ${dataDir()} to ${file} …`);
  const steps = { copying: "copying the data files", stopping: "ending backup mode", "collecting-wal": "adding the WAL the backup needs" };
  const result = await backupDatabase({ url, dataDir: dataDir(), file, onProgress: (step) => console.log(`  ${steps[step]}`) });
  const { manifest } = result;
  console.log(
    `Wrote ${result.file}: ${describeSize(result.bytes)} in ${result.seconds.toFixed(1)} s ` +
      `(PostgreSQL ${manifest.postgresVersion}, ${manifest.files} files, WAL ${manifest.startLsn} … ${manifest.stopLsn}; ` +
      `with ${manifest.secrets.join(" and ")}: keep it private).`,
  );
  const shown = path.relative(process.cwd(), result.file);
  console.log(`To restore it, stop the app, then: npm run db:restore -- ${shown.startsWith("..") ? result.file : shown}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
