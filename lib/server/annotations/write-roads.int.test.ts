import { beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { mentionMarkdown } from "@/lib/markdown/mentions";
import { call, signOut, signIn, teamWorkspace, type Actor, type TestUser } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";
import { createAnnotation } from "./create-annotation";

type Team = Awaited<ReturnType<typeof teamWorkspace>>;
type Outcome = { status: number; code?: string; view?: Record<string, unknown> };

/**
 * The three roads a new annotation used to take (one statement for a user already checked, the
 * token's own fast path, a transaction for tags and mentions) are one function now,
 * `createAnnotation`; a request reaches it with a personal access token or a session cookie (the
 * app server's host, credentials checked in the statement that writes), or as a user the route
 * has already checked (the Next.js route, which `npm run dev` serves). The same request must come
 * out the same whichever way it arrives.
 */
const ROADS = {
  token: async (who: TestUser, reportId: string, input: Record<string, unknown>): Promise<Outcome> =>
    outcome(await call("POST", `/api/v1/reports/${reportId}/annotations`, { as: { token: who.token }, json: input })),
  cookie: async (who: TestUser, reportId: string, input: Record<string, unknown>): Promise<Outcome> =>
    outcome(await call("POST", `/api/v1/reports/${reportId}/annotations`, { as: { cookie: who.cookie }, json: input })),
  route: async (who: TestUser, reportId: string, input: Record<string, unknown>): Promise<Outcome> => {
    try {
      const view = await createAnnotation({
        writer: { userId: who.id },
        reportId,
        ...(input as { passageId: string; start: number; end: number }),
      });
      return { status: 201, view: comparable(JSON.parse(JSON.stringify(view))) };
    } catch (e) {
      if (!isAppError(e)) throw e;
      return { status: e.status, code: e.code };
    }
  },
};

const outcome = (res: { status: number; body: { error?: { code: string } } & Record<string, unknown> }): Outcome =>
  res.status === 201 ? { status: 201, view: comparable(res.body) } : { status: res.status, code: res.body.error?.code };

/** A view without what differs from one write to the next (its id and times), with the id kept apart. */
function comparable(view: Record<string, unknown>): Record<string, unknown> {
  const { id, createdAt, updatedAt, ...rest } = view;
  expect(typeof id).toBe("string");
  expect(typeof createdAt).toBe("string");
  expect(updatedAt).toBe(createdAt);
  return { ...rest, writtenId: id };
}

describe("one write road: a token, a session cookie and a checked user come out the same", () => {
  let team: Team;
  let passage: { id: string; text: string };
  let otherReportPassage: string;

  beforeAll(async () => {
    team = await teamWorkspace();
    passage = team.report.passages[1];
    const other = await call("POST", `/api/v1/workspaces/${team.ws.id}/reports`, {
      as: team.people.owner,
      json: { format: "text", content: "Another report.\n\nWith its own passages." },
    });
    otherReportPassage = (await call("GET", `/api/v1/reports/${other.body.id}`, { as: team.people.owner })).body.passages[0].id;
    await call("POST", `/api/v1/workspaces/${team.ws.id}/tags`, { as: team.people.owner, json: { name: "Evidence" } });
  });

  const at = (start: number, end: number) => ({ passageId: passage.id, start, end });
  const CASES: { name: string; actor: Actor | "author"; input: () => Record<string, unknown>; expect: Outcome["status"]; code?: string }[] =
    [
      { name: "a plain comment", actor: "annotator", input: () => ({ ...at(0, 12), body: "Plain words" }), expect: 201 },
      { name: "a private highlight (no body)", actor: "author", input: () => ({ ...at(2, 9), visibility: "private" }), expect: 201 },
      {
        name: "a claim with its summary",
        actor: "annotator",
        input: () => ({ ...at(4, 20), kind: "claim", claimSummary: "Dates the process", body: "Is this right?" }),
        expect: 201,
      },
      {
        name: "a tag of the codebook",
        actor: "annotator",
        input: () => ({ ...at(1, 5), body: "Tagged", tags: ["evidence"] }),
        expect: 201,
      },
      {
        name: "a tag an annotator may not create",
        actor: "annotator",
        input: () => ({ ...at(1, 5), tags: ["Not in the codebook"] }),
        expect: 422,
        code: "validation_failed",
      },
      {
        name: "a mention of a member",
        actor: "annotator",
        input: () => ({ ...at(3, 8), body: `Look, ${mentionMarkdown(team.people.viewer.id, "Vera Viewer")}` }),
        expect: 201,
      },
      {
        name: "a mention in a private note",
        actor: "author",
        input: () => ({ ...at(3, 8), visibility: "private", body: `Quietly, ${mentionMarkdown(team.people.viewer.id, "Vera Viewer")}` }),
        expect: 201,
      },
      { name: "a stranger", actor: "stranger", input: () => ({ ...at(0, 3), body: "Let me in" }), expect: 404, code: "not_found" },
      {
        name: "a stranger with offsets out of range (404 before 422)",
        actor: "stranger",
        input: () => ({ ...at(0, 100_000) }),
        expect: 404,
        code: "not_found",
      },
      { name: "a viewer", actor: "viewer", input: () => ({ ...at(0, 3), body: "Viewing" }), expect: 403, code: "forbidden" },
      {
        name: "offsets past the passage",
        actor: "annotator",
        input: () => ({ ...at(0, 100_000) }),
        expect: 422,
        code: "validation_failed",
      },
      {
        name: "a quote that does not match",
        actor: "annotator",
        input: () => ({ ...at(0, 3), quote: "not these words" }),
        expect: 422,
        code: "validation_failed",
      },
      {
        name: "a passage of another report",
        actor: "annotator",
        input: () => ({ passageId: otherReportPassage, start: 0, end: 3 }),
        expect: 422,
        code: "validation_failed",
      },
    ];

  for (const c of CASES) {
    it(`${c.name}: ${c.expect} on every road, the same annotation written`, async () => {
      const who = team.people[c.actor];
      const outcomes = {
        token: await ROADS.token(who, team.report.id, c.input()),
        cookie: await ROADS.cookie(who, team.report.id, c.input()),
        route: await ROADS.route(who, team.report.id, c.input()),
      };
      for (const o of Object.values(outcomes)) expect(o).toMatchObject({ status: c.expect, ...(c.code ? { code: c.code } : {}) });
      if (c.expect !== 201) return;
      const ids = Object.values(outcomes).map((o) => o.view!.writtenId as string);
      const [first, ...others] = Object.values(outcomes).map(({ view }) => ({ ...view, writtenId: undefined }));
      for (const other of others) expect(other).toEqual(first);
      expect(first).toMatchObject({ author: { id: who.id }, passageId: passage.id, status: "open" });
      // Each wrote its annotation and its one event; a mention told the person mentioned once per annotation, and only when shared.
      const events = await query<{ item_id: string }>(
        "SELECT item_id FROM report_events WHERE type = 'annotation.created' AND item_id = ANY($1)",
        [ids],
      );
      expect(events.map((e) => e.item_id).sort()).toEqual([...ids].sort());
      const told = await query<{ annotation_id: string }>(
        "SELECT annotation_id FROM notifications WHERE annotation_id = ANY($1) AND user_id = $2",
        [ids, team.people.viewer.id],
      );
      const shouldTell = c.name === "a mention of a member";
      expect(told.length).toBe(shouldTell ? ids.length : 0);
    });
  }

  it("answers credentials that name nobody with 401, before looking at the body, and writes nothing", async () => {
    const { report, people } = team;
    const before = (await query("SELECT id FROM annotations WHERE report_id = $1", [report.id])).length;
    const revoked = await call("POST", "/api/v1/tokens", { as: { cookie: people.annotator.cookie }, json: { name: "to revoke" } });
    expect((await call("DELETE", `/api/v1/tokens/${revoked.body.id}`, { as: { cookie: people.annotator.cookie } })).status).toBeLessThan(
      300,
    );
    const signedOut = await signIn(people.annotator.email, people.annotator.password);
    expect(await signOut(signedOut!)).toBeLessThan(400);
    for (const as of [{ token: revoked.body.token }, { cookie: signedOut! }]) {
      for (const json of [{ ...at(0, 3), body: "Valid" }, { ...at(0, 100_000) }, { passageId: "nope" }]) {
        const res = await call("POST", `/api/v1/reports/${report.id}/annotations`, { as, json });
        expect(res.status, JSON.stringify({ as: Object.keys(as), json })).toBe(401);
        expect(res.body.error.code).toBe("unauthenticated");
      }
    }
    expect((await query("SELECT id FROM annotations WHERE report_id = $1", [report.id])).length).toBe(before);
  });

  it("gives writers who add the same new tag at the same moment the same tag (not a 500)", async () => {
    const { report, people } = team;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        call("POST", `/api/v1/reports/${report.id}/annotations`, {
          as: i % 2 ? { cookie: people.editor.cookie } : { token: people.editor.token },
          json: { ...at(i, i + 4), tags: ["Brand new together"] },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    const tags = await query<{ id: string }>("SELECT id FROM tags WHERE workspace_id = $1 AND name_key = 'brand new together'", [
      team.ws.id,
    ]);
    expect(tags).toHaveLength(1);
    for (const r of results) expect(r.body.tags).toEqual(["Brand new together"]);
  });
});
