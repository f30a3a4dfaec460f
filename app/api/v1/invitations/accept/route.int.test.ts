import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addMember, call, newUser, newWorkspace, randomAddress, type TestUser } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";

const STRONG = "amber lantern quietly 42";
const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!;

async function invite(owner: TestUser, workspaceId: string, email: string, role = "annotator") {
  const res = await call("POST", `/api/v1/workspaces/${workspaceId}/invitations`, { as: owner, json: { email, role } });
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...(res.body as { id: string; url: string; email: string }), token: tokenOf(res.body.url) };
}

const register = (json: Record<string, unknown>) =>
  call("POST", "/api/register", { json, headers: { "x-forwarded-for": randomAddress() } });
const accept = (as: TestUser | { cookie: string }, token: unknown) => call("POST", "/api/v1/invitations/accept", { as, json: { token } });
const usersWith = (email: string) => query("SELECT id FROM users WHERE email = $1", [email]);

describe("POST /api/register with an invitation", () => {
  it("creates the account and joins the workspace with the invited role, in one go (201, joined)", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner, "Research desk");
    const email = `nadia-${randomUUID()}@test.local`;
    const made = await invite(owner, ws.id, email, "editor");
    const res = await register({ email, name: "Nadia Newcomer", password: STRONG, invitation: made.token });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      email,
      name: "Nadia Newcomer",
      joined: { workspace: { id: ws.id, slug: ws.slug, name: "Research desk" }, role: "editor" },
    });
    const members = await call("GET", `/api/v1/workspaces/${ws.id}/members`, { as: owner });
    expect(members.body.members).toContainEqual(expect.objectContaining({ userId: res.body.id, role: "editor" }));
    const [row] = await query("SELECT accepted_at, accepted_by_id FROM invitations WHERE id = $1", [made.id]);
    expect(row.accepted_at).not.toBeNull();
    expect(row.accepted_by_id).toBe(res.body.id);
  });

  it("works once: a second registration with the link is 409 and writes nothing", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const email = `once-${randomUUID()}@test.local`;
    const made = await invite(owner, ws.id, email);
    expect((await register({ email, name: "First", password: STRONG, invitation: made.token })).status).toBe(201);
    const again = await register({ email: `other-${randomUUID()}@test.local`, name: "Second", password: STRONG, invitation: made.token });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already been used/);
  });

  it("is for its address: another email is 422 on `email`, and nothing is written", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const made = await invite(owner, ws.id, `meant-${randomUUID()}@test.local`);
    const other = `other-${randomUUID()}@test.local`;
    const res = await register({ email: other, name: "Someone Else", password: STRONG, invitation: made.token });
    expect(res.status).toBe(422);
    expect(res.body.error.details.issues).toEqual([{ path: "email", message: expect.stringContaining(made.email) }]);
    expect(await usersWith(other)).toEqual([]);
    // The link still works for its own address.
    expect((await register({ email: made.email, name: "Meant One", password: STRONG, invitation: made.token })).status).toBe(201);
  });

  it("still refuses a guessable password (422), and the link stays usable", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const email = `weak-${randomUUID()}@test.local`;
    const made = await invite(owner, ws.id, email);
    const weak = await register({ email, name: "Weak Password", password: "password123", invitation: made.token });
    expect(weak.status).toBe(422);
    expect(weak.body.error.details.issues[0].path).toBe("password");
    expect((await register({ email, name: "Weak Password", password: STRONG, invitation: made.token })).status).toBe(201);
  });

  it("refuses an expired link (409) and writes nothing", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const email = `late-${randomUUID()}@test.local`;
    const made = await invite(owner, ws.id, email);
    await query("UPDATE invitations SET expires_at = now() - interval '1 minute', created_at = now() - interval '8 days' WHERE id = $1", [
      made.id,
    ]);
    const res = await register({ email, name: "Too Late", password: STRONG, invitation: made.token });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/expired/);
    expect(await usersWith(email)).toEqual([]);
    // The owner still sees it, expired, to renew or revoke.
    const list = await call("GET", `/api/v1/workspaces/${ws.id}/invitations`, { as: owner });
    expect(new Date(list.body.invitations[0].expiresAt).getTime()).toBeLessThan(Date.now());
  });

  it("answers 404 for a link that names nothing, and 422 for one that cannot be a link", async () => {
    const email = `nobody-${randomUUID()}@test.local`;
    const unknown = await register({ email, name: "No Link", password: STRONG, invitation: "x".repeat(43) });
    expect(unknown.status).toBe(404);
    for (const invitation of ["short", "x".repeat(42) + "\u0000", 42, "../../etc/passwd/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]) {
      const res = await register({ email, name: "Bad Link", password: STRONG, invitation });
      expect(res.status, String(invitation)).toBe(422);
      expect(res.body.error.details.issues[0].path).toBe("invitation");
    }
    expect(await usersWith(email)).toEqual([]);
  });
});

