import { describe, expect, it } from "vitest";
import { addMember, call, newAnnotation, newReport, newUser, newWorkspace, teamWorkspace, type Caller } from "@/lib/testing/api";

const member = (workspaceId: string, userId: string) => `/api/v1/workspaces/${workspaceId}/members/${userId}`;

async function roleOf(as: Awaited<ReturnType<typeof newUser>>, workspaceId: string): Promise<string | undefined> {
  const list = await call("GET", `/api/v1/workspaces/${workspaceId}/members`, { as });
  return (list.body.members as { userId: string; role: string }[]).find((m) => m.userId === as.id)?.role;
}

describe("PATCH /api/v1/workspaces/{id}/members/{userId}", () => {
  it("lets an owner change a member's role (200, the member), by the workspace's id or slug", async () => {
    const owner = await newUser("Olive Owner");
    const ws = await newWorkspace(owner);
    const colleague = await newUser("Cara Colleague");
    await addMember(owner, ws.id, colleague, "annotator");
    const res = await call("PATCH", member(ws.id, colleague.id), { as: owner, json: { role: "viewer" } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      userId: colleague.id,
      name: "Cara Colleague",
      email: colleague.email,
      role: "viewer",
      joinedAt: expect.any(String),
    });
    expect(await roleOf(colleague, ws.id)).toBe("viewer");
    // Through the cookie too (the members page), and by slug.
    const bySlug = await call("PATCH", member(ws.slug, colleague.id), { as: { cookie: owner.cookie }, json: { role: "editor" } });
    expect(bySlug.status).toBe(200);
    expect(await roleOf(colleague, ws.id)).toBe("editor");
    // What the member can do follows at once: an editor may now create tags.
    expect((await call("POST", `/api/v1/workspaces/${ws.id}/tags`, { as: colleague, json: { name: "Checked" } })).status).toBe(201);
  });

  it("answers 403 to every other role (and changes nothing), 404 to a stranger", async () => {
    const { ws, people } = await teamWorkspace();
    for (const role of ["editor", "annotator", "viewer"] as const) {
      const res = await call("PATCH", member(ws.id, people.author.id), { as: people[role], json: { role: "owner" } });
      expect(res.status, role).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
      // Nobody raises themselves either.
      expect(
        (await call("PATCH", member(ws.id, people[role].id), { as: people[role], json: { role: "owner" } })).status,
        `${role} on self`,
      ).toBe(403);
    }
    expect(await roleOf(people.author, ws.id)).toBe("annotator");
    const stranger = await call("PATCH", member(ws.id, people.author.id), { as: people.stranger, json: { role: "viewer" } });
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.code).toBe("not_found");
  });

  it("answers 404 for someone who is not a member, or no one", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const outsider = await newUser();
    expect((await call("PATCH", member(ws.id, outsider.id), { as: owner, json: { role: "viewer" } })).status).toBe(404);
    expect((await call("PATCH", member(ws.id, "cnosuchuser0000000000000"), { as: owner, json: { role: "viewer" } })).status).toBe(404);
  });

  it("keeps the last owner (409), and lets an owner step down once there is another", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const res = await call("PATCH", member(ws.id, owner.id), { as: owner, json: { role: "editor" } });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "conflict", message: expect.stringMatching(/needs an owner/) });
    expect(await roleOf(owner, ws.id)).toBe("owner");
    // Owner to owner is no change, and allowed.
    expect((await call("PATCH", member(ws.id, owner.id), { as: owner, json: { role: "owner" } })).status).toBe(200);

    const second = await newUser();
    await addMember(owner, ws.id, second, "annotator");
    expect((await call("PATCH", member(ws.id, second.id), { as: owner, json: { role: "owner" } })).status).toBe(200);
    expect((await call("PATCH", member(ws.id, owner.id), { as: owner, json: { role: "viewer" } })).status).toBe(200);
    // The one who stepped down manages nothing now.
    expect((await call("PATCH", member(ws.id, second.id), { as: owner, json: { role: "viewer" } })).status).toBe(403);
    expect((await call("PATCH", member(ws.id, second.id), { as: second, json: { role: "viewer" } })).status).toBe(409);
  });

  it("two owners demoting each other at once leave one owner", async () => {
    const a = await newUser();
    const ws = await newWorkspace(a);
    const b = await newUser();
    await addMember(a, ws.id, b, "owner");
    const results = await Promise.all([
      call("PATCH", member(ws.id, b.id), { as: a, json: { role: "viewer" } }),
      call("PATCH", member(ws.id, a.id), { as: b, json: { role: "viewer" } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const list = await call("GET", `/api/v1/workspaces/${ws.id}/members`, { as: a });
    expect((list.body.members as { role: string }[]).filter((m) => m.role === "owner")).toHaveLength(1);
  });

  it.each([
    ["an unknown role", { role: "boss" }],
    ["no role", {}],
    ["a role that is not a string", { role: 3 }],
    ["a role with a control character", { role: "viewer\u0000" }],
    ["a lone surrogate", { role: "\ud800" }],
  ])("refuses %s with 422 and details.issues", async (_what, json) => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const colleague = await newUser();
    await addMember(owner, ws.id, colleague, "annotator");
    const res = await call("PATCH", member(ws.id, colleague.id), { as: owner, json });
    expect(res.status).toBe(422);
    expect(res.body.error.details.issues[0]).toMatchObject({ path: "role" });
  });

  it("refuses a cookie write from another site (403 cross_origin) and a body that is not JSON (415)", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const colleague = await newUser();
    await addMember(owner, ws.id, colleague, "annotator");
    const cross = await call("PATCH", member(ws.id, colleague.id), {
      as: { cookie: owner.cookie },
      json: { role: "viewer" },
      headers: { origin: "https://evil.example" },
    });
    expect(cross.status).toBe(403);
    expect(cross.body.error.code).toBe("cross_origin");
    const form = await call("PATCH", member(ws.id, colleague.id), {
      as: owner,
      raw: "role=viewer",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    expect(await roleOf(colleague, ws.id)).toBe("annotator");
  });
});

describe("DELETE /api/v1/workspaces/{id}/members/{userId}", () => {
  it("lets an owner remove a member and any member leave (204); 403 for other roles removing someone else; 404 for a stranger", async () => {
    const { ws, people } = await teamWorkspace();
    for (const role of ["editor", "annotator", "viewer"] as const) {
      expect((await call("DELETE", member(ws.id, people.author.id), { as: people[role] })).status, role).toBe(403);
    }
    expect((await call("DELETE", member(ws.id, people.author.id), { as: people.stranger })).status).toBe(404);
    expect((await call("DELETE", member(ws.id, people.author.id), { as: people.owner })).status).toBe(204);
    expect((await call("GET", `/api/v1/workspaces/${ws.id}`, { as: people.author })).status).toBe(404);
    expect((await call("DELETE", member(ws.id, people.viewer.id), { as: people.viewer })).status).toBe(204);
    expect((await call("GET", `/api/v1/workspaces/${ws.id}`, { as: people.viewer })).status).toBe(404);
  });

  it("keeps the last owner (409), whether they leave or another owner removes them", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const leave = await call("DELETE", member(ws.id, owner.id), { as: owner });
    expect(leave.status).toBe(409);
    expect(leave.body.error.code).toBe("conflict");
    const other = await newUser();
    await addMember(owner, ws.id, other, "owner");
    expect((await call("DELETE", member(ws.id, owner.id), { as: other })).status).toBe(204);
    expect((await call("DELETE", member(ws.id, other.id), { as: other })).status).toBe(409);
  });
});

describe("members and their assigned threads", () => {
  const assignTo = async (as: Caller, a: { id: string; version: number }, assigneeId: string, dueAt: string | null = "2099-01-01") => {
    const res = await call("PATCH", `/api/v1/annotations/${a.id}`, { as, json: { assigneeId, dueAt, version: a.version } });
    expect(res.status).toBe(200);
    return res.body as { id: string; version: number };
  };
  const assigneeOf = async (id: string, as: Caller) => (await call("GET", `/api/v1/annotations/${id}`, { as })).body.assignee?.id ?? null;

  it("removing a member unassigns their open threads in that workspace (done ones keep them), and Activity says so", async () => {
    const { ws, report, people } = await teamWorkspace();
    const open1 = await assignTo(people.editor, await newAnnotation(people.author, report, {}, 0), people.annotator.id);
    const open2 = await assignTo(people.editor, await newAnnotation(people.author, report, {}, 1), people.annotator.id, null);
    const done = await assignTo(people.editor, await newAnnotation(people.author, report, {}, 2), people.annotator.id);
    await call("PATCH", `/api/v1/annotations/${done.id}`, { as: people.annotator, json: { status: "resolved", version: done.version } });
    const others = await assignTo(people.editor, await newAnnotation(people.author, report, {}, 3), people.author.id);
    // Their threads in another workspace stay theirs.
    const elsewhere = await newWorkspace(people.annotator, "Elsewhere");
    const elsewhereReport = await newReport(people.annotator, elsewhere.id);
    const theirs = await assignTo(people.annotator, await newAnnotation(people.annotator, elsewhereReport), people.annotator.id);

    expect((await call("DELETE", member(ws.id, people.annotator.id), { as: people.owner })).status).toBe(204);
    expect(await assigneeOf(open1.id, people.viewer)).toBeNull();
    expect(await assigneeOf(open2.id, people.viewer)).toBeNull();
    expect((await call("GET", `/api/v1/annotations/${open1.id}`, { as: people.viewer })).body).toMatchObject({
      dueAt: null,
      version: open1.version + 1,
    });
    expect(await assigneeOf(done.id, people.viewer)).toBe(people.annotator.id);
    expect(await assigneeOf(others.id, people.viewer)).toBe(people.author.id);
    expect(await assigneeOf(theirs.id, people.annotator)).toBe(people.annotator.id);

    const feed = (await call("GET", `/api/v1/workspaces/${ws.id}/activity?limit=50`, { as: people.viewer })).body.items as {
      type: string;
      summary: string;
      item: { id: string };
    }[];
    const released = feed.filter((i) => i.type === "assignment.member_removed");
    expect(released.map((i) => i.item.id).sort()).toEqual([open1.id, open2.id].sort());
    expect(released[0].summary).toMatch(/^Olive Owner unassigned a highlight on ¶ \d+: its assignee left the workspace$/);
  });

  it("making a member a viewer unassigns their open threads; other role changes keep them", async () => {
    const { ws, report, people } = await teamWorkspace();
    const a = await assignTo(people.editor, await newAnnotation(people.author, report), people.annotator.id);
    expect((await call("PATCH", member(ws.id, people.annotator.id), { as: people.owner, json: { role: "editor" } })).status).toBe(200);
    expect(await assigneeOf(a.id, people.viewer)).toBe(people.annotator.id);
    expect((await call("PATCH", member(ws.id, people.annotator.id), { as: people.owner, json: { role: "viewer" } })).status).toBe(200);
    expect(await assigneeOf(a.id, people.viewer)).toBeNull();
    const feed = (await call("GET", `/api/v1/reports/${report.id}/activity?limit=50`, { as: people.viewer })).body.items as {
      type: string;
      summary: string;
    }[];
    expect(feed[0]).toMatchObject({ type: "assignment.member_demoted", summary: expect.stringMatching(/its assignee became a viewer$/) });
  });

  it("an assignment racing the assignee's removal never leaves the thread with a non-member", async () => {
    const { ws, report, people } = await teamWorkspace();
    for (let round = 0; round < 4; round++) {
      const who = await newUser("Racy Member");
      await addMember(people.owner, ws.id, who, "annotator");
      const a = await newAnnotation(people.author, report, {}, round);
      const [assigned, removed] = await Promise.all([
        call("PATCH", `/api/v1/annotations/${a.id}`, { as: people.editor, json: { assigneeId: who.id, version: a.version } }),
        call("DELETE", member(ws.id, who.id), { as: people.owner }),
      ]);
      expect(removed.status).toBe(204);
      expect([200, 422]).toContain(assigned.status);
      expect(await assigneeOf(a.id, people.viewer)).toBeNull();
    }
    // Four new accounts (each a slow password hash) and four races: more than the default 30 s on a busy two-core machine.
  }, 90_000);
});
