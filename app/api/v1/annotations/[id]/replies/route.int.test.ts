import { describe, expect, it } from "vitest";
import { call, teamWorkspace, newAnnotation } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";

describe("GET/POST /api/v1/annotations/{id}/replies", () => {
  it("adds replies as Markdown and lists them in order", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report, { body: "Is this right?" });
    const r1 = await call("POST", `/api/v1/annotations/${a.id}/replies`, { as: people.annotator, json: { body: "**No**, see ¶ 3." } });
    expect(r1.status).toBe(201);
    expect(r1.body).toMatchObject({ body: "**No**, see ¶ 3.", deleted: false, version: 1, author: { id: people.annotator.id } });
    await call("POST", `/api/v1/annotations/${a.id}/replies`, { as: people.editor, json: { body: "Agreed." } });
    const list = await call("GET", `/api/v1/annotations/${a.id}/replies`, { as: people.viewer });
    expect(list.body.replies.map((r: { body: string }) => r.body)).toEqual(["**No**, see ¶ 3.", "Agreed."]);
    const ann = await call("GET", `/api/v1/annotations/${a.id}`, { as: people.viewer });
    expect(ann.body.replyCount).toBe(2);
  });

  it("lands 50 parallel replies, all of them, in one stable order", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report, { body: "Thread" });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call("POST", `/api/v1/annotations/${a.id}/replies`, { as: i % 2 ? people.annotator : people.editor, json: { body: `reply ${i}` } }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const first = await call("GET", `/api/v1/annotations/${a.id}/replies`, { as: people.owner });
    const second = await call("GET", `/api/v1/annotations/${a.id}/replies`, { as: people.viewer });
    expect(first.body.replies).toHaveLength(50);
    expect(new Set(first.body.replies.map((r: { body: string }) => r.body)).size).toBe(50);
    expect(second.body.replies.map((r: { id: string }) => r.id)).toEqual(first.body.replies.map((r: { id: string }) => r.id));
  });

  it("refuses an empty reply (422) and one over 20,000 characters (413), writing nothing", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report);
    expect((await call("POST", `/api/v1/annotations/${a.id}/replies`, { as: people.annotator, json: { body: "   " } })).status).toBe(422);
    expect(
      (await call("POST", `/api/v1/annotations/${a.id}/replies`, { as: people.annotator, json: { body: "x".repeat(20_001) } })).status,
    ).toBe(413);
    expect(await query("SELECT 1 FROM replies WHERE annotation_id = $1", [a.id])).toHaveLength(0);
  });

  it("hides a private annotation's thread from everyone but its author (404)", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report, { body: "note to self", visibility: "private" });
    expect((await call("GET", `/api/v1/annotations/${a.id}/replies`, { as: people.author })).status).toBe(200);
    expect((await call("GET", `/api/v1/annotations/${a.id}/replies`, { as: people.owner })).status).toBe(404);
    expect((await call("POST", `/api/v1/annotations/${a.id}/replies`, { as: people.editor, json: { body: "peek" } })).status).toBe(404);
  });

  it("answers a stranger 404 even for a reply that would be refused", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report);
    expect((await call("POST", `/api/v1/annotations/${a.id}/replies`, { as: people.stranger, json: { body: "" } })).status).toBe(404);
    expect(
      (await call("POST", `/api/v1/annotations/${a.id}/replies`, { as: people.stranger, json: { body: "x".repeat(20_001) } })).status,
    ).toBe(404);
  });
});

describe("PATCH/DELETE /api/v1/replies/{id} and restore", () => {
  it("keeps earlier versions when the author edits, and answers 409 to a stale version", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report);
    const r = (await call("POST", `/api/v1/annotations/${a.id}/replies`, { as: people.annotator, json: { body: "first" } })).body;
    const edited = await call("PATCH", `/api/v1/replies/${r.id}`, { as: people.annotator, json: { body: "second", version: 1 } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ body: "second", version: 2, editedAt: expect.any(String) });
    const stale = await call("PATCH", `/api/v1/replies/${r.id}`, { as: people.annotator, json: { body: "third", version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ body: "second", version: 2 });
    const history = await call("GET", `/api/v1/replies/${r.id}/history`, { as: people.viewer });
    expect(history.body.revisions.map((v: { body: string }) => v.body)).toEqual(["first"]);
  });

  it("leaves a placeholder for a deleted reply that the author can restore", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report);
    const post = (body: string) => call("POST", `/api/v1/annotations/${a.id}/replies`, { as: people.annotator, json: { body } });
    const [r1, r2] = [(await post("one")).body, (await post("two")).body];
    await post("three");
    expect((await call("DELETE", `/api/v1/replies/${r2.id}`, { as: people.annotator })).status).toBe(204);
    const list = await call("GET", `/api/v1/annotations/${a.id}/replies`, { as: people.viewer });
    expect(list.body.replies.map((r: { body: string; deleted: boolean }) => [r.body, r.deleted])).toEqual([
      ["one", false],
      ["", true],
      ["three", false],
    ]);
    const restored = await call("POST", `/api/v1/replies/${r2.id}/restore`, { as: people.annotator });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ body: "two", deleted: false });
    expect((await call("POST", `/api/v1/replies/${r1.id}/restore`, { as: people.annotator })).status).toBe(409);
  });

  it("refuses to restore after 30 days", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report);
    const r = (await call("POST", `/api/v1/annotations/${a.id}/replies`, { as: people.annotator, json: { body: "old" } })).body;
    await call("DELETE", `/api/v1/replies/${r.id}`, { as: people.annotator });
    await query("UPDATE replies SET deleted_at = now() - interval '31 days' WHERE id = $1", [r.id]);
    const res = await call("POST", `/api/v1/replies/${r.id}/restore`, { as: people.annotator });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/30 days/);
  });
});
