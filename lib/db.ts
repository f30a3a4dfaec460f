import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";
import { logger } from "@/lib/runtime/logger";

/**
 * The one connection pool and the one Prisma client on it. The server only
 * ever reads DATABASE_URL: the scripts that start it (scripts/run.ts) start
 * the embedded Postgres and set it first.
 */
function createClients() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which provide one.");
  }
  const pool = new pg.Pool({
    connectionString,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // A database that cannot be reached answers within seconds (503), rather than holding requests forever.
    connectionTimeoutMillis: 5_000,
  });
  // An idle connection whose server went away (a restart, a crash) is dropped from the pool; without a
  // listener its error would end the process. Requests then connect anew.
  pool.on("error", (e) => logger().warn({ err: e.message }, "database connection lost"));
  // Ours, but Prisma's to close: `$disconnect` ends it, as it ended the pool Prisma made itself.
  return { pool, prisma: new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) };
}

type Clients = ReturnType<typeof createClients>;
type Client = Clients["prisma"];
// One pool and client per process, kept across hot reloads in development.
const globalForPrisma = globalThis as unknown as { marginaliaDb?: Clients };

function clients(): Clients {
  globalForPrisma.marginaliaDb ??= createClients();
  return globalForPrisma.marginaliaDb;
}

/**
 * Created on first use rather than at import, so `next build` (which loads
 * route modules without a database) does not need DATABASE_URL.
 */
export const db = new Proxy({} as Client, {
  get(_, prop) {
    const c = clients().prisma;
    const value = Reflect.get(c, prop, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});

export type Db = Client;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// `timestamp` columns hold UTC, as Prisma reads them; pg alone would read them as local time.
const TIMESTAMP_OID = 1114;
const parseUtcTimestamp = (value: string) => new Date(`${value.replace(" ", "T")}Z`);
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP_OID && format !== "binary"
      ? parseUtcTimestamp
      : pg.types.getTypeParser(oid, format as "text")) as pg.CustomTypesConfig["getTypeParser"],
};

/**
 * One statement straight on the pool Prisma uses, for the few hot paths where
 * Prisma's own cost per query (its query compiler, an interactive
 * transaction's extra round trips) is most of the request, or a large
 * export's batches. Built with `Prisma.sql` (or as a fixed text with `$n`
 * placeholders and its values), so values are parameters, never spliced in.
 * A single statement is atomic on its own.
 *
 * `prepare` names the statement: each connection then parses and plans it
 * once rather than on every call. Only for a statement whose text never
 * varies (pg refuses one name for two texts).
 */
export async function sqlQuery<T>(query: Pick<Prisma.Sql, "text" | "values">, options: { prepare?: string } = {}): Promise<T[]> {
  const result = await clients().pool.query({ name: options.prepare, text: query.text, values: query.values, types });
  return result.rows as T[];
}

/** The pool itself, for a library that keeps its own statements on it (the abuse limits' rate-limiter-flexible). */
export function dbPool(): pg.Pool {
  return clients().pool;
}

/** Ends the pool, when one was made: the server's last step before it exits. */
export async function closeDatabase(): Promise<void> {
  const made = globalForPrisma.marginaliaDb;
  if (!made) return;
  globalForPrisma.marginaliaDb = undefined;
  await made.prisma.$disconnect();
}
