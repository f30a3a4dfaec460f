import { describe, expect, it } from "vitest";
import { addMember, baseUrl, call, newReport, newUser, newWorkspace } from "@/lib/testing/api";

describe("GET /api/v1/reports/{id}", () => {
  it("returns the report with its passages in order to any member", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const viewer = await newUser();
    await addMember(owner, ws.id, viewer, "viewer");
    const report = await newReport(owner, ws.id);
    const res = await call("GET", `/api/v1/reports/${report.id}`, { as: viewer });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: report.id, publishedAt: "2023-03-21", language: "en" });
    expect(res.body.passages).toHaveLength(4);
    expect(res.body.passages[0]).toEqual({
      id: expect.any(String),
      index: 1,
      kind: "paragraph",
      level: null,
      page: null,
      listNumber: null,
      marks: [],
      text: expect.stringMatching(/^The calamitous/),
    });
  });

  it("answers 404 to a stranger exactly as for a report that does not exist", async () => {
    const [owner, stranger] = [await newUser(), await newUser()];
    const ws = await newWorkspace(owner);
    const report = await newReport(owner, ws.id);
    const hidden = await call("GET", `/api/v1/reports/${report.id}`, { as: stranger });
    const missing = await call("GET", `/api/v1/reports/does-not-exist`, { as: stranger });
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    expect((await call("GET", `/api/v1/reports/${report.id}`)).status).toBe(401);
  });

  it("serves the reader page to members and the 404 page to a stranger", async () => {
    const [owner, stranger] = [await newUser(), await newUser()];
    const ws = await newWorkspace(owner);
    const report = await newReport(owner, ws.id);
    const url = `${baseUrl()}/w/${ws.slug}/r/${report.id}`;
    const mine = await fetch(url, { headers: { cookie: owner.cookie } });
    expect(mine.status).toBe(200);
    expect(await mine.text()).toContain("The calamitous earthquake");
    const theirs = await fetch(url, { headers: { cookie: stranger.cookie } });
    expect(theirs.status).toBe(404);
    expect(await theirs.text()).not.toContain("calamitous");
  });

  it("sends a visitor without a session to sign in", async () => {
    const res = await fetch(`${baseUrl()}/`, { redirect: "manual" });
    expect([303, 307, 308]).toContain(res.status);
    expect(res.headers.get("location")).toContain("/signin");
  });
});
