import { afterAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { db, sqlQuery } from "@/lib/db";

describe("sqlQuery", () => {
  const tz = process.env.TZ;
  afterAll(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it("reads rows as Prisma does, `timestamp` columns as UTC whatever the process's time zone", async () => {
    // Far from UTC, so reading a timestamp as local time would be off by hours.
    process.env.TZ = "Asia/Tehran";
    const query = Prisma.sql`SELECT ${"x"}::text AS text, 42::int AS n, TIMESTAMP '2026-03-01 12:34:56.789' AS at, NULL::timestamp AS never, json_build_object('a', 1) AS j`;
    const [raw] = await sqlQuery<Record<string, unknown>>(query);
    const [viaPrisma] = await db.$queryRaw<Record<string, unknown>[]>(query);
    expect(raw).toEqual(viaPrisma);
    expect(raw.at).toEqual(new Date("2026-03-01T12:34:56.789Z"));
    expect(raw).toMatchObject({ text: "x", n: 42, never: null, j: { a: 1 } });
  });

  it("runs a prepared statement again with other values", async () => {
    const add = (a: number, b: number) => sqlQuery<{ n: number }>(Prisma.sql`SELECT ${a}::int + ${b}::int AS n`, { prepare: "test-add" });
    const sums = await Promise.all([add(1, 2), add(3, 4), add(5, 6), add(7, 8)]);
    expect(sums.map(([row]) => row.n)).toEqual([3, 7, 11, 15]);
  });
});
