import { describe, expect, it } from "vitest";
import { createShareLinkSchema, expiryInstant, SHARE_TOKEN } from "./share-link";

describe("createShareLinkSchema", () => {
  it("takes the annotations choice, notes off by default, and an optional expiry", () => {
    expect(createShareLinkSchema.parse({ annotations: "none" })).toEqual({ annotations: "none", notes: false });
    expect(createShareLinkSchema.parse({ annotations: "team", notes: true, expiresAt: " 2027-01-31 " })).toEqual({
      annotations: "team",
      notes: true,
      expiresAt: "2027-01-31",
    });
    expect(createShareLinkSchema.parse({ annotations: "team", expiresAt: null }).expiresAt).toBeNull();
  });

  it("refuses notes without the team's annotations, and dates that do not exist", () => {
    const notes = createShareLinkSchema.safeParse({ annotations: "none", notes: true });
    expect(notes.success).toBe(false);
    expect(notes.error?.issues[0].path).toEqual(["notes"]);
    expect(createShareLinkSchema.safeParse({ annotations: "team", expiresAt: "2027-02-29" }).success).toBe(false);
    expect(createShareLinkSchema.safeParse({ annotations: "everyone" }).success).toBe(false);
  });
});

describe("expiryInstant", () => {
  it("ends a day at the next midnight UTC, and keeps a time as it is", () => {
    expect(expiryInstant("2027-01-31").toISOString()).toBe("2027-02-01T00:00:00.000Z");
    expect(expiryInstant("2027-01-31T09:30:00+02:00").toISOString()).toBe("2027-01-31T07:30:00.000Z");
  });
});

describe("SHARE_TOKEN", () => {
  it("is 43 base64url characters", () => {
    expect(SHARE_TOKEN.test("A".repeat(43))).toBe(true);
    expect(SHARE_TOKEN.test("A".repeat(42))).toBe(false);
    expect(SHARE_TOKEN.test(`${"A".repeat(42)}/`)).toBe(false);
  });
});
