import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createCollabToken, verifyCollabToken } from "./token";

const SECRET = "test-secret-0123456789";
const claims = { userId: "user_1", reportId: "report_1", canWrite: true };

describe("collaboration tokens", () => {
  it("round-trips the claims with an expiry", () => {
    const now = Date.UTC(2026, 0, 1);
    const token = createCollabToken(claims, SECRET, 600, now);
    expect(verifyCollabToken(token, SECRET, now + 1000)).toEqual({ ...claims, expiresAt: now / 1000 + 600 });
    expect(verifyCollabToken(createCollabToken({ ...claims, canWrite: false }, SECRET), SECRET)?.canWrite).toBe(false);
  });

  it("refuses an expired token", () => {
    const now = Date.UTC(2026, 0, 1);
    const token = createCollabToken(claims, SECRET, 60, now);
    expect(verifyCollabToken(token, SECRET, now + 59_000)).not.toBeNull();
    expect(verifyCollabToken(token, SECRET, now + 60_000)).toBeNull();
  });

  it("refuses a token signed with another secret", () => {
    expect(verifyCollabToken(createCollabToken(claims, "another-secret"), SECRET)).toBeNull();
  });

  it("refuses a tampered payload or signature", () => {
    const [version, body, signature] = createCollabToken({ ...claims, canWrite: false }, SECRET).split(".");
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, "base64url").toString()), w: true })).toString("base64url");
    expect(verifyCollabToken(`${version}.${forged}.${signature}`, SECRET)).toBeNull();
    const flipped = signature.startsWith("A") ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    expect(verifyCollabToken(`${version}.${body}.${flipped}`, SECRET)).toBeNull();
    expect(verifyCollabToken(`${version}.${body}.${signature.slice(0, -2)}`, SECRET)).toBeNull();
  });

  it("refuses anything malformed without throwing", () => {
    for (const bad of ["", "x", "c1..", "c1.e30.", "c1.@@@.@@@", `c1.${"a".repeat(2000)}.b`, null, undefined, 42, {}]) {
      expect(verifyCollabToken(bad, SECRET)).toBeNull();
    }
    expect(verifyCollabToken(createCollabToken(claims, SECRET), "")).toBeNull();
    // Well signed but not our shape.
    const body = Buffer.from(JSON.stringify({ u: 1, r: "r", w: true, e: 9e9 })).toString("base64url");
    const sig = createHmac("sha256", SECRET).update(`c1.${body}`).digest("base64url");
    expect(verifyCollabToken(`c1.${body}.${sig}`, SECRET)).toBeNull();
  });
});
