import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { call, newReport, newUser, newWorkspace, teamWorkspace } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";

const arabic = readFileSync(path.join(process.cwd(), "lib/domain/__fixtures__/normalization-report-intro.ar.txt"), "utf8");
const merged = readFileSync(path.join(process.cwd(), "lib/domain/__fixtures__/normalization-report-intro.ar-merged.txt"), "utf8");
const translate = (reportId: string, as: { token: string }, json: object, query = "") =>
  call("POST", `/api/v1/reports/${reportId}/translations${query}`, { as, json });

describe("POST /api/v1/reports/{id}/translations", () => {
  it("imports the Arabic translation through the report import, links it both ways and aligns it", async () => {
    const { report, people } = await teamWorkspace();
    const res = await translate(report.id, people.editor, { format: "text", content: arabic, language: "ar" });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), language: "ar", passageCount: 4, alignment: { pairs: 4, unaligned: 0 } });

    // A full report: read like any other, knowing its counterpart, and the original knowing it.
    const translation = await call("GET", `/api/v1/reports/${res.body.id}`, { as: people.viewer });
    expect(translation.body).toMatchObject({ language: "ar", title: "الجدوى السياسية لإعادة إحياء العلاقات الدولية مع النظام السوري" });
    expect(translation.body.counterparts).toEqual([{ id: report.id, title: report.title, language: "en" }]);
    const original = await call("GET", `/api/v1/reports/${report.id}`, { as: people.viewer });
    expect(original.body.counterparts).toEqual([{ id: res.body.id, title: translation.body.title, language: "ar" }]);

    const alignment = await call("GET", `/api/v1/reports/${report.id}/alignment`, { as: people.viewer });
    expect(alignment.status).toBe(200);
    expect(alignment.body.pairs).toEqual(report.passages.map((p, i) => ({ source: [p.id], target: [translation.body.passages[i].id] })));
    expect(alignment.body.unaligned).toEqual({ source: [], target: [] });
  });

  it("aligns a translation that merged two paragraphs 2:1, and reads the same from the other side", async () => {
    const { report, people } = await teamWorkspace();
    const res = await translate(report.id, people.owner, { format: "text", content: merged, language: "ar" });
    expect(res.body.alignment).toEqual({ pairs: 3, unaligned: 0 });
    const fromArabic = await call("GET", `/api/v1/reports/${res.body.id}/alignment`, { as: people.annotator });
    expect(fromArabic.body.counterpartId).toBe(report.id);
    expect(fromArabic.body.pairs[1].target).toEqual([report.passages[1].id, report.passages[2].id]);
  });

  it("does a dry run: the preview only, nothing stored", async () => {
    const { report, people } = await teamWorkspace();
    const res = await translate(report.id, people.editor, { format: "text", content: arabic, language: "ar" }, "?dryRun=1");
    expect(res.status).toBe(200);
    expect(res.body.passages).toHaveLength(4);
    expect(await query("SELECT id FROM reports WHERE translation_of_id = $1", [report.id])).toEqual([]);
  });

  it("refuses viewers and annotators (403), strangers and unknown reports (404), and a missing language (422)", async () => {
    const { report, people } = await teamWorkspace();
    const body = { format: "text", content: arabic, language: "ar" };
    expect((await translate(report.id, people.viewer, body)).status).toBe(403);
    expect((await translate(report.id, people.annotator, body)).status).toBe(403);
    const stranger = await translate(report.id, people.stranger, body);
    expect(stranger.status).toBe(404);
    expect(stranger.body).toEqual((await translate("nothing-here", people.stranger, body)).body);
    const noLanguage = await translate(report.id, people.editor, { format: "text", content: arabic });
    expect(noLanguage.status).toBe(422);
    expect(noLanguage.body.error.details.issues[0].path).toBe("language");
    expect((await translate(report.id, people.editor, { format: "text", content: "", language: "ar" })).status).toBe(422);
    expect(await query("SELECT id FROM reports WHERE translation_of_id = $1", [report.id])).toEqual([]);
  });

  it("lets a stranger translate nothing even with a workspace of their own", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const report = await newReport(owner, ws.id);
    const other = await newUser();
    await newWorkspace(other);
    expect((await translate(report.id, other, { format: "text", content: arabic, language: "ar" })).status).toBe(404);
  });
});
