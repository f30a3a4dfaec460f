import "server-only";
import type pg from "pg";
import type { Tx } from "@/lib/db";

/**
 * Plain SQL with positional parameters, run on whatever connection the caller
 * holds: a pg client (the collaboration server) or a Prisma transaction (the
 * app). Lets one function write the same rows from either.
 */
export interface Sql {
  rows<T>(text: string, values?: unknown[]): Promise<T[]>;
  run(text: string, values?: unknown[]): Promise<void>;
}

export function pgSql(client: pg.ClientBase): Sql {
  return {
    rows: async <T>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows as T[],
    run: async (text, values = []) => void (await client.query(text, values)),
  };
}

export function prismaSql(tx: Tx): Sql {
  return {
    rows: <T>(text: string, values: unknown[] = []) => tx.$queryRawUnsafe<T[]>(text, ...values),
    run: async (text, values = []) => void (await tx.$executeRawUnsafe(text, ...values)),
  };
}
