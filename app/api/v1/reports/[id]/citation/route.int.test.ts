import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import { beforeAll, describe, expect, it } from "vitest";
import { call, fetchBytes } from "@/lib/testing/api";
import { citedTeam } from "@/lib/testing/citations";

type Team = Awaited<ReturnType<typeof citedTeam>>;
let team: Team;
let arabicId: string;

beforeAll(async () => {
  team = await citedTeam();
  arabicId = team.arabicId;
});

describe("GET /api/v1/reports/{id}/citation", () => {
  it("gives CSL-JSON, BibTeX @techreport, RIS RPRT and styled text that citation-js reads back", async () => {
    const as = team.people.viewer;
    const json = await fetchBytes(`/api/v1/reports/${arabicId}/citation?format=csl-json`, as);
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toContain("csl+json");
    const [item] = JSON.parse(json.text);
    expect(item).toMatchObject({
      type: "report",
      title: "الأمن المائي في حوض الأردن",
      author: [{ literal: "مركز الدراسات الاستراتيجية" }],
    });

    const bib = await fetchBytes(`/api/v1/reports/${arabicId}/citation?format=bibtex`, as);
    expect(bib.text).toMatch(/^@techreport\{report2024_/);
    expect(bib.text).toContain("title = {الأمن المائي في حوض الأردن}");
    const ris = await fetchBytes(`/api/v1/reports/${arabicId}/citation?format=ris`, as);
    expect(ris.text).toMatch(/^TY {2}- RPRT$/m);
    for (const text of [bib.text, ris.text]) {
      const back = new Cite(text).data[0];
      expect(back.title).toBe("الأمن المائي في حوض الأردن");
      expect(back.DOI).toBe("10.1234/jordan.2024.07");
      expect(back.publisher).toBe("الجامعة الأردنية");
    }

    const styled = await fetchBytes(`/api/v1/reports/${team.report.id}/citation?format=text&style=apa`, as);
    expect(styled.headers.get("content-type")).toContain("text/plain");
    expect(styled.text).toMatch(/^Whitfield, D\.,? & Institute for Energy Futures\. \(2023\)\. The Political Viability/);
    const chicago = await fetchBytes(`/api/v1/reports/${team.report.id}/citation?format=text`, as);
    expect(chicago.text).toContain("Whitfield, Dana and Institute for Energy Futures. 2023.");
  });

  it("answers 422 for an unknown format or style, and 404 to a stranger or for no report", async () => {
    const as = team.people.viewer;
    const bad = await call("GET", `/api/v1/reports/${arabicId}/citation?format=endnote`, { as });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe("validation_failed");
    expect((await call("GET", `/api/v1/reports/${arabicId}/citation?format=text&style=mla`, { as })).status).toBe(422);
    expect((await call("GET", `/api/v1/reports/${arabicId}/citation?format=bibtex`, { as: team.people.stranger })).status).toBe(404);
    expect((await call("GET", `/api/v1/reports/cmnotareport000000000000/citation`, { as })).status).toBe(404);
    expect((await call("GET", `/api/v1/reports/${arabicId}/citation`)).status).toBe(401);
  });
});
