/** `npm run db:migrate`: applies committed migrations to DATABASE_URL (or the embedded database). */
import "dotenv/config";
import { resolveDatabase } from "../lib/db/embedded";
import { migrate, pendingMigrations } from "../lib/db/migrate";

const database = await resolveDatabase({ quiet: true });
try {
  const pending = await pendingMigrations(database.url);
  if (pending.length === 0) console.log("The database is up to date.");
  await migrate(database.url);
} finally {
  await database.stop();
}
