import { describe, expect, it } from "vitest";
import { call } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";

describe("GET /api/health/live and /api/health/ready", () => {
  it("answer 200 {status: ok} without a session, and are never cached", async () => {
    for (const path of ["/api/health/live", "/api/health/ready"]) {
      const res = await call("GET", path);
      expect(res.status, path).toBe(200);
      expect(res.body).toEqual({ status: "ok" });
      expect(res.headers.get("cache-control")).toContain("no-store");
    }
  });

  it("ready says 503, with what is wrong, while a migration of this release is not applied", async () => {
    const [last] = await query<{ id: string; migration_name: string }>(
      "SELECT id, migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1",
    );
    await query("UPDATE _prisma_migrations SET rolled_back_at = now() WHERE id = $1", [last.id]);
    try {
      const res = await call("GET", "/api/health/ready");
      expect(res.status).toBe(503);
      expect(res.body.status).toBe("unavailable");
      expect(res.body.problems.join(" ")).toContain(last.migration_name);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await call("GET", "/api/health/live")).status).toBe(200);
    } finally {
      await query("UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE id = $1", [last.id]);
    }
    expect((await call("GET", "/api/health/ready")).status).toBe(200);
  });
});
