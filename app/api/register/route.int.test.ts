import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { call, signIn } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";

const email = () => `reg-${randomUUID()}@test.local`;

describe("POST /api/register", () => {
  it("creates an account (201) and stores only an argon2id hash", async () => {
    const e = email();
    const res = await call("POST", "/api/register", { json: { email: e, name: "Rana Haddad", password: "correct horse" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: e, name: "Rana Haddad" });
    expect(res.body).not.toHaveProperty("passwordHash");
    const [row] = await query<{ password_hash: string }>("SELECT password_hash FROM users WHERE email = $1", [e]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain("correct horse");
  });

  it("refuses a taken email with 409, whatever its case", async () => {
    const e = email();
    expect((await call("POST", "/api/register", { json: { email: e, name: "A", password: "password1" } })).status).toBe(201);
    const again = await call("POST", "/api/register", { json: { email: e.toUpperCase(), name: "B", password: "password2" } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("conflict");
  });

  it("refuses a password under 8 characters (422) and writes nothing", async () => {
    const e = email();
    const res = await call("POST", "/api/register", { json: { email: e, name: "Short", password: "1234567" } });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/at least 8/);
    expect(await query("SELECT 1 FROM users WHERE email = $1", [e])).toHaveLength(0);
  });

  it("refuses malformed JSON with 400 and a bad email with 422", async () => {
    expect((await call("POST", "/api/register", { raw: "{nope" })).status).toBe(400);
    expect((await call("POST", "/api/register", { json: { email: "not-an-email", name: "X", password: "password1" } })).status).toBe(422);
  });

  it("lets the new account sign in through NextAuth's credentials flow, and not with a wrong password", async () => {
    const e = email();
    await call("POST", "/api/register", { json: { email: e, name: "Signer", password: "password123" } });
    const cookie = await signIn(e, "password123");
    expect(cookie).toContain("next-auth.session-token");
    const me = await call("GET", "/api/v1/me", { as: { cookie: cookie! } });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(e);
    expect(await signIn(e, "wrong-password")).toBeNull();
  });

  it("refuses even the right password after 10 attempts on one email in 10 minutes", async () => {
    const e = email();
    await call("POST", "/api/register", { json: { email: e, name: "Target", password: "the-real-one" } });
    for (let i = 0; i < 10; i++) expect(await signIn(e, `guess-${i}`)).toBeNull();
    expect(await signIn(e, "the-real-one")).toBeNull();
    // Other accounts are unaffected.
    const other = email();
    await call("POST", "/api/register", { json: { email: other, name: "Other", password: "password123" } });
    expect(await signIn(other, "password123")).not.toBeNull();
  });
});
