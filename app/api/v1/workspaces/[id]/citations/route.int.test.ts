import { beforeAll, describe, expect, it } from "vitest";
import { call, fetchBytes, newUser, newWorkspace, type TestUser } from "@/lib/testing/api";
import { citedTeam } from "@/lib/testing/citations";

type Team = Awaited<ReturnType<typeof citedTeam>>;
let team: Team;
let arabicId: string;

beforeAll(async () => {
  team = await citedTeam();
  arabicId = team.arabicId;
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
