import { describe, expect, it } from "vitest";
import { call, newUser, newWorkspace } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";

describe("POST /api/v1/workspaces", () => {
  it("creates a workspace (201) whose creator is its owner", async () => {
    const user = await newUser();
    const res = await call("POST", "/api/v1/workspaces", { as: user, json: { name: "Policy Desk" } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), slug: expect.stringMatching(/^policy-desk/), name: "Policy Desk" });
    const members = await call("GET", `/api/v1/workspaces/${res.body.id}/members`, { as: user });
    expect(members.body.members).toEqual([expect.objectContaining({ userId: user.id, role: "owner" })]);
  });

  it("gives a second workspace with the same name its own slug", async () => {
    const user = await newUser();
    const a = await newWorkspace(user, "Same Name");
    const b = await newWorkspace(user, "Same Name");
    expect(a.slug).not.toBe(b.slug);
  });

  it("refuses no identity (401), malformed JSON (400), an empty name (422), an oversized body (413)", async () => {
    expect((await call("POST", "/api/v1/workspaces", { json: { name: "X" } })).status).toBe(401);
    const user = await newUser();
    expect((await call("POST", "/api/v1/workspaces", { as: user, raw: "{" })).status).toBe(400);
    expect((await call("POST", "/api/v1/workspaces", { as: user, raw: "[1,2]" })).status).toBe(400);
    const empty = await call("POST", "/api/v1/workspaces", { as: user, json: { name: "   " } });
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe("validation_failed");
    expect((await call("POST", "/api/v1/workspaces", { as: user, json: { name: "x".repeat(10_000) } })).status).toBe(413);
    expect(await query("SELECT 1 FROM memberships WHERE user_id = $1", [user.id])).toHaveLength(0);
  });
});

describe("GET /api/v1/workspaces", () => {
  it("lists only the caller's workspaces", async () => {
    const [a, b] = [await newUser(), await newUser()];
    const mine = await newWorkspace(a, "Mine");
    await newWorkspace(b, "Theirs");
    const res = await call("GET", "/api/v1/workspaces", { as: a });
    expect(res.status).toBe(200);
    expect(res.body.workspaces.map((w: { id: string }) => w.id)).toEqual([mine.id]);
    expect(res.body.workspaces[0]).toMatchObject({ role: "owner", reportCount: 0, memberCount: 1 });
  });
});

describe("GET /api/v1/workspaces/{id}", () => {
  it("answers 404 to a stranger, by id and by slug", async () => {
    const [owner, stranger] = [await newUser(), await newUser()];
    const ws = await newWorkspace(owner);
    expect((await call("GET", `/api/v1/workspaces/${ws.id}`, { as: owner })).status).toBe(200);
    const byId = await call("GET", `/api/v1/workspaces/${ws.id}`, { as: stranger });
    expect(byId.status).toBe(404);
    expect(byId.body.error.code).toBe("not_found");
    expect((await call("GET", `/api/v1/workspaces/${ws.slug}`, { as: stranger })).status).toBe(404);
  });
});
