import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { membershipJoinSql, reportMemberSql } from "./access";

describe("membershipJoinSql and reportMemberSql", () => {
  it("bind a user id and take a column as it is", () => {
    expect(membershipJoinSql(Prisma.sql`r.workspace_id`, "user-1").text).toBe(
      "JOIN memberships m ON m.workspace_id = r.workspace_id AND m.user_id = $1",
    );
    const exists = reportMemberSql(Prisma.sql`p.report_id`, Prisma.sql`p.user_id`);
    expect(exists.text).toBe(
      "EXISTS (SELECT 1 FROM reports r JOIN memberships m ON m.workspace_id = r.workspace_id AND m.user_id = p.user_id WHERE r.id = p.report_id)",
    );
    expect(exists.values).toEqual([]);
  });

  it("keeps out roles below minRole, and refuses an empty user id", () => {
    const sql = membershipJoinSql(Prisma.sql`r.workspace_id`, "user-1", "editor");
    expect(sql.text).toContain("AND m.role::text = ANY($2::text[])");
    // The roles in the domain's ranking order (lib/domain/words.ts), highest first.
    expect(sql.values).toEqual(["user-1", ["owner", "editor"]]);
    expect(() => membershipJoinSql(Prisma.sql`r.workspace_id`, "")).toThrow(/user id/);
  });
});
