import { Prisma } from "@/generated/prisma/client";

/** Today, as a UTC calendar day, in SQL: the day due dates are read against (lib/domain/assignments.ts). */
export const UTC_TODAY_SQL = Prisma.sql`(now() AT TIME ZONE 'UTC')::date`;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Open and past its due date, for an annotation row named `alias`: the rule of `isOverdue`, in SQL. */
export function overdueSql(alias: string, today: Prisma.Sql = UTC_TODAY_SQL): Prisma.Sql {
  if (!IDENTIFIER.test(alias)) throw new Error(`Not an SQL alias: ${JSON.stringify(alias)}`);
  const a = Prisma.raw(alias);
  return Prisma.sql`(${a}.status = 'open' AND ${a}.due_at IS NOT NULL AND ${a}.due_at < ${today})`;
}
