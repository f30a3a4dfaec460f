/**
 * `npm run db:restore -- FILE`: puts a backup made by `npm run db:backup` in
 * place of the embedded database, with the app stopped (lib/db/restore.ts).
 * The replaced data directory is kept beside it. For an external DATABASE_URL,
 * pg_restore does this (docs/deploy.md).
 */
import "dotenv/config";
import path from "node:path";
import { dataDir, embeddedUrl } from "../lib/db/embedded";
import { restoreDatabase } from "../lib/db/restore";

async function main() {
  if (process.env.DATABASE_URL) {
    throw new Error(
      'DATABASE_URL is set: this restores the embedded database only. Restore an external database with pg_restore (see "Backups" in docs/deploy.md).',
    );
  }
  const file = process.argv[2];
  if (!file) throw new Error("Usage: npm run db:restore -- FILE   (a .tar.gz made by npm run db:backup)");

  const started = performance.now();
  console.log(`Restoring ${path.resolve(file)} into ${dataDir()} …`);
  const result = await restoreDatabase({ dataDir: dataDir(), file, url: (await embeddedUrl()) ?? undefined });
  const { manifest } = result;
  console.log(
    `Restored the backup "${manifest.label}" of ${manifest.createdAt} (PostgreSQL ${manifest.postgresVersion}) into ${result.databaseDir} in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  if (result.movedAside) console.log(`The database it replaced is kept in ${result.movedAside}.`);
  if (result.secretsRestored.length > 0)
    console.log(
      `Restored ${result.secretsRestored.join(" and ")}${result.secretsMovedAside.length > 0 ? `; the previous ones are kept as ${result.secretsMovedAside.map((p) => path.basename(p)).join(", ")}` : ""}.`,
    );
  console.log(
    "Start the app (npm start or npm run dev): PostgreSQL replays the backup's WAL on its first start and is then at the moment the backup ended.",
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