describe("POST /api/v1/invitations/accept", () => {
  it("lets the signed-in owner of the address join (200); a second use is 409", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const someone = await newUser("Sam Someone");
    const made = await invite(owner, ws.id, someone.email, "viewer");
    const res = await accept({ cookie: someone.cookie }, made.token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ workspace: { id: ws.id, slug: ws.slug, name: ws.name }, role: "viewer" });
    expect((await call("GET", `/api/v1/workspaces/${ws.id}`, { as: someone })).body.role).toBe("viewer");
    const again = await accept(someone, made.token);
    expect(again.status).toBe(409);
  });

  it("is refused to another signed-in account (403) and leaves the link usable", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const meant = await newUser();
    const other = await newUser();
    const made = await invite(owner, ws.id, meant.email);
    const res = await accept(other, made.token);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(meant.email);
    expect((await call("GET", `/api/v1/workspaces/${ws.id}`, { as: other })).status).toBe(404);
    expect((await accept(meant, made.token)).status).toBe(200);
  });

  it("keeps a member's role when they were added meanwhile, and uses up the link", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const someone = await newUser();
    const made = await invite(owner, ws.id, someone.email, "viewer");
    await addMember(owner, ws.id, someone, "editor");
    const res = await accept(someone, made.token);
    expect(res.status).toBe(200);
    expect(res.body.role).toBe("editor");
    expect((await call("GET", `/api/v1/workspaces/${ws.id}/invitations`, { as: owner })).body.invitations).toEqual([]);
  });

  it("refuses revoked (409), expired (409) and unknown (404) links; odd input is 422; no identity is 401", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const someone = await newUser();
    const revoked = await invite(owner, ws.id, someone.email);
    expect((await call("DELETE", `/api/v1/workspaces/${ws.id}/invitations/${revoked.id}`, { as: owner })).status).toBe(204);
    expect((await accept(someone, revoked.token)).body.error.message).toMatch(/withdrawn/);
    const expired = await invite(owner, ws.id, someone.email);
    await query("UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1", [expired.id]);
    const late = await accept(someone, expired.token);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/expired/);
    expect((await accept(someone, "A".repeat(43))).status).toBe(404);
    for (const token of [undefined, "", "A".repeat(44), "A".repeat(42) + "\ud800", { $ne: null }]) {
      const res = await accept(someone, token);
      expect(res.status, JSON.stringify(token)).toBe(422);
      expect(res.body.error.details.issues[0].path).toBe("token");
    }
    expect((await call("POST", "/api/v1/invitations/accept", { json: { token: expired.token } })).status).toBe(401);
    expect((await call("GET", `/api/v1/workspaces/${ws.id}`, { as: someone })).status).toBe(404);
  });
});

describe("GET /invite/{token}", () => {
  it("shows the workspace and role to whoever holds the link, and a calm page for a dead one", async () => {
    const owner = await newUser("Olive Owner");
    const ws = await newWorkspace(owner, "Research desk");
    const made = await invite(owner, ws.id, `page-${randomUUID()}@test.local`, "annotator");
    // React marks where text pieces meet with empty comments: the text as a reader sees it.
    const text = (html: string) => html.replaceAll("<!-- -->", "");
    const page = await call("GET", `/invite/${made.token}`);
    expect(page.status).toBe(200);
    expect(text(page.body)).toContain("Join Research desk");
    expect(text(page.body)).toContain("Olive Owner invited you to Research desk as an annotator");
    const unknown = await call("GET", `/invite/${"z".repeat(43)}`);
    expect(unknown.status).toBe(200);
    expect(text(unknown.body)).toContain("This invitation link does not work");
    expect(text(unknown.body)).not.toContain("Research desk");
  });
});
