/**
 * The role matrix: every role (and a stranger) against every action of the
 * discussion API, each asserted. Targets are made fresh for each cell, by
 * another member (the "author"), so no cell depends on another.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ACTORS, call, newAnnotation, newUser, teamWorkspace, type Actor, type TestUser } from "@/lib/testing/api";

type Team = Awaited<ReturnType<typeof teamWorkspace>>;
let team: Team;

beforeAll(async () => {
  team = await teamWorkspace();
});

const claim = () => newAnnotation(team.people.author, team.report, { kind: "claim", body: "A claim" });
const comment = () => newAnnotation(team.people.author, team.report, { body: "A comment" });
const reply = async () => {
  const a = await comment();
  const r = await call("POST", `/api/v1/annotations/${a.id}/replies`, { as: team.people.author, json: { body: "A reply" } });
  return r.body;
};
const tag = async () => {
  const r = await call("POST", `/api/v1/workspaces/${team.ws.id}/tags`, {
    as: team.people.owner,
    json: { name: `t-${Math.random().toString(36).slice(2, 8)}` },
  });
  return r.body;
};

interface Action {
  name: string;
  expected: Record<Actor, number>;
  run: (as: TestUser) => Promise<{ status: number }>;
}

const members = (ok: number, viewer = 403) => ({ owner: ok, editor: ok, annotator: ok, viewer, stranger: 404 });
const editors = (ok: number) => ({ owner: ok, editor: ok, annotator: 403, viewer: 403, stranger: 404 });
const everyone = (ok: number) => ({ owner: ok, editor: ok, annotator: ok, viewer: ok, stranger: 404 });

const actions: Action[] = [
  { name: "list annotations", expected: everyone(200), run: (as) => call("GET", `/api/v1/reports/${team.report.id}/annotations`, { as }) },
  {
    name: "annotate",
    expected: members(201),
    run: (as) =>
      call("POST", `/api/v1/reports/${team.report.id}/annotations`, {
        as,
        json: { passageId: team.report.passages[1].id, start: 0, end: 5 },
      }),
  },
  {
    name: "read a thread",
    expected: everyone(200),
    run: async (as) => call("GET", `/api/v1/annotations/${(await comment()).id}/replies`, { as }),
  },
  {
    name: "reply",
    expected: members(201),
    run: async (as) => call("POST", `/api/v1/annotations/${(await comment()).id}/replies`, { as, json: { body: "Me too" } }),
  },
  {
    name: "edit someone else's comment",
    expected: { owner: 403, editor: 403, annotator: 403, viewer: 403, stranger: 404 },
    run: async (as) => {
      const a = await comment();
      return call("PATCH", `/api/v1/annotations/${a.id}`, { as, json: { body: "changed", version: a.version } });
    },
  },
  {
    name: "resolve someone else's thread",
    expected: editors(200),
    run: async (as) => {
      const a = await comment();
      return call("PATCH", `/api/v1/annotations/${a.id}`, { as, json: { status: "resolved", version: a.version } });
    },
  },
  {
    name: "tag someone else's annotation",
    expected: editors(200),
    run: async (as) => {
      const [a, t] = [await comment(), await tag()];
      return call("PATCH", `/api/v1/annotations/${a.id}`, { as, json: { tags: [t.name], version: a.version } });
    },
  },
  {
    name: "delete someone else's annotation (moderation)",
    expected: editors(204),
    run: async (as) => call("DELETE", `/api/v1/annotations/${(await comment()).id}`, { as }),
  },
  {
    name: "restore someone else's deleted annotation",
    expected: editors(200),
    run: async (as) => {
      const a = await comment();
      await call("DELETE", `/api/v1/annotations/${a.id}`, { as: team.people.author });
      return call("POST", `/api/v1/annotations/${a.id}/restore`, { as });
    },
  },
  {
    name: "edit someone else's reply",
    expected: { owner: 403, editor: 403, annotator: 403, viewer: 403, stranger: 404 },
    run: async (as) => {
      const r = await reply();
      return call("PATCH", `/api/v1/replies/${r.id}`, { as, json: { body: "changed", version: r.version } });
    },
  },
  {
    name: "delete someone else's reply",
    expected: editors(204),
    run: async (as) => call("DELETE", `/api/v1/replies/${(await reply()).id}`, { as }),
  },
  {
    name: "restore someone else's reply",
    expected: editors(200),
    run: async (as) => {
      const r = await reply();
      await call("DELETE", `/api/v1/replies/${r.id}`, { as: team.people.author });
      return call("POST", `/api/v1/replies/${r.id}/restore`, { as });
    },
  },
  {
    name: "take a stance on a claim",
    expected: members(200),
    run: async (as) => call("PUT", `/api/v1/annotations/${(await claim()).id}/stance`, { as, json: { stance: "disputes" } }),
  },
  {
    name: "set a verdict",
    expected: editors(200),
    run: async (as) => call("PUT", `/api/v1/annotations/${(await claim()).id}/verdict`, { as, json: { verdict: "contested" } }),
  },
  { name: "list tags", expected: everyone(200), run: (as) => call("GET", `/api/v1/workspaces/${team.ws.id}/tags`, { as }) },
  {
    name: "create a tag",
    expected: editors(201),
    run: (as) =>
      call("POST", `/api/v1/workspaces/${team.ws.id}/tags`, { as, json: { name: `new-${Math.random().toString(36).slice(2, 8)}` } }),
  },
  {
    name: "rename a tag",
    expected: editors(200),
    run: async (as) => call("PATCH", `/api/v1/tags/${(await tag()).id}`, { as, json: { description: "What it means" } }),
  },
  { name: "delete a tag", expected: editors(204), run: async (as) => call("DELETE", `/api/v1/tags/${(await tag()).id}`, { as }) },
  {
    name: "add a member",
    expected: { owner: 201, editor: 403, annotator: 403, viewer: 403, stranger: 404 },
    run: async (as) =>
      call("POST", `/api/v1/workspaces/${team.ws.id}/members`, { as, json: { email: (await newUser()).email, role: "viewer" } }),
  },
  {
    name: "import a report",
    expected: editors(201),
    run: (as) =>
      call("POST", `/api/v1/workspaces/${team.ws.id}/reports`, { as, json: { format: "markdown", content: "# T\n\nBody text." } }),
  },
  { name: "read the team notes", expected: everyone(200), run: (as) => call("GET", `/api/v1/reports/${team.report.id}/notes`, { as }) },
  {
    name: "write the team notes",
    expected: members(200),
    run: async (as) => {
      // Each cell saves from the version it reads, so none is stale.
      const current = await call("GET", `/api/v1/reports/${team.report.id}/notes`, { as: team.people.owner });
      return call("PUT", `/api/v1/reports/${team.report.id}/notes`, {
        as,
        json: { body: `Notes by ${as.id}`, version: current.body.version },
      });
    },
  },
  {
    name: "search a workspace",
    expected: everyone(200),
    run: (as) => call("GET", `/api/v1/workspaces/${team.ws.id}/search?q=earthquake`, { as }),
  },
  {
    name: "read the activity feed",
    expected: everyone(200),
    run: (as) => call("GET", `/api/v1/workspaces/${team.ws.id}/activity`, { as }),
  },
  {
    name: "export a report",
    expected: everyone(200),
    run: (as) => call("GET", `/api/v1/reports/${team.report.id}/export?format=markdown`, { as }),
  },
  { name: "export the workspace", expected: everyone(200), run: (as) => call("GET", `/api/v1/workspaces/${team.ws.id}/export`, { as }) },
  {
    name: "import annotations",
    expected: members(200),
    run: async (as) => {
      const file = await call("GET", `/api/v1/reports/${team.report.id}/export?format=jsonld&kind=claim`, { as: team.people.owner });
      return call("POST", `/api/v1/reports/${team.report.id}/annotations/import`, { as, json: file.body });
    },
  },
];

describe("role matrix", () => {
  for (const action of actions) {
    it(`${action.name}: ${ACTORS.map((a) => `${a} ${action.expected[a]}`).join(", ")}`, async () => {
      const got: Record<string, number> = {};
      for (const actor of ACTORS) got[actor] = (await action.run(team.people[actor])).status;
      expect(got).toEqual(action.expected);
    });
  }
});
