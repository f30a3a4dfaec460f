import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { baseUrl, call, randomAddress, signIn } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";

const email = () => `reg-${randomUUID()}@test.local`;
const STRONG = "amber lantern quietly 42";

/** A registration from a made-up client address (the test server trusts one proxy). */
const register = (json: unknown, address = randomAddress(), headers: Record<string, string> = {}) =>
  call("POST", "/api/register", { json, headers: { "x-forwarded-for": address, ...headers } });

describe("POST /api/register", () => {
  it("creates an account (201) and stores only an argon2id hash", async () => {
    const e = email();
    const res = await register({ email: e, name: "Rana Haddad", password: STRONG });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: e, name: "Rana Haddad" });
    expect(res.body).not.toHaveProperty("passwordHash");
    const [row] = await query<{ password_hash: string }>("SELECT password_hash FROM users WHERE email = $1", [e]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(STRONG);
  });

  it("refuses a taken email with 409, whatever its case", async () => {
    const e = email();
    expect((await register({ email: e, name: "A", password: STRONG })).status).toBe(201);
    const again = await register({ email: e.toUpperCase(), name: "B", password: `${STRONG} again` });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("conflict");
  });

  it.each([
    ["under 10 characters", "kx8#Lm2q", /at least 10/],
    ["only digits", "1234567890", /easy to guess/],
    ["a common password", "password123", /easy to guess/],
    ["a keyboard walk", "qwertyuiopas", /easy to guess/],
    ["made of the person's own name", "ranahaddad2026", /easy to guess/],
  ])("refuses a password %s (422 on the field, with the reason) and writes nothing", async (_what, password, reason) => {
    const e = email();
    const res = await register({ email: e, name: "Rana Haddad", password });
    expect(res.status).toBe(422);
    expect(res.body.error.details.issues[0].path).toBe("password");
    expect(res.body.error.message).toMatch(reason);
    expect(await query("SELECT 1 FROM users WHERE email = $1", [e])).toHaveLength(0);
  });

  it("refuses malformed JSON with 400 and a bad email with 422", async () => {
    expect((await call("POST", "/api/register", { raw: "{nope", headers: { "x-forwarded-for": randomAddress() } })).status).toBe(400);
    expect((await register({ email: "not-an-email", name: "X", password: STRONG })).status).toBe(422);
  });

  it("refuses a registration that another site's page sends (403), and one without a JSON type (415)", async () => {
    const e = email();
    const foreign = await register({ email: e, name: "Planted", password: STRONG }, randomAddress(), { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe("cross_origin");
    const untyped = await fetch(`${baseUrl()}/api/register`, {
      method: "POST",
      body: new Blob([JSON.stringify({ email: e, name: "Planted", password: STRONG })]),
    });
    expect(untyped.status).toBe(415);
    expect(await query("SELECT 1 FROM users WHERE email = $1", [e])).toHaveLength(0);
  });

  it("limits registrations per client address (429 with Retry-After), in PostgreSQL; other addresses go on", async () => {
    const address = randomAddress();
    for (let i = 0; i < 20; i++)
      expect((await register({ email: email(), name: `Member ${i}`, password: STRONG }, address)).status).toBe(201);
    const refused = await register({ email: email(), name: "One too many", password: STRONG }, address);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("rate_limited");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(3600);
    const rows = await query<{ points: number }>("SELECT points FROM rate_limits WHERE key = $1", [`register_addr:${address}`]);
    expect(rows[0].points).toBe(21);
    expect((await register({ email: email(), name: "Elsewhere", password: STRONG })).status).toBe(201);
  });

  it("lets the new account sign in through NextAuth's credentials flow, and not with a wrong password", async () => {
    const e = email();
    await register({ email: e, name: "Signer", password: STRONG });
    const cookie = await signIn(e, STRONG);
    expect(cookie).toContain("next-auth.session-token");
    const me = await call("GET", "/api/v1/me", { as: { cookie: cookie! } });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(e);
    expect(await signIn(e, "wrong-password")).toBeNull();
  });
});
