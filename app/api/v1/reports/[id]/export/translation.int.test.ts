import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { call, fetchBytes, newAnnotation, teamWorkspace } from "@/lib/testing/api";

const arabic = readFileSync(path.join(process.cwd(), "lib/domain/__fixtures__/normalization-report-intro.ar.txt"), "utf8");

describe("GET /api/v1/reports/{id}/export?includeCounterpart=true", () => {
  it("quotes the translation's aligned passage under each ¶ of the Markdown export, only when asked", async () => {
    const { report, people } = await teamWorkspace();
    await call("POST", `/api/v1/reports/${report.id}/translations`, {
      as: people.editor,
      json: { format: "text", content: arabic, language: "ar" },
    });
    await newAnnotation(people.author, report, { body: "On the earthquake" }, 0);
    const asked = await fetchBytes(`/api/v1/reports/${report.id}/export?format=markdown&includeCounterpart=true`, people.viewer);
    expect(asked.status).toBe(200);
    expect(asked.text).toMatch(/### \[¶ 1\]\([^)]*\)\n\n\*Arabic, ¶ 1:\*\n\n> لم يقتصر أثر الزلزال المدمّر/);
    const plain = await fetchBytes(`/api/v1/reports/${report.id}/export?format=markdown`, people.viewer);
    expect(plain.text).not.toContain("لم يقتصر");
    expect((await fetchBytes(`/api/v1/reports/${report.id}/export?format=markdown&includeCounterpart=maybe`, people.viewer)).status).toBe(
      422,
    );
  });
});
