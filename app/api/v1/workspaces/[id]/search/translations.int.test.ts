import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { call, newReport, teamWorkspace } from "@/lib/testing/api";

const arabic = readFileSync(path.join(process.cwd(), "lib/domain/__fixtures__/normalization-report-intro.ar.txt"), "utf8");

describe("GET /api/v1/workspaces/{id}/search with a translation", () => {
  it("finds both languages and says which side each hit is on", async () => {
    const { ws, report, people } = await teamWorkspace();
    const created = await call("POST", `/api/v1/reports/${report.id}/translations`, {
      as: people.editor,
      json: { format: "text", content: arabic, language: "ar" },
    });
    const alone = await newReport(people.owner, ws.id, "# Alone\n\nA report about the earthquake with no translation at all.", "markdown");
    const search = async (q: string) =>
      (await call("GET", `/api/v1/workspaces/${ws.id}/search?q=${encodeURIComponent(q)}`, { as: people.viewer })).body.results as {
        report: { id: string; language: string | null; side: string | null };
      }[];

    const inArabic = await search("الزلزال");
    expect(inArabic.map((h) => h.report)).toContainEqual(
      expect.objectContaining({ id: created.body.id, language: "ar", side: "translation" }),
    );
    const inEnglish = await search("earthquake");
    expect(inEnglish.map((h) => h.report)).toContainEqual(expect.objectContaining({ id: report.id, language: "en", side: "original" }));
    expect(inEnglish.map((h) => h.report)).toContainEqual(expect.objectContaining({ id: alone.id, side: null }));
  });
});
