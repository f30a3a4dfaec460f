import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { call, newReport, teamWorkspace } from "@/lib/testing/api";

const arabic = readFileSync(path.join(process.cwd(), "lib/domain/__fixtures__/normalization-report-intro.ar.txt"), "utf8");

async function setup() {
  const team = await teamWorkspace();
  const created = await call("POST", `/api/v1/reports/${team.report.id}/translations`, {
    as: team.people.editor,
    json: { format: "text", content: arabic, language: "ar" },
  });
  const translation = (await call("GET", `/api/v1/reports/${created.body.id}`, { as: team.people.owner })).body;
  const en = team.report.passages.map((p) => p.id);
  const ar: string[] = translation.passages.map((p: { id: string }) => p.id);
  return { ...team, translation, en, ar };
}

describe("GET and PUT /api/v1/reports/{id}/alignment", () => {
  it("lets an editor correct it (a 2:1 pair and an unmatched passage), read back from either side", async () => {
    const { report, translation, people, en, ar } = await setup();
    const corrected = {
      pairs: [
        { source: [en[0], en[1]], target: [ar[0]] },
        { source: [en[2]], target: [ar[1], ar[2]] },
      ],
      unaligned: { source: [en[3]], target: [ar[3]] },
    };
    const res = await call("PUT", `/api/v1/reports/${report.id}/alignment`, { as: people.editor, json: corrected });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ reportId: report.id, counterpartId: translation.id, ...corrected });
    const fromArabic = await call("GET", `/api/v1/reports/${translation.id}/alignment`, { as: people.viewer });
    expect(fromArabic.body.pairs).toEqual(corrected.pairs.map((p) => ({ source: p.target, target: p.source })));
    expect(fromArabic.body.unaligned).toEqual({ source: [ar[3]], target: [en[3]] });

    // From the Arabic side too; passages it leaves out are read as unaligned.
    const partial = await call("PUT", `/api/v1/reports/${translation.id}/alignment?counterpart=${report.id}`, {
      as: people.owner,
      json: { pairs: [{ source: [ar[0]], target: [en[0]] }], unaligned: { source: [], target: [] } },
    });
    expect(partial.status).toBe(200);
    expect(partial.body.unaligned).toEqual({ source: ar.slice(1), target: en.slice(1) });
  });

  it("answers 422 for passages of a third report, of the wrong side, or named twice; 400 for a malformed body", async () => {
    const { report, people, en, ar, ws } = await setup();
    const third = await newReport(people.owner, ws.id);
    const put = (json: unknown) => call("PUT", `/api/v1/reports/${report.id}/alignment`, { as: people.editor, json });
    const none = { source: [], target: [] };
    const thirdParty = await put({ pairs: [{ source: [third.passages[0].id], target: [ar[0]] }], unaligned: none });
    expect(thirdParty.status).toBe(422);
    expect(thirdParty.body.error.details.issues[0].path).toBe("pairs.0.source.0");
    expect((await put({ pairs: [{ source: [ar[0]], target: [en[0]] }], unaligned: none })).status).toBe(422);
    const twice = await put({
      pairs: [
        { source: [en[0]], target: [ar[0]] },
        { source: [en[0]], target: [ar[1]] },
      ],
      unaligned: none,
    });
    expect(twice.status).toBe(422);
    expect(twice.body.error.message).toMatch(/more than once/);
    expect((await put({ pairs: [{ source: [en[0]], target: [] }], unaligned: none })).status).toBe(422);
    expect((await put({ pairs: "all of them" })).status).toBe(422);
    const raw = await call("PUT", `/api/v1/reports/${report.id}/alignment`, { as: people.editor, raw: "{not json" });
    expect(raw.status).toBe(400);
    // Nothing changed.
    const after = await call("GET", `/api/v1/reports/${report.id}/alignment`, { as: people.editor });
    expect(after.body.pairs).toHaveLength(4);
  });

  it("refuses viewers and annotators a correction (403), strangers everything (404), a report without a translation (404)", async () => {
    const { report, people, en, ar, ws } = await setup();
    const json = { pairs: [{ source: [en[0]], target: [ar[0]] }], unaligned: { source: [], target: [] } };
    expect((await call("PUT", `/api/v1/reports/${report.id}/alignment`, { as: people.viewer, json })).status).toBe(403);
    expect((await call("PUT", `/api/v1/reports/${report.id}/alignment`, { as: people.annotator, json })).status).toBe(403);
    expect((await call("PUT", `/api/v1/reports/${report.id}/alignment`, { as: people.stranger, json })).status).toBe(404);
    expect((await call("GET", `/api/v1/reports/${report.id}/alignment`, { as: people.stranger })).status).toBe(404);
    const alone = await newReport(people.owner, ws.id);
    expect((await call("GET", `/api/v1/reports/${alone.id}/alignment`, { as: people.owner })).status).toBe(404);
    expect((await call("GET", `/api/v1/reports/${report.id}/alignment?counterpart=${alone.id}`, { as: people.owner })).status).toBe(404);
    expect((await call("GET", `/api/v1/reports/${report.id}/alignment`)).status).toBe(401);
  });

  it("keeps the alignment to the current text when a new version replaces passages", async () => {
    const { report, translation, people, ar } = await setup();
    const v2 = await call("POST", `/api/v1/reports/${translation.id}/versions`, {
      as: people.editor,
      json: { format: "text", content: arabic.replace(/\n\n[^\n]+\n?$/, "\n") },
    });
    expect(v2.status).toBe(201);
    const res = await call("GET", `/api/v1/reports/${report.id}/alignment`, { as: people.editor });
    const named = [...res.body.pairs.flatMap((p: { target: string[] }) => p.target), ...res.body.unaligned.target];
    expect(named).not.toContain(ar[0]);
    expect(res.body.unaligned.source.length + res.body.pairs.length).toBeGreaterThanOrEqual(4);
  });
});
