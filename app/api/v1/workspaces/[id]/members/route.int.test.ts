import { describe, expect, it } from "vitest";
import { addMember, call, newUser, newWorkspace } from "@/lib/testing/api";

describe("POST /api/v1/workspaces/{id}/members", () => {
  it("lets the owner add an existing user with a role (201)", async () => {
    const [owner, colleague] = [await newUser(), await newUser("Colleague")];
    const ws = await newWorkspace(owner);
    const res = await call("POST", `/api/v1/workspaces/${ws.id}/members`, { as: owner, json: { email: colleague.email, role: "editor" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ userId: colleague.id, role: "editor" });
    const list = await call("GET", "/api/v1/workspaces", { as: colleague });
    expect(list.body.workspaces).toEqual([expect.objectContaining({ id: ws.id, role: "editor" })]);
  });

  it("answers 403 to members who are not owners, for every other role", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const target = await newUser();
    for (const role of ["editor", "annotator", "viewer"]) {
      const member = await newUser();
      await addMember(owner, ws.id, member, role);
      const res = await call("POST", `/api/v1/workspaces/${ws.id}/members`, { as: member, json: { email: target.email, role: "viewer" } });
      expect(res.status, role).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
  });

  it("answers 404 to a stranger", async () => {
    const [owner, stranger] = [await newUser(), await newUser()];
    const ws = await newWorkspace(owner);
    const res = await call("POST", `/api/v1/workspaces/${ws.id}/members`, { as: stranger, json: { email: stranger.email, role: "owner" } });
    expect(res.status).toBe(404);
    expect((await call("GET", `/api/v1/workspaces/${ws.id}/members`, { as: stranger })).status).toBe(404);
  });

  it("refuses an unknown email or role (422) and a second membership (409)", async () => {
    const [owner, colleague] = [await newUser(), await newUser()];
    const ws = await newWorkspace(owner);
    expect(
      (await call("POST", `/api/v1/workspaces/${ws.id}/members`, { as: owner, json: { email: "nobody@test.local", role: "viewer" } }))
        .status,
    ).toBe(422);
    expect(
      (await call("POST", `/api/v1/workspaces/${ws.id}/members`, { as: owner, json: { email: colleague.email, role: "boss" } })).status,
    ).toBe(422);
    await addMember(owner, ws.id, colleague, "viewer");
    const again = await call("POST", `/api/v1/workspaces/${ws.id}/members`, {
      as: owner,
      json: { email: colleague.email, role: "editor" },
    });
    expect(again.status).toBe(409);
  });
});
