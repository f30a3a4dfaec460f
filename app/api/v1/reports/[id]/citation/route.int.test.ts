import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import { beforeAll, describe, expect, it } from "vitest";
import { call, fetchBytes, newAnnotation, newUser, newWorkspace, teamWorkspace, type TestUser } from "@/lib/testing/api";

type Team = Awaited<ReturnType<typeof teamWorkspace>>;

const ARABIC = {
  format: "markdown",
  content: "# الأمن المائي في حوض الأردن\n\nورقة عمل رقم 7\n\nDOI: 10.1234/jordan.2024.07\n\nيتجاوز الطلب على المياه العرض بحلول عام ٢٠٣٠.",
  creators: [{ literal: "مركز الدراسات الاستراتيجية" }],
  publisher: "الجامعة الأردنية",
  place: "عمّان",
  publishedAt: "2024-03-21",
  language: "ar",
  sourceUrl: "https://example.org/ar/water",
};

describe("citations", () => {
  let team: Team;
  let arabicId: string;

  beforeAll(async () => {
    team = await teamWorkspace();
    const created = await call("POST", `/api/v1/workspaces/${team.ws.id}/reports`, { as: team.people.owner, json: ARABIC });
    expect(created.status).toBe(201);
    arabicId = created.body.id;
    const patched = await call("PATCH", `/api/v1/reports/${team.report.id}`, {
      as: team.people.editor,
      json: {
        creators: [{ family: "Whitfield", given: "Dana" }, { literal: "Institute for Energy Futures" }],
        publisher: "Policy Institute",
        place: "London",
        reportNumber: "WP-12",
        series: "Working Papers",
        doi: "https://doi.org/10.1234/abc.12",
        publishedAt: "2023-03-21",
        accessedAt: "2026-12-01",
      },
    });
    expect(patched.status).toBe(200);
  });

  describe("PATCH /api/v1/reports/{id} with the citation details", () => {
    it("stores creators, names the authors after them, and strips the DOI's prefix", async () => {
      const { body } = await call("GET", `/api/v1/reports/${team.report.id}`, { as: team.people.viewer });
      expect(body).toMatchObject({
        authors: ["Dana Whitfield", "Institute for Energy Futures"],
        creators: [{ family: "Whitfield", given: "Dana" }, { literal: "Institute for Energy Futures" }],
        place: "London",
        reportNumber: "WP-12",
        series: "Working Papers",
        doi: "10.1234/abc.12",
        accessedAt: "2026-12-01",
        publishedAt: "2023-03-21",
      });
    });

    it("reads creators from plain author names, and finds the first page's DOI and report number on import", async () => {
      const { body } = await call("GET", `/api/v1/reports/${arabicId}`, { as: team.people.viewer });
      expect(body).toMatchObject({ authors: ["مركز الدراسات الاستراتيجية"], doi: "10.1234/jordan.2024.07", reportNumber: "7" });
      const plain = await call("PATCH", `/api/v1/reports/${arabicId}`, { as: team.people.owner, json: { authors: ["Rana Haddad"] } });
      expect(plain.body.creators).toEqual([{ family: "Haddad", given: "Rana" }]);
      const back = await call("PATCH", `/api/v1/reports/${arabicId}`, { as: team.people.owner, json: { creators: ARABIC.creators } });
      expect(back.body.authors).toEqual(["مركز الدراسات الاستراتيجية"]);
    });

    it("refuses a bad DOI, a creator of no known shape, both authors and creators", async () => {
      const path = `/api/v1/reports/${team.report.id}`;
      for (const json of [
        { doi: "not a doi" },
        { creators: [{ name: "X" }] },
        { accessedAt: "2026-02-30" },
        { authors: ["A"], creators: [{ literal: "B" }] },
      ]) {
        expect((await call("PATCH", path, { as: team.people.editor, json })).status).toBe(422);
      }
      expect((await call("PATCH", path, { as: team.people.annotator, json: { place: "Paris" } })).status).toBe(403);
    });
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

  describe("GET /api/v1/workspaces/{id}/citations", () => {
    it("gives every report in one bibliography, by id or slug", async () => {
      const ris = await fetchBytes(`/api/v1/workspaces/${team.ws.slug}/citations?format=ris`, team.people.annotator);
      expect(ris.status).toBe(200);
      expect(ris.text.match(/^TY {2}- RPRT$/gm)).toHaveLength(2);
      const json = JSON.parse((await fetchBytes(`/api/v1/workspaces/${team.ws.id}/citations`, team.people.viewer)).text);
      expect(json.map((i: { id: string }) => i.id)).toEqual([team.report.id, arabicId]);
      const text = await fetchBytes(`/api/v1/workspaces/${team.ws.id}/citations?format=text&style=harvard`, team.people.viewer);
      expect(text.text.trim().split("\n")).toHaveLength(2);
    });

    it("answers 422 for an unknown format or style, 404 to a stranger, and an empty list for a workspace without reports", async () => {
      const as = team.people.viewer;
      expect((await call("GET", `/api/v1/workspaces/${team.ws.id}/citations?format=docx`, { as })).status).toBe(422);
      expect((await call("GET", `/api/v1/workspaces/${team.ws.id}/citations?style=vancouver`, { as })).status).toBe(422);
      expect((await call("GET", `/api/v1/workspaces/${team.ws.id}/citations`, { as: team.people.stranger })).status).toBe(404);
      const loner: TestUser = await newUser("Lone Owner");
      const empty = await newWorkspace(loner, "Empty");
      expect(JSON.parse((await fetchBytes(`/api/v1/workspaces/${empty.id}/citations`, loner)).text)).toEqual([]);
    });
  });

  describe("GET /api/v1/annotations/{id}/citation", () => {
    it("gives the quote, its ¶, the reference in the style and a link to the passage", async () => {
      const passage = team.report.passages[2];
      const annotation = await newAnnotation(team.people.author, team.report, { start: 0, end: 12 }, 2);
      const { status, body } = await call("GET", `/api/v1/annotations/${annotation.id}/citation?style=harvard`, { as: team.people.viewer });
      expect(status).toBe(200);
      expect(body).toEqual({
        quote: [...passage.text].slice(0, 12).join(""),
        locator: `¶ ${passage.index}`,
        text: expect.stringMatching(/^Whitfield, D\. and Institute for Energy Futures \(2023\)/),
        url: expect.stringMatching(new RegExp(`/w/${team.ws.slug}/r/${team.report.id}\\?annotation=${annotation.id}$`)),
      });
    });

    it("answers 422 for an unknown style, 404 to a stranger and for another's private annotation", async () => {
      const shared = await newAnnotation(team.people.author, team.report);
      const secret = await newAnnotation(team.people.author, team.report, { visibility: "private" });
      expect((await call("GET", `/api/v1/annotations/${shared.id}/citation?style=mla`, { as: team.people.viewer })).status).toBe(422);
      expect((await call("GET", `/api/v1/annotations/${shared.id}/citation`, { as: team.people.stranger })).status).toBe(404);
      expect((await call("GET", `/api/v1/annotations/${secret.id}/citation`, { as: team.people.viewer })).status).toBe(404);
      expect((await call("GET", `/api/v1/annotations/${secret.id}/citation`, { as: team.people.author })).status).toBe(200);
    });
  });
});
