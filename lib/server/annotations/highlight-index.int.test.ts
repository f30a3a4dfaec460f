import { beforeAll, describe, expect, it } from "vitest";
import { highlightRows, type HighlightRow } from "@/lib/domain/highlight-index";
import { call, newAnnotation, teamWorkspace } from "@/lib/testing/api";
import { listHighlightIndex } from "./highlight-index";

type Team = Awaited<ReturnType<typeof teamWorkspace>>;
type Listed = {
  id: string;
  passageIndex: number;
  start: number;
  end: number;
  kind: string;
  status: string;
  verdict: string;
  visibility: string;
  author: { id: string };
  tags: string[];
  assignee: { id: string } | null;
  dueAt: string | null;
};

/** The whole list through the API, as index rows: what the index must agree with. */
async function listedRows(team: Team, as: Team["people"][keyof Team["people"]], version?: number): Promise<HighlightRow[]> {
  const rows: HighlightRow[] = [];
  let cursor: string | null = null;
  do {
    const qs: string = new URLSearchParams({
      limit: "2",
      ...(cursor ? { cursor } : {}),
      ...(version ? { version: String(version) } : {}),
    }).toString();
    const res = await call("GET", `/api/v1/reports/${team.report.id}/annotations?${qs}`, { as });
    expect(res.status).toBe(200);
    for (const a of res.body.annotations as Listed[])
      rows.push([
        a.id,
        a.passageIndex,
        a.start,
        a.end,
        a.kind as HighlightRow[4],
        a.status as HighlightRow[5],
        a.verdict as HighlightRow[6],
        a.visibility as HighlightRow[7],
        a.author.id,
        a.tags,
        a.assignee?.id ?? null,
        a.dueAt,
      ]);
    cursor = res.body.nextCursor;
  } while (cursor);
  return rows;
}

/** The reader's highlight index agrees with the annotation list: the same annotations, places and filter fields, in the same order. */
describe("listHighlightIndex", () => {
  let team: Team;
  const made: Record<string, string> = {};

  beforeAll(async () => {
    team = await teamWorkspace();
    const { people, report, ws } = team;
    await call("POST", `/api/v1/workspaces/${ws.id}/tags`, { as: people.owner, json: { name: "Beta" } });
    await call("POST", `/api/v1/workspaces/${ws.id}/tags`, { as: people.owner, json: { name: "alpha" } });
    made.tagged = (await newAnnotation(people.author, report, { start: 10, end: 20, body: "tagged", tags: ["Beta", "alpha"] }, 1)).id;
    made.claim = (
      await newAnnotation(people.author, report, { start: 0, end: 5, kind: "claim", claimSummary: "A claim", body: "claim" }, 1)
    ).id;
    made.first = (await newAnnotation(people.annotator, report, { start: 0, end: 4, body: "in ¶ 0" }, 0)).id;
    made.private = (await newAnnotation(people.author, report, { start: 2, end: 6, body: "private", visibility: "private" }, 0)).id;
    made.deleted = (await newAnnotation(people.annotator, report, { start: 1, end: 3, body: "deleted" }, 2)).id;
    expect((await call("DELETE", `/api/v1/annotations/${made.deleted}`, { as: people.annotator })).status).toBeLessThan(300);
    expect(
      (await call("PUT", `/api/v1/annotations/${made.claim}/verdict`, { as: people.editor, json: { verdict: "contested" } })).status,
    ).toBe(200);
  });

  it("has every annotation the list has, in reading order, with its place, kind, status, verdict, author and tags", async () => {
    const { people, report } = team;
    const index = highlightRows(await listHighlightIndex({ userId: people.viewer.id, reportId: report.id, version: 1, current: true }));
    expect(index).toEqual(await listedRows(team, people.viewer));
    expect(index.map((r) => r[0])).toEqual([made.first, made.claim, made.tagged]);
    expect(index.find((r) => r[0] === made.tagged)![9]).toEqual(["alpha", "Beta"]);
    expect(index.find((r) => r[0] === made.claim)!.slice(4, 7)).toEqual(["claim", "open", "contested"]);
  });

  it("shows a private annotation to its author only, and never a deleted one", async () => {
    const { people, report } = team;
    const theirs = highlightRows(await listHighlightIndex({ userId: people.author.id, reportId: report.id, version: 1, current: true }));
    expect(theirs).toEqual(await listedRows(team, people.author));
    expect(theirs.map((r) => r[0])).toContain(made.private);
    const others = highlightRows(await listHighlightIndex({ userId: people.annotator.id, reportId: report.id, version: 1, current: true }));
    expect(others.map((r) => r[0])).not.toContain(made.private);
    expect([...theirs, ...others].map((r) => r[0])).not.toContain(made.deleted);
  });

  it("places an earlier version's annotations where they were then, leaving out that version's orphans", async () => {
    const { people, report } = team;
    const v1 = highlightRows(await listHighlightIndex({ userId: people.viewer.id, reportId: report.id, version: 1, current: true }));
    // The revision keeps the first passage only: the annotations on ¶ 1 are orphans in version 2.
    const res = await call("POST", `/api/v1/reports/${report.id}/versions`, {
      as: people.editor,
      json: { format: "text", content: `${report.title}\n\n${report.passages[0].text}` },
    });
    expect(res.status).toBe(201);
    const before = highlightRows(await listHighlightIndex({ userId: people.viewer.id, reportId: report.id, version: 1, current: false }));
    expect(before).toEqual(await listedRows(team, people.viewer, 1));
    expect(before.map((r) => r[0])).toEqual(v1.map((r) => r[0]));
    const now = highlightRows(await listHighlightIndex({ userId: people.viewer.id, reportId: report.id, version: 2, current: true }));
    expect(now).toEqual(await listedRows(team, people.viewer));
    expect(now.map((r) => r[0])).toEqual([made.first]);
  });
});
