import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";

/**
 * The one Prisma client, and the connection pool under it. The server only
 * ever reads DATABASE_URL: the scripts that start it (scripts/run.ts) start
 * the embedded Postgres and set it first.
 */
function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which provide one.");
  }
  const pool = new pg.Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // Ours, but Prisma's to close: `$disconnect` ends it, as it ended the pool Prisma made itself.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return { prisma: new PrismaClient({ adapter }), pool };
}

type Client = ReturnType<typeof createClient>["prisma"];
// One client per process, kept across hot reloads in development.
const globalForPrisma = globalThis as unknown as { prisma?: Client; pool?: pg.Pool };

function client(): Client {
  if (!globalForPrisma.prisma) Object.assign(globalForPrisma, createClient());
  return globalForPrisma.prisma!;
}

/**
 * The pool Prisma's queries run on, for the few hot reads that cannot afford
 * Prisma's per-statement work (the large exports' batches): plain `pg`
 * queries on the same connections, parameters always passed as values.
 * `db.$disconnect()` ends it (scripts call that last; the server never does).
 */
export function dbPool(): pg.Pool {
  client();
  return globalForPrisma.pool!;
}

/**
 * Created on first use rather than at import, so `next build` (which loads
 * route modules without a database) does not need DATABASE_URL.
 */
export const db = new Proxy({} as Client, {
  get(_, prop) {
    const c = client();
    const value = Reflect.get(c, prop, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});

export type Db = Client;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
