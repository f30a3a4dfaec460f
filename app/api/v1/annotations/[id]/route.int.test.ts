import { describe, expect, it } from "vitest";
import { call, newAnnotation, teamWorkspace } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";

describe("PATCH /api/v1/annotations/{id}", () => {
  it("lets the author edit the body, keeps the old text and shows it as edited", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report, { body: "first take" });
    const res = await call("PATCH", `/api/v1/annotations/${a.id}`, {
      as: people.author,
      json: { body: "second take", version: a.version },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ body: "second take", version: a.version + 1, editedAt: expect.any(String) });
    const history = await call("GET", `/api/v1/annotations/${a.id}/history`, { as: people.viewer });
    expect(history.body.revisions).toEqual([
      expect.objectContaining({ body: "first take", editedBy: { id: people.author.id, name: "Aziz Author" } }),
    ]);
  });

  it("answers 409 with the current item to a stale version", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report, { body: "v1" });
    await call("PATCH", `/api/v1/annotations/${a.id}`, { as: people.author, json: { body: "v2", version: a.version } });
    const stale = await call("PATCH", `/api/v1/annotations/${a.id}`, {
      as: people.author,
      json: { body: "v2 from an old tab", version: a.version },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("conflict");
    expect(stale.body.error.details.current).toMatchObject({ id: a.id, body: "v2", version: a.version + 1 });
  });

  it("lets exactly one of two racing edits of the same version win", async () => {
    const { report, people } = await teamWorkspace();
    for (let round = 0; round < 5; round++) {
      const a = await newAnnotation(people.author, report, { body: "start" });
      const [x, y] = await Promise.all([
        call("PATCH", `/api/v1/annotations/${a.id}`, { as: people.author, json: { body: "from tab A", version: a.version } }),
        call("PATCH", `/api/v1/annotations/${a.id}`, { as: people.editor, json: { status: "resolved", version: a.version } }),
      ]);
      expect([x.status, y.status].sort()).toEqual([200, 409]);
      const [row] = await query<{ version: number }>("SELECT version FROM annotations WHERE id = $1", [a.id]);
      expect(row.version).toBe(a.version + 1);
    }
  });

  it("resolves and reopens a thread, and filters by status", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report, { body: "resolve me" });
    const resolved = await call("PATCH", `/api/v1/annotations/${a.id}`, {
      as: people.editor,
      json: { status: "resolved", version: a.version },
    });
    expect(resolved.body).toMatchObject({ status: "resolved", resolvedAt: expect.any(String) });
    const open = await call("GET", `/api/v1/reports/${report.id}/annotations?status=open`, { as: people.viewer });
    expect(open.body.annotations.map((x: { id: string }) => x.id)).not.toContain(a.id);
    const done = await call("GET", `/api/v1/reports/${report.id}/annotations?status=resolved`, { as: people.viewer });
    expect(done.body.annotations.map((x: { id: string }) => x.id)).toEqual([a.id]);
    const reopened = await call("PATCH", `/api/v1/annotations/${a.id}`, {
      as: people.author,
      json: { status: "open", version: resolved.body.version },
    });
    expect(reopened.body).toMatchObject({ status: "open", resolvedAt: null });
  });

  it("sets tags by name: existing ones for annotators, new ones only for editors", async () => {
    const { ws, report, people } = await teamWorkspace();
    await call("POST", `/api/v1/workspaces/${ws.id}/tags`, { as: people.editor, json: { name: "Economy" } });
    const a = await newAnnotation(people.author, report);
    const tagged = await call("PATCH", `/api/v1/annotations/${a.id}`, {
      as: people.author,
      json: { tags: ["economy"], version: a.version },
    });
    expect(tagged.status).toBe(200);
    expect(tagged.body.tags).toEqual(["Economy"]);
    const unknown = await call("PATCH", `/api/v1/annotations/${a.id}`, {
      as: people.author,
      json: { tags: ["Economy", "Security"], version: tagged.body.version },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toMatch(/Security/);
    const byEditor = await call("PATCH", `/api/v1/annotations/${a.id}`, {
      as: people.editor,
      json: { tags: ["Economy", "Security"], version: tagged.body.version },
    });
    expect(byEditor.body.tags).toEqual(["Economy", "Security"]);
    const filtered = await call("GET", `/api/v1/reports/${report.id}/annotations?tag=Security`, { as: people.viewer });
    expect(filtered.body.annotations.map((x: { id: string }) => x.id)).toEqual([a.id]);
  });

  it("refuses more than 10 tags or over-long tag names (422) and an oversized body (413), changing nothing", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report, { body: "keep" });
    const many = Array.from({ length: 11 }, (_, i) => `t${i}`);
    expect(
      (await call("PATCH", `/api/v1/annotations/${a.id}`, { as: people.owner, json: { tags: many, version: a.version } })).status,
    ).toBe(422);
    expect(
      (await call("PATCH", `/api/v1/annotations/${a.id}`, { as: people.owner, json: { tags: ["x".repeat(41)], version: a.version } }))
        .status,
    ).toBe(422);
    expect(
      (await call("PATCH", `/api/v1/annotations/${a.id}`, { as: people.author, json: { body: "y".repeat(20_001), version: a.version } }))
        .status,
    ).toBe(413);
    const [row] = await query<{ body: string; version: number }>("SELECT body, version FROM annotations WHERE id = $1", [a.id]);
    expect(row).toEqual({ body: "keep", version: a.version });
    expect(
      await query("SELECT 1 FROM tags t JOIN annotation_tags at ON at.tag_id = t.id WHERE at.annotation_id = $1", [a.id]),
    ).toHaveLength(0);
  });

  it("requires a version (422)", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report);
    expect((await call("PATCH", `/api/v1/annotations/${a.id}`, { as: people.author, json: { body: "no version" } })).status).toBe(422);
  });
});

describe("DELETE /api/v1/annotations/{id} and restore", () => {
  it("hides a deleted annotation and brings it back on restore", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report, { body: "temporary" });
    expect((await call("DELETE", `/api/v1/annotations/${a.id}`, { as: people.author })).status).toBe(204);
    const list = await call("GET", `/api/v1/reports/${report.id}/annotations`, { as: people.author });
    expect(list.body.annotations.map((x: { id: string }) => x.id)).not.toContain(a.id);
    expect((await call("GET", `/api/v1/annotations/${a.id}`, { as: people.author })).status).toBe(404);
    const restored = await call("POST", `/api/v1/annotations/${a.id}/restore`, { as: people.author });
    expect(restored.status).toBe(200);
    expect(restored.body.body).toBe("temporary");
  });
});
