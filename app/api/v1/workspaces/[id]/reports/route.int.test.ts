import { describe, expect, it } from "vitest";
import { addMember, call, newUser, newWorkspace, sampleText } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";

const path = (id: string) => `/api/v1/workspaces/${id}/reports`;

describe("POST /api/v1/workspaces/{id}/reports", () => {
  it("imports the sample web text: title, date and its four paragraphs (201)", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const res = await call("POST", path(ws.id), { as: owner, json: { format: "text", content: sampleText() } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      title: "The Political Viability of Rekindling International Relations with the Syrian Regime",
      publishedAt: "2023-03-21",
      passageCount: 4,
    });
    const report = await call("GET", `/api/v1/reports/${res.body.id}`, { as: owner });
    expect(report.body.passages.map((p: { index: number }) => p.index)).toEqual([1, 2, 3, 4]);
    expect(report.body.passages[0].text).toMatch(/^The calamitous earthquake/);
  });

  it("imports Markdown with headings, quotes and list items as passages, keeping its own first heading under another title", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const md = "# Energy Outlook\n\n## Summary\n\nDemand rose.\n\n> A quoted finding.\n\n- First point\n- Second point\n";
    const res = await call("POST", path(ws.id), { as: owner, json: { format: "markdown", content: md, title: "My title" } });
    expect(res.status).toBe(201);
    expect(res.body.title).toBe("My title");
    const report = await call("GET", `/api/v1/reports/${res.body.id}`, { as: owner });
    expect(report.body.passages.map((p: { kind: string; text: string }) => [p.kind, p.text])).toEqual([
      ["heading", "Energy Outlook"],
      ["heading", "Summary"],
      ["paragraph", "Demand rose."],
      ["quote", "A quoted finding."],
      ["list_item", "First point"],
      ["list_item", "Second point"],
    ]);
  });

  it("lets editors import and refuses annotators and viewers (403)", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const editor = await newUser();
    await addMember(owner, ws.id, editor, "editor");
    expect((await call("POST", path(ws.id), { as: editor, json: { format: "text", content: sampleText() } })).status).toBe(201);
    for (const role of ["annotator", "viewer"]) {
      const member = await newUser();
      await addMember(owner, ws.id, member, role);
      const res = await call("POST", path(ws.id), { as: member, json: { format: "text", content: sampleText() } });
      expect(res.status, role).toBe(403);
    }
  });

  it("answers 404 to a stranger, even for content that would be refused, and 401 without identity", async () => {
    const [owner, stranger] = [await newUser(), await newUser()];
    const ws = await newWorkspace(owner);
    expect((await call("POST", path(ws.id), { as: stranger, json: { format: "text", content: "Title\n\nText." } })).status).toBe(404);
    expect((await call("POST", path(ws.id), { as: stranger, json: { format: "text", content: "" } })).status).toBe(404);
    expect((await call("GET", path(ws.id), { as: stranger })).status).toBe(404);
    expect((await call("GET", path(ws.id))).status).toBe(401);
  });

  it("refuses empty, whitespace-only and binary content (422) and content over 5 MB (413), storing nothing", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    for (const content of ["", "  \n\t\u00a0 "]) {
      const res = await call("POST", path(ws.id), { as: owner, json: { format: "text", content } });
      expect(res.status).toBe(422);
      expect(res.body.error.message).toMatch(/empty/i);
    }
    const binary = "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000".repeat(50);
    const bin = await call("POST", path(ws.id), { as: owner, json: { format: "text", content: binary } });
    expect(bin.status).toBe(422);
    expect(bin.body.error.message).toMatch(/binary/i);
    const big = await call("POST", path(ws.id), {
      as: owner,
      json: { format: "text", content: "Title\n\n" + "a".repeat(5 * 1024 * 1024) },
    });
    expect(big.status).toBe(413);
    expect(await query("SELECT 1 FROM reports WHERE workspace_id = $1", [ws.id])).toHaveLength(0);
  });

  it("refuses a body that is not JSON (415), as a cross-site form would send", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const form = await call("POST", path(ws.id), {
      as: { cookie: owner.cookie },
      raw: "format=text&content=Title%0A%0AText.",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    const plain = await call("POST", path(ws.id), {
      as: owner,
      raw: '{"format":"text","content":"T\\n\\nBody."}',
      headers: { "content-type": "text/plain" },
    });
    expect(plain.status).toBe(415);
    expect(await query("SELECT 1 FROM reports WHERE workspace_id = $1", [ws.id])).toHaveLength(0);
  });

  it("refuses an unknown format and a missing content (422) and malformed JSON (400)", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    expect((await call("POST", path(ws.id), { as: owner, json: { format: "pdf", content: "x" } })).status).toBe(422);
    expect((await call("POST", path(ws.id), { as: owner, json: { format: "text" } })).status).toBe(422);
    expect((await call("POST", path(ws.id), { as: owner, raw: '{"format": "text", ' })).status).toBe(400);
  });
});

describe("GET /api/v1/workspaces/{id}/reports", () => {
  it("counts only the annotations the caller may see", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const viewer = await newUser();
    await addMember(owner, ws.id, viewer, "viewer");
    const created = await call("POST", path(ws.id), { as: owner, json: { format: "text", content: sampleText() } });
    const report = await call("GET", `/api/v1/reports/${created.body.id}`, { as: owner });
    const passageId = report.body.passages[0].id;
    const annotate = (visibility: string) =>
      call("POST", `/api/v1/reports/${created.body.id}/annotations`, { as: owner, json: { passageId, start: 0, end: 3, visibility } });
    await annotate("workspace");
    await annotate("private");
    expect((await call("GET", path(ws.id), { as: owner })).body.reports[0].annotationCount).toBe(2);
    expect((await call("GET", path(ws.id), { as: viewer })).body.reports[0].annotationCount).toBe(1);
  });

  it("lists the workspace's reports with counts, for any member", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const viewer = await newUser();
    await addMember(owner, ws.id, viewer, "viewer");
    await call("POST", path(ws.id), { as: owner, json: { format: "text", content: sampleText() } });
    const res = await call("GET", path(ws.id), { as: viewer });
    expect(res.status).toBe(200);
    expect(res.body.reports).toEqual([expect.objectContaining({ passageCount: 4, annotationCount: 0, publishedAt: "2023-03-21" })]);
  });
});
