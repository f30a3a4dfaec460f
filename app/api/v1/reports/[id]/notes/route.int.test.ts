import { describe, expect, it } from "vitest";
import { call, teamWorkspace } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";

describe("GET/PUT /api/v1/reports/{id}/notes", () => {
  it("starts empty at version 0, then saves Markdown and says who saved it", async () => {
    const { report, people } = await teamWorkspace();
    const empty = await call("GET", `/api/v1/reports/${report.id}/notes`, { as: people.viewer });
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ body: "", version: 0, updatedAt: null, updatedBy: null });

    const body = `## Findings\n\n- **Storage** grew\n\n> A quote — [¶ 2](/w/x/r/${report.id}#p-2)\n\nAsk [@ id="${people.editor.id}" label="Edna Editor"]`;
    const saved = await call("PUT", `/api/v1/reports/${report.id}/notes`, { as: people.annotator, json: { body, version: 0 } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ body, version: 1, updatedBy: { id: people.annotator.id, name: "Anan Annotator" } });
    expect(Date.parse(saved.body.updatedAt)).not.toBeNaN();

    const read = await call("GET", `/api/v1/reports/${report.id}/notes`, { as: people.viewer });
    expect(read.body).toMatchObject({ body, version: 1 });
    const next = await call("PUT", `/api/v1/reports/${report.id}/notes`, {
      as: people.editor,
      json: { body: `${body}\n\nMore.`, version: 1 },
    });
    expect(next.body).toMatchObject({ version: 2, updatedBy: { id: people.editor.id } });
  });

  it("refuses a stale save with 409 and the current notes, and keeps what was saved", async () => {
    const { report, people } = await teamWorkspace();
    await call("PUT", `/api/v1/reports/${report.id}/notes`, { as: people.annotator, json: { body: "First", version: 0 } });
    const stale = await call("PUT", `/api/v1/reports/${report.id}/notes`, {
      as: people.editor,
      json: { body: "Mine, from version 0", version: 0 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("conflict");
    expect(stale.body.error.details.current).toMatchObject({ body: "First", version: 1, updatedBy: { id: people.annotator.id } });

    await call("PUT", `/api/v1/reports/${report.id}/notes`, { as: people.annotator, json: { body: "Second", version: 1 } });
    const older = await call("PUT", `/api/v1/reports/${report.id}/notes`, {
      as: people.editor,
      json: { body: "From version 1", version: 1 },
    });
    expect(older.status).toBe(409);
    expect(older.body.error.details.current).toMatchObject({ body: "Second", version: 2 });
    expect((await call("GET", `/api/v1/reports/${report.id}/notes`, { as: people.owner })).body).toMatchObject({
      body: "Second",
      version: 2,
    });
  });

  it("lets exactly one of two simultaneous saves of the same version through", async () => {
    const { report, people } = await teamWorkspace();
    for (const version of [0, 1]) {
      const results = await Promise.all(
        [people.annotator, people.editor, people.owner].map((p, i) =>
          call("PUT", `/api/v1/reports/${report.id}/notes`, { as: p, json: { body: `v${version} by ${i}`, version } }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const winner = results.find((r) => r.status === 200)!;
      expect(winner.body.version).toBe(version + 1);
      const [row] = await query<{ body: string; version: number }>("SELECT body, version FROM report_notes WHERE report_id = $1", [
        report.id,
      ]);
      expect(row).toEqual({ body: winner.body.body, version: version + 1 });
    }
  });

  it("lets viewers read but not write (403), and strangers nothing (404)", async () => {
    const { report, people } = await teamWorkspace();
    const viewer = await call("PUT", `/api/v1/reports/${report.id}/notes`, { as: people.viewer, json: { body: "x", version: 0 } });
    expect(viewer.status).toBe(403);
    for (const method of ["GET", "PUT"]) {
      const res = await call(method, `/api/v1/reports/${report.id}/notes`, {
        as: people.stranger,
        json: method === "PUT" ? { body: "x", version: 0 } : undefined,
      });
      expect(res.status).toBe(404);
    }
    expect(await query("SELECT 1 FROM report_notes WHERE report_id = $1", [report.id])).toHaveLength(0);
  });

  it("answers bad input with the API's errors and writes nothing", async () => {
    const { report, people } = await teamWorkspace();
    const url = `/api/v1/reports/${report.id}/notes`;
    const noVersion = await call("PUT", url, { as: people.annotator, json: { body: "x" } });
    expect(noVersion.status).toBe(422);
    expect(noVersion.body.error.details.issues[0].path).toBe("version");
    expect((await call("PUT", url, { as: people.annotator, json: { body: "x", version: -1 } })).status).toBe(422);
    expect((await call("PUT", url, { as: people.annotator, raw: "{nope" })).status).toBe(400);
    expect(
      (await call("PUT", url, { as: people.annotator, raw: "body=x", headers: { "content-type": "application/x-www-form-urlencoded" } }))
        .status,
    ).toBe(415);
    expect((await call("PUT", url, { as: people.annotator, json: { body: "x".repeat(200_001), version: 0 } })).status).toBe(413);
    expect(await query("SELECT 1 FROM report_notes WHERE report_id = $1", [report.id])).toHaveLength(0);
  });
});
