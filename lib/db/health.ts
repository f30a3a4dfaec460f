import "server-only";
import { sqlQuery } from "@/lib/db";
import { isShuttingDown } from "@/lib/runtime/shutdown";
import { APPLIED_MIGRATIONS_SQL, committedMigrations } from "./migrate";
import { isDatabaseUnavailable } from "./unavailable";

export type Readiness = { status: "ok" } | { status: "unavailable"; problems: string[] };

let committed: Promise<string[]> | undefined;

/**
 * Whether this instance can serve requests: it is not stopping, the database
 * answers, and every migration of this release has been applied to it.
 */
export async function checkReadiness(): Promise<Readiness> {
  if (isShuttingDown()) return { status: "unavailable", problems: ["this instance is stopping"] };
  let applied: Set<string>;
  try {
    const rows = await sqlQuery<{ migration_name: string }>({ text: APPLIED_MIGRATIONS_SQL, values: [] });
    applied = new Set(rows.map((r) => r.migration_name));
  } catch (e) {
    if (isDatabaseUnavailable(e)) return { status: "unavailable", problems: ["the database cannot be reached"] };
    // No migrations table yet: nothing has been applied.
    if ((e as { code?: string }).code === "42P01") applied = new Set();
    else throw e;
  }
  committed ??= committedMigrations();
  const missing = (await committed).filter((name) => !applied.has(name));
  if (missing.length)
    return {
      status: "unavailable",
      problems: [`${missing.length} migration(s) not applied: ${missing.join(", ")} (run \`npm run db:migrate\`)`],
    };
  return { status: "ok" };
}
