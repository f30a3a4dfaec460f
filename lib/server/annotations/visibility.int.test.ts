import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mentionMarkdown } from "@/lib/markdown/mentions";
import { baseUrl, call, fetchBytes, newAnnotation, teamWorkspace, type TestUser } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";
import { openSse, type SseStream } from "@/lib/testing/sse";
import { countClaims } from "./annotations";

/**
 * The visibility rule (shared with the workspace, or your own) and the membership
 * rule, through every consumer that writes them in SQL. A is the author, B another
 * member, S a stranger. Three annotations by A: one private, one shared, and one
 * shared when made (so its events and notifications went out to everyone) and
 * private now, which only the consumers that check the annotation as it is now hide.
 */
type Team = Awaited<ReturnType<typeof teamWorkspace>>;

const WORD = "Quodlibetical";
const BODY = { private: `${WORD} Xanthous private`, shared: `${WORD} Zaffre shared`, turned: `${WORD} Fulvous turned` };

let team: Team;
let A: TestUser;
let B: TestUser;
let S: TestUser;
const made = { private: "", shared: "", turned: "" };
const streams: SseStream[] = [];

beforeAll(async () => {
  team = await teamWorkspace();
  ({ author: A, annotator: B, stranger: S } = team.people);
  const claim = (body: string) => ({ kind: "claim", claimSummary: body, body: `${body} ${mentionMarkdown(B.id, "Anan")}` });
  made.private = (await newAnnotation(A, team.report, { ...claim(BODY.private), visibility: "private" })).id;
  made.shared = (await newAnnotation(A, team.report, claim(BODY.shared), 1)).id;
  made.turned = (await newAnnotation(A, team.report, claim(BODY.turned), 2)).id;
  // B replies while it is shared (A hears of it), then it is private: no edit does that yet, so the test does.
  expect((await call("POST", `/api/v1/annotations/${made.turned}/replies`, { as: B, json: { body: "Noted" } })).status).toBe(201);
  await query("UPDATE annotations SET visibility = 'private' WHERE id = $1", [made.turned]);
});

afterAll(() => streams.forEach((s) => s.close()));

/** Which of the three annotations each consumer shows the user; null for 404. */
const consumers: Record<string, (as: TestUser) => Promise<string[] | null>> = {
  "the annotation list": async (as) => {
    const res = await call("GET", `/api/v1/reports/${team.report.id}/annotations?limit=500`, { as });
    return res.status === 404 ? null : res.body.annotations.map((a: { id: string }) => a.id);
  },
  search: async (as) => {
    const res = await call("GET", `/api/v1/workspaces/${team.ws.id}/search?q=${WORD}`, { as });
    return res.status === 404
      ? null
      : res.body.results.filter((h: { type: string }) => h.type === "annotation").map((h: { annotationId: string }) => h.annotationId);
  },
  "the report's activity": async (as) => activityIds(`/api/v1/reports/${team.report.id}/activity`, as),
  "the workspace's activity": async (as) => activityIds(`/api/v1/workspaces/${team.ws.id}/activity`, as),
  "the export (with the exporter's private annotations)": async (as) => {
    const res = await fetchBytes(`/api/v1/reports/${team.report.id}/export?format=markdown&includePrivate=true`, as);
    return res.status === 404
      ? null
      : (Object.keys(BODY) as (keyof typeof BODY)[]).filter((k) => res.text.includes(BODY[k])).map((k) => made[k]);
  },
};

async function activityIds(url: string, as: TestUser): Promise<string[] | null> {
  const res = await call("GET", `${url}?limit=200`, { as });
  if (res.status === 404) return null;
  expect(res.body.nextCursor).toBeNull();
  return res.body.items.flatMap((i: { item: { type: string; id: string; parentId: string | null } }) =>
    i.item.type === "annotation" ? [i.item.id] : i.item.parentId ? [i.item.parentId] : [],
  );
}

const seen = (ids: string[] | null) =>
  ids === null
    ? null
    : Object.values(made)
        .filter((id) => ids.includes(id))
        .sort();

describe("annotation visibility, in every consumer", () => {
  for (const [name, read] of Object.entries(consumers)) {
    it(`${name}: A sees their private annotations, B only the shared one, a stranger nothing (404)`, async () => {
      expect(seen(await read(A))).toEqual([made.private, made.shared, made.turned].sort());
      expect(seen(await read(B))).toEqual([made.shared]);
      expect(await read(S)).toBeNull();
    });
  }

  it("the export leaves out even the exporter's private annotations unless asked", async () => {
    const res = await fetchBytes(`/api/v1/reports/${team.report.id}/export?format=markdown`, A);
    expect(res.status).toBe(200);
    expect([BODY.private, BODY.shared, BODY.turned].filter((b) => res.text.includes(b))).toEqual([BODY.shared]);
  });

  it("claim counts: A counts their private claims, B the shared one", async () => {
    const count = async (as: TestUser) => (await countClaims({ userId: as.id, reportId: team.report.id, version: 1, current: true })).total;
    expect(await count(A)).toBe(3);
    expect(await count(B)).toBe(1);
  });

  it("notifications: a mention in a private note notifies no one; one about an annotation now private is hidden from all but its author; a stranger sees none", async () => {
    // As if the stranger had been told of the shared annotation: the list checks membership when read.
    await query(
      `INSERT INTO notifications (id, user_id, type, actor_id, workspace_id, report_id, annotation_id, created_at)
       VALUES (gen_random_uuid()::text, $1, 'mention', $2, $3, $4, $5, now() AT TIME ZONE 'UTC')`,
      [S.id, A.id, team.ws.id, team.report.id, made.shared],
    );
    const inbox = async (as: TestUser) => {
      const res = await call("GET", "/api/v1/notifications", { as });
      expect(res.status).toBe(200);
      return {
        unread: res.body.unread,
        about: res.body.notifications.map((n: { type: string; annotation: { id: string } | null }) => [n.type, n.annotation?.id]),
      };
    };
    // B was mentioned in all three: the private one never told them, the turned one did but is hidden now.
    expect(await inbox(B)).toEqual({ unread: 1, about: [["mention", made.shared]] });
    expect(await inbox(A)).toEqual({ unread: 1, about: [["reply", made.turned]] });
    expect(await inbox(S)).toEqual({ unread: 0, about: [] });
    const sent = await query<{ n: number }>("SELECT count(*)::int AS n FROM notifications WHERE annotation_id = $1", [made.private]);
    expect(sent[0].n).toBe(0);
  });

  it("events: the replay gives A their private annotation and B only the shared one; a stranger is refused (404)", async () => {
    const replay = async (as: TestUser) => {
      const stream = await openSse(`${baseUrl()}/api/v1/reports/${team.report.id}/events?after=0`, as);
      streams.push(stream);
      if (stream.status !== 200) return { status: stream.status, ids: [] };
      // Events come in the order they happened: the shared annotation's creation comes after the private one's.
      const ids: string[] = [];
      for (let id = ""; id !== made.shared;) {
        const e = JSON.parse((await stream.nextOf("change")).data) as { type: string; itemId: string };
        id = e.itemId;
        if (e.type === "annotation.created") ids.push(id);
      }
      stream.close();
      return { status: stream.status, ids };
    };
    expect(await replay(A)).toEqual({ status: 200, ids: [made.private, made.shared] });
    expect(await replay(B)).toEqual({ status: 200, ids: [made.shared] });
    expect((await replay(S)).status).toBe(404);
  });
});
