import { describe, expect, it } from "vitest";
import { call, newUser } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";

describe("POST /api/v1/tokens", () => {
  it("creates a token for a signed-in session (201) that then authenticates API calls", async () => {
    const user = await newUser();
    const res = await call("POST", "/api/v1/tokens", { as: { cookie: user.cookie }, json: { name: "Export script" } });
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^mgl_/);
    const me = await call("GET", "/api/v1/me", { as: { token: res.body.token } });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(user.id);
  });

  it("records when a token was last used, at most once a minute", async () => {
    const user = await newUser();
    const lastUsed = async () =>
      (await query<{ at: Date | null }>("SELECT last_used_at AS at FROM api_tokens WHERE user_id = $1", [user.id]))[0].at;
    expect(await lastUsed()).toBeNull();
    expect((await call("GET", "/api/v1/me", { as: { token: user.token } })).status).toBe(200);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    expect(Math.abs(first!.getTime() - Date.now())).toBeLessThan(60_000);
    expect((await call("GET", "/api/v1/me", { as: { token: user.token } })).status).toBe(200);
    expect(await lastUsed()).toEqual(first);
    // A minute later (moved back here rather than waited for), the next call records it again.
    await query("UPDATE api_tokens SET last_used_at = last_used_at - interval '2 minutes' WHERE user_id = $1", [user.id]);
    expect((await call("GET", "/api/v1/me", { as: { token: user.token } })).status).toBe(200);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(first!.getTime() - 60_000);
  });

  it("stores only a hash of the token", async () => {
    const user = await newUser();
    const rows = await query<{ token_hash: string }>("SELECT token_hash FROM api_tokens WHERE user_id = $1", [user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).not.toBe(user.token);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("answers 401 without an identity, and refuses to mint tokens with a token", async () => {
    expect((await call("POST", "/api/v1/tokens", { json: {} })).status).toBe(401);
    const user = await newUser();
    expect((await call("POST", "/api/v1/tokens", { as: { token: user.token }, json: {} })).status).toBe(401);
  });

  it("rejects an unknown or revoked token with 401", async () => {
    const user = await newUser();
    expect((await call("GET", "/api/v1/me", { as: { token: "mgl_not-a-real-token" } })).status).toBe(401);
    const list = await call("GET", "/api/v1/tokens", { as: { cookie: user.cookie } });
    const id = list.body.tokens[0].id;
    expect((await call("DELETE", `/api/v1/tokens/${id}`, { as: { cookie: user.cookie } })).status).toBe(204);
    expect((await call("GET", "/api/v1/me", { as: { token: user.token } })).status).toBe(401);
  });

  it("does not let one user revoke another's token (404)", async () => {
    const [a, b] = [await newUser(), await newUser()];
    const list = await call("GET", "/api/v1/tokens", { as: { cookie: a.cookie } });
    expect((await call("DELETE", `/api/v1/tokens/${list.body.tokens[0].id}`, { as: { cookie: b.cookie } })).status).toBe(404);
    expect((await call("GET", "/api/v1/me", { as: { token: a.token } })).status).toBe(200);
  });
});
