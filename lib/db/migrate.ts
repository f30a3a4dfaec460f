import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

/** The migrations committed with this release (folders of prisma/migrations), in order. */
export async function committedMigrations(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** The query that lists applied migrations (the table Prisma keeps). */
export const APPLIED_MIGRATIONS_SQL =
  "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL";

/** Names of committed migrations not yet recorded as applied. */
export async function pendingMigrations(url: string): Promise<string[]> {
  const committed = await committedMigrations();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = await client.query("SELECT to_regclass('public._prisma_migrations') AS t");
    if (!table.rows[0].t) return committed;
    const applied = await client.query(APPLIED_MIGRATIONS_SQL);
    const done = new Set(applied.rows.map((r: { migration_name: string }) => r.migration_name));
    return committed.filter((name) => !done.has(name));
  } finally {
    await client.end();
  }
}

/**
 * Applies committed migrations with `prisma migrate deploy`, skipping the CLI
 * (about 11 s even when idle) when everything is already applied.
 */
export async function migrate(url: string): Promise<void> {
  const pending = await pendingMigrations(url);
  if (pending.length === 0) return;
  console.log(`Applying ${pending.length} migration(s): ${pending.join(", ")}`);
  const bin = path.join(process.cwd(), "node_modules", ".bin", "prisma");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(bin, ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`prisma migrate deploy exited with ${code}`))));
  });
}
