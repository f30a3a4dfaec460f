import { describe, expect, it } from "vitest";
import { call, newAnnotation, teamWorkspace } from "@/lib/testing/api";

describe("workspace tags", () => {
  it("creates, lists with usage, renames and deletes tags", async () => {
    const { ws, report, people } = await teamWorkspace();
    const created = await call("POST", `/api/v1/workspaces/${ws.id}/tags`, {
      as: people.editor,
      json: { name: "Sanctions", color: "#0369a1", description: "Economic pressure" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Sanctions", color: "#0369a1", description: "Economic pressure", usageCount: 0 });
    await newAnnotation(people.author, report, { tags: ["sanctions"] });
    const list = await call("GET", `/api/v1/workspaces/${ws.id}/tags`, { as: people.viewer });
    expect(list.body.tags).toEqual([expect.objectContaining({ name: "Sanctions", usageCount: 1 })]);
    const renamed = await call("PATCH", `/api/v1/tags/${created.body.id}`, { as: people.editor, json: { name: "Sanctions regime" } });
    expect(renamed.body.name).toBe("Sanctions regime");
    const annotations = await call("GET", `/api/v1/reports/${report.id}/annotations`, { as: people.viewer });
    expect(annotations.body.annotations[0].tags).toEqual(["Sanctions regime"]);
    expect((await call("DELETE", `/api/v1/tags/${created.body.id}`, { as: people.owner })).status).toBe(204);
    expect((await call("GET", `/api/v1/reports/${report.id}/annotations`, { as: people.viewer })).body.annotations[0].tags).toEqual([]);
  });

  it("counts usage from shared, live annotations only", async () => {
    const { ws, report, people } = await teamWorkspace();
    await call("POST", `/api/v1/workspaces/${ws.id}/tags`, { as: people.editor, json: { name: "Quiet" } });
    await newAnnotation(people.author, report, { tags: ["Quiet"], visibility: "private" });
    const gone = await newAnnotation(people.author, report, { tags: ["Quiet"] });
    await call("DELETE", `/api/v1/annotations/${gone.id}`, { as: people.author });
    await newAnnotation(people.author, report, { tags: ["Quiet"] });
    const list = await call("GET", `/api/v1/workspaces/${ws.id}/tags`, { as: people.viewer });
    expect(list.body.tags[0]).toMatchObject({ name: "Quiet", usageCount: 1 });
  });

  it("refuses a duplicate name in any case (409), a bad colour and an over-long name (422)", async () => {
    const { ws, people } = await teamWorkspace();
    await call("POST", `/api/v1/workspaces/${ws.id}/tags`, { as: people.editor, json: { name: "Refugees" } });
    expect((await call("POST", `/api/v1/workspaces/${ws.id}/tags`, { as: people.editor, json: { name: "REFUGEES" } })).status).toBe(409);
    expect((await call("POST", `/api/v1/workspaces/${ws.id}/tags`, { as: people.editor, json: { name: "X", color: "red" } })).status).toBe(
      422,
    );
    expect((await call("POST", `/api/v1/workspaces/${ws.id}/tags`, { as: people.editor, json: { name: "x".repeat(41) } })).status).toBe(
      422,
    );
  });

  it("answers 404 for another workspace's tag", async () => {
    const a = await teamWorkspace();
    const b = await teamWorkspace();
    const tag = await call("POST", `/api/v1/workspaces/${a.ws.id}/tags`, { as: a.people.owner, json: { name: "Private codebook" } });
    expect((await call("PATCH", `/api/v1/tags/${tag.body.id}`, { as: b.people.owner, json: { name: "hijack" } })).status).toBe(404);
    expect((await call("DELETE", `/api/v1/tags/${tag.body.id}`, { as: b.people.owner })).status).toBe(404);
  });
});

describe("GET /api/v1/reports/{id}/annotations filters", () => {
  it("combines filters across kinds, authors and visibility, and refuses unknown values (422)", async () => {
    const { report, people } = await teamWorkspace();
    const c1 = await newAnnotation(people.author, report, { kind: "claim" });
    const q1 = await newAnnotation(people.annotator, report, { kind: "question", body: "Why?" });
    const p1 = await newAnnotation(people.author, report, { body: "mine", visibility: "private" });
    const ids = async (qs: string, as = people.author) =>
      (await call("GET", `/api/v1/reports/${report.id}/annotations?${qs}`, { as })).body.annotations.map((a: { id: string }) => a.id);
    expect(await ids("kind=claim&kind=question")).toEqual([c1.id, q1.id]);
    expect(await ids(`author=${people.author.id}`)).toEqual([c1.id, p1.id]);
    expect(await ids(`author=${people.author.id}&kind=question`)).toEqual([]);
    expect(await ids("visibility=private")).toEqual([p1.id]);
    expect(await ids("visibility=private", people.owner)).toEqual([]);
    expect((await call("GET", `/api/v1/reports/${report.id}/annotations?kind=rumour`, { as: people.author })).status).toBe(422);
  });
});
