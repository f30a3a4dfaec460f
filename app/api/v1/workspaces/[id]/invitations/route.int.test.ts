import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addMember, baseUrl, call, newUser, newWorkspace, teamWorkspace, type TestUser } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";

const invitations = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}/invitations`;
const address = () => `invitee-${randomUUID()}@test.local`;
const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!;
const DAY = 24 * 60 * 60 * 1000;

async function invite(owner: TestUser, workspaceId: string, email = address(), role = "annotator") {
  const res = await call("POST", invitations(workspaceId), { as: owner, json: { email, role } });
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; email: string; role: string; url: string; expiresAt: string };
}

describe("POST /api/v1/workspaces/{id}/invitations", () => {
  it("makes a link for an address (201 { id, email, role, url, expiresAt }), on NEXTAUTH_URL, for 7 days", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const email = address();
    const before = Date.now();
    const res = await call("POST", invitations(ws.id), { as: owner, json: { email: `  ${email.toUpperCase()} `, role: "editor" } });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(["email", "emailed", "expiresAt", "id", "role", "url"]);
    // The test server sends no email (no SMTP_URL): the owner sends the link themselves.
    expect(res.body).toMatchObject({ email, role: "editor", emailed: false });
    expect(res.body.url).toMatch(new RegExp(`^${baseUrl()}/invite/[A-Za-z0-9_-]{43}$`));
    const expires = new Date(res.body.expiresAt).getTime();
    expect(expires).toBeGreaterThanOrEqual(before + 7 * DAY - 5_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 7 * DAY + 5_000);
  });

  it("stores only a SHA-256 of the link's secret", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const created = await invite(owner, ws.id);
    const token = tokenOf(created.url);
    const [row] = await query("SELECT * FROM invitations WHERE id = $1", [created.id]);
    expect(row.token_hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    // The list never shows a link again.
    const list = await call("GET", invitations(ws.id), { as: owner });
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect(list.body.invitations[0]).not.toHaveProperty("url");
  });

  it("answers 403 to every role but owner, 404 to a stranger, for making, listing and revoking", async () => {
    const { ws, people } = await teamWorkspace();
    const made = await invite(people.owner, ws.id);
    for (const role of ["editor", "annotator", "viewer"] as const) {
      const as = people[role];
      const post = await call("POST", invitations(ws.id), { as, json: { email: address(), role: "viewer" } });
      expect(post.status, `${role} POST`).toBe(403);
      expect(post.body.error.code).toBe("forbidden");
      expect((await call("GET", invitations(ws.id), { as })).status, `${role} GET`).toBe(403);
      expect((await call("DELETE", `${invitations(ws.id)}/${made.id}`, { as })).status, `${role} DELETE`).toBe(403);
    }
    const as = people.stranger;
    expect((await call("POST", invitations(ws.id), { as, json: { email: address(), role: "viewer" } })).status).toBe(404);
    expect((await call("GET", invitations(ws.id), { as })).status).toBe(404);
    expect((await call("DELETE", `${invitations(ws.id)}/${made.id}`, { as })).status).toBe(404);
    // Still there, and still usable.
    const list = await call("GET", invitations(ws.id), { as: people.owner });
    expect(list.body.invitations.map((i: { id: string }) => i.id)).toContain(made.id);
  });

  it("refuses a current member (409), and replaces an open invitation for the same address (the old link stops working)", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const colleague = await newUser();
    await addMember(owner, ws.id, colleague, "viewer");
    const member = await call("POST", invitations(ws.id), { as: owner, json: { email: colleague.email, role: "editor" } });
    expect(member.status).toBe(409);
    expect(member.body.error.message).toContain("already a member");

    const email = address();
    const first = await invite(owner, ws.id, email, "viewer");
    const second = await invite(owner, ws.id, email, "editor");
    const list = await call("GET", invitations(ws.id), { as: owner });
    expect(list.body.invitations.map((i: { id: string; role: string }) => [i.id, i.role])).toEqual([[second.id, "editor"]]);
    const old = await call("POST", "/api/register", {
      json: { email, name: "Late Comer", password: "amber lantern quietly 42", invitation: tokenOf(first.url) },
      headers: { "x-forwarded-for": "10.9.9.9" },
    });
    expect(old.status).toBe(409);
    expect(old.body.error.message).toMatch(/withdrawn/);
  });

  it("invites an address that already has an account: they accept the link signed in", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const someone = await newUser();
    const made = await invite(owner, ws.id, someone.email, "editor");
    const res = await call("POST", "/api/v1/invitations/accept", { as: someone, json: { token: tokenOf(made.url) } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ workspace: { id: ws.id, slug: ws.slug, name: ws.name }, role: "editor" });
  });

  it.each([
    ["an invalid email", { email: "not-an-address", role: "viewer" }, "email"],
    ["no email", { role: "viewer" }, "email"],
    ["an email with a control character", { email: "a\u0007b@test.local", role: "viewer" }, "email"],
    ["an email with a lone surrogate", { email: "a\ud800@test.local", role: "viewer" }, "email"],
    ["an unknown role", { email: "x@test.local", role: "boss" }, "role"],
    ["a role that is a number", { email: "x@test.local", role: 2 }, "role"],
  ])("refuses %s with 422 and details.issues", async (_what, json, path) => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const res = await call("POST", invitations(ws.id), { as: owner, json });
    expect(res.status).toBe(422);
    expect(res.body.error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect((await call("GET", invitations(ws.id), { as: owner })).body.invitations).toEqual([]);
  });
});

describe("GET /api/v1/workspaces/{id}/invitations", () => {
  it("lists open invitations newest first, page by page, without used or revoked ones", async () => {
    const owner = await newUser("Olive Owner");
    const ws = await newWorkspace(owner);
    const a = await invite(owner, ws.id);
    const b = await invite(owner, ws.id);
    const c = await invite(owner, ws.id, address(), "viewer");
    const used = await invite(owner, ws.id);
    const revoked = await invite(owner, ws.id);
    const joined = await call("POST", "/api/register", {
      json: { email: used.email, name: "Used Up", password: "amber lantern quietly 42", invitation: tokenOf(used.url) },
      headers: { "x-forwarded-for": "10.7.7.7" },
    });
    expect(joined.status).toBe(201);
    expect((await call("DELETE", `${invitations(ws.id)}/${revoked.id}`, { as: owner })).status).toBe(204);

    const first = await call("GET", `${invitations(ws.id)}?limit=2`, { as: owner });
    expect(first.status).toBe(200);
    expect(first.body.invitations.map((i: { id: string }) => i.id)).toEqual([c.id, b.id]);
    expect(first.body.invitations[0]).toEqual({
      id: c.id,
      email: c.email,
      role: "viewer",
      createdAt: expect.any(String),
      expiresAt: c.expiresAt,
      invitedBy: { id: owner.id, name: "Olive Owner" },
      emailState: null,
    });
    const rest = await call("GET", `${invitations(ws.id)}?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, { as: owner });
    expect(rest.body.invitations.map((i: { id: string }) => i.id)).toEqual([a.id]);
    expect(rest.body.nextCursor).toBeNull();
  });

  it("refuses a limit out of range (422) and another list's cursor (400)", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    expect((await call("GET", `${invitations(ws.id)}?limit=201`, { as: owner })).status).toBe(422);
    expect((await call("GET", `${invitations(ws.id)}?limit=1e2`, { as: owner })).status).toBe(422);
    await addMember(owner, ws.id, await newUser(), "viewer");
    const cursor = (await call("GET", `/api/v1/workspaces/${ws.id}/members?limit=1`, { as: owner })).body.nextCursor;
    expect(cursor).toEqual(expect.any(String));
    expect((await call("GET", `${invitations(ws.id)}?cursor=${encodeURIComponent(cursor)}`, { as: owner })).status).toBe(400);
  });
});

