import { beforeAll, describe, expect, it } from "vitest";
import { call } from "@/lib/testing/api";
import { ARABIC_REPORT, citedTeam } from "@/lib/testing/citations";

type Team = Awaited<ReturnType<typeof citedTeam>>;
let team: Team;
let arabicId: string;

beforeAll(async () => {
  team = await citedTeam();
  arabicId = team.arabicId;
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
    const back = await call("PATCH", `/api/v1/reports/${arabicId}`, { as: team.people.owner, json: { creators: ARABIC_REPORT.creators } });
    expect(back.body.authors).toEqual(["مركز الدراسات الاستراتيجية"]);
  });

  it("offers the first page's DOI and report number, and authors read as people or institutions, in a dry run", async () => {
    const { content, format } = ARABIC_REPORT;
    const preview = await call("POST", `/api/v1/workspaces/${team.ws.id}/reports?dryRun=1`, {
      as: team.people.editor,
      json: { format, content, authors: ["Rana Haddad", "Ministry of Water"] },
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      doi: "10.1234/jordan.2024.07",
      reportNumber: "7",
      authors: ["Rana Haddad", "Ministry of Water"],
      creators: [{ family: "Haddad", given: "Rana" }, { literal: "Ministry of Water" }],
    });
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
