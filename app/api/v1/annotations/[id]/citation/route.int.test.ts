import { beforeAll, describe, expect, it } from "vitest";
import { call, newAnnotation } from "@/lib/testing/api";
import { citedTeam } from "@/lib/testing/citations";

type Team = Awaited<ReturnType<typeof citedTeam>>;
let team: Team;

beforeAll(async () => {
  team = await citedTeam();
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