describe("DELETE /api/v1/workspaces/{id}/invitations/{invitationId}", () => {
  it("revokes (204): the link stops working; again is 409, a used one 409, another workspace's 404", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const made = await invite(owner, ws.id);
    const path = `${invitations(ws.id)}/${made.id}`;
    expect((await call("DELETE", path, { as: owner })).status).toBe(204);
    expect((await call("DELETE", path, { as: owner })).status).toBe(409);
    const late = await call("POST", "/api/register", {
      json: { email: made.email, name: "Too Late", password: "amber lantern quietly 42", invitation: tokenOf(made.url) },
      headers: { "x-forwarded-for": "10.8.8.8" },
    });
    expect(late.status).toBe(409);
    expect(await query("SELECT id FROM users WHERE email = $1", [made.email])).toEqual([]);

    const used = await invite(owner, ws.id);
    expect(
      (
        await call("POST", "/api/register", {
          json: { email: used.email, name: "On Time", password: "amber lantern quietly 42", invitation: tokenOf(used.url) },
          headers: { "x-forwarded-for": "10.8.8.9" },
        })
      ).status,
    ).toBe(201);
    expect((await call("DELETE", `${invitations(ws.id)}/${used.id}`, { as: owner })).status).toBe(409);

    const otherOwner = await newUser();
    const other = await newWorkspace(otherOwner);
    const theirs = await invite(otherOwner, other.id);
    expect((await call("DELETE", `${invitations(ws.id)}/${theirs.id}`, { as: owner })).status).toBe(404);
    expect((await call("DELETE", `${invitations(ws.id)}/no-such-invitation`, { as: owner })).status).toBe(404);
  });
});
