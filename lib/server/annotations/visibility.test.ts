import { describe, expect, it } from "vitest";
import { annotationSharedSql, annotationVisibleSql } from "./visibility";

describe("annotationVisibleSql", () => {
  it("binds the user and splices only the alias", () => {
    const sql = annotationVisibleSql("ea", "user-1");
    expect(sql.text).toBe("(ea.visibility = 'workspace' OR ea.author_id = $1)");
    expect(sql.values).toEqual(["user-1"]);
    expect(annotationSharedSql("a").text).toBe("a.visibility = 'workspace'");
  });

  it("refuses an alias that is not a plain identifier, and an empty user id", () => {
    for (const alias of ["", "A", "a.b", "a; DROP TABLE annotations", "1a", "a b"])
      expect(() => annotationVisibleSql(alias, "user-1")).toThrow(/alias/);
    expect(() => annotationVisibleSql("a", "")).toThrow(/user id/);
  });
});
