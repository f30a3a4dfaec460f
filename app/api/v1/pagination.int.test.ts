/**
 * Cursor pagination of every list endpoint (the activity feed, the report's
 * annotations and search have their own tests): each walked a few items at a
 * time returns every item once, in the order it promises; limits are checked;
 * cursors are bound to their list; a stranger still gets 404. Sort keys are
 * tied on purpose (equal timestamps) so the id has to break the ties.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { PAGE_SIZES } from "@/lib/server/pagination/page-sizes";
import { addMember, call, newAnnotation, newUser, newWorkspace, teamWorkspace, type Caller, type TestUser } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";
import { expectPaginated, firstCursor, walk, withQuery } from "@/lib/testing/pages";

type Team = Awaited<ReturnType<typeof teamWorkspace>>;
let team: Team;

beforeAll(async () => {
  team = await teamWorkspace();
});

const LIMIT = 2;
const TIED_AT = "2026-06-01T12:00:00.000Z";

/** The same creation time for these rows of a table: their order is then the id's. */
async function tie(table: string, ids: string[]) {
  await query(`UPDATE ${table} SET created_at = $2 WHERE id = ANY($1)`, [ids, TIED_AT]);
}

const ids = async (sql: string, params: unknown[]) => (await query<{ k: string | number }>(sql, params)).map((r) => r.k);

async function importText(as: Caller, workspaceId: string, content: string, format: "text" | "markdown" = "text") {
  const res = await call("POST", `/api/v1/workspaces/${workspaceId}/reports`, { as, json: { format, content } });
  expect(res.status).toBe(201);
  return (await call("GET", `/api/v1/reports/${res.body.id}`, { as })).body;
}

/** A second small workspace, for cursors of "another list" of each kind. */
async function otherWorkspace(owner: TestUser) {
  const ws = await newWorkspace(owner, "Elsewhere");
  await addMember(owner, ws.id, await newUser("Second Member"), "viewer");
  for (const title of ["One", "Two"]) await importText(owner, ws.id, `${title}\n\nA paragraph.`);
  for (const name of ["first", "second"]) await call("POST", `/api/v1/workspaces/${ws.id}/tags`, { as: owner, json: { name } });
  return ws;
}

describe("GET /api/v1/workspaces", () => {
  it("pages through your workspaces by name, then age, then id; another user's cursor is refused", async () => {
    const user = await newUser("Paging Person");
    for (const name of ["Gamma", "Alpha", "Beta", "Beta", "Delta"]) await newWorkspace(user, name);
    const mine = await ids("SELECT workspace_id AS k FROM memberships WHERE user_id = $1", [user.id]);
    const betas = await ids("SELECT id AS k FROM workspaces WHERE id = ANY($1) AND name = 'Beta'", [mine]);
    await tie("workspaces", betas as string[]);
    const expected = await ids("SELECT id AS k FROM workspaces WHERE id = ANY($1) ORDER BY name, created_at, id", [mine]);
    const other = await newUser("Other Person");
    for (const name of ["One", "Two"]) await newWorkspace(other, name);

    const list = await expectPaginated<{ id: string; name: string }>({
      path: "/api/v1/workspaces",
      field: "workspaces",
      as: user,
      maxLimit: PAGE_SIZES.workspaces.maxLimit,
      limit: LIMIT,
      keyOf: (w) => w.id,
      expected,
      otherCursor: await firstCursor("/api/v1/workspaces", other),
    });
    expect(list.map((w) => w.name)).toEqual(["Alpha", "Beta", "Beta", "Delta", "Gamma"]);
  });
});

describe("GET /api/v1/workspaces/{id}/reports", () => {
  it("pages through the reports newest first, by id or slug alike", async () => {
    const { owner, viewer, stranger } = team.people;
    const ws = await newWorkspace(owner, "Reports");
    await addMember(owner, ws.id, viewer, "viewer");
    for (let i = 1; i <= 5; i++) await importText(owner, ws.id, `Report ${i}\n\nA paragraph.`);
    const all = await ids("SELECT id AS k FROM reports WHERE workspace_id = $1", [ws.id]);
    await tie("reports", all.slice(1, 4) as string[]);
    const expected = await ids("SELECT id AS k FROM reports WHERE workspace_id = $1 ORDER BY created_at DESC, id DESC", [ws.id]);
    const elsewhere = await otherWorkspace(owner);

    const path = `/api/v1/workspaces/${ws.id}/reports`;
    await expectPaginated<{ id: string }>({
      path,
      field: "reports",
      as: viewer,
      maxLimit: PAGE_SIZES.reports.maxLimit,
      limit: LIMIT,
      keyOf: (r) => r.id,
      expected,
      otherCursor: await firstCursor(`/api/v1/workspaces/${elsewhere.id}/reports`, owner),
      stranger,
    });
    // A cursor names the workspace, not the way it was addressed.
    const cursor = await firstCursor(path, viewer);
    const bySlug = await call("GET", withQuery(`/api/v1/workspaces/${ws.slug}/reports`, { limit: 1, cursor }), { as: viewer });
    expect(bySlug.status).toBe(200);
    expect(bySlug.body.reports.map((r: { id: string }) => r.id)).toEqual([expected[1]]);
  });
});

describe("GET /api/v1/workspaces/{id}/members", () => {
  it("pages through the members in the order they joined", async () => {
    const { ws, people } = team;
    const memberships = await ids("SELECT id AS k FROM memberships WHERE workspace_id = $1 ORDER BY created_at", [ws.id]);
    await tie("memberships", memberships.slice(2) as string[]);
    const expected = await ids("SELECT user_id AS k FROM memberships WHERE workspace_id = $1 ORDER BY created_at, id", [ws.id]);
    const elsewhere = await otherWorkspace(people.owner);

    await expectPaginated<{ userId: string }>({
      path: `/api/v1/workspaces/${ws.id}/members`,
      field: "members",
      as: people.viewer,
      maxLimit: PAGE_SIZES.members.maxLimit,
      limit: LIMIT,
      keyOf: (m) => m.userId,
      expected,
      otherCursor: await firstCursor(`/api/v1/workspaces/${elsewhere.id}/members`, people.owner),
      stranger: people.stranger,
    });
  });
});

describe("GET /api/v1/workspaces/{id}/tags", () => {
  it("pages through the codebook by name, ignoring case", async () => {
    const { owner, viewer, stranger } = team.people;
    const ws = await newWorkspace(owner, "Codebook");
    await addMember(owner, ws.id, viewer, "viewer");
    for (const name of ["beta", "Alpha", "gamma", "Delta", "epsilon"]) {
      expect((await call("POST", `/api/v1/workspaces/${ws.id}/tags`, { as: owner, json: { name } })).status).toBe(201);
    }
    const elsewhere = await otherWorkspace(owner);
    await expectPaginated<{ name: string }>({
      path: `/api/v1/workspaces/${ws.id}/tags`,
      field: "tags",
      as: viewer,
      maxLimit: PAGE_SIZES.tags.maxLimit,
      limit: LIMIT,
      keyOf: (t) => t.name,
      expected: ["Alpha", "beta", "Delta", "epsilon", "gamma"],
      otherCursor: await firstCursor(`/api/v1/workspaces/${elsewhere.id}/tags`, owner),
      stranger,
    });
  });
});

describe("GET /api/v1/annotations/{id}/replies", () => {
  it("pages through a thread in the order it was written; another thread's cursor is refused", async () => {
    const { report, people } = team;
    const thread = await newAnnotation(people.author, report, { body: "Thread" });
    const other = await newAnnotation(people.author, report, { body: "Another thread" });
    const post = (a: { id: string }, body: string, as: Caller) =>
      call("POST", `/api/v1/annotations/${a.id}/replies`, { as, json: { body } });
    const written = [];
    for (let i = 0; i < 5; i++) written.push((await post(thread, `reply ${i}`, i % 2 ? people.editor : people.annotator)).body.id);
    for (let i = 0; i < 2; i++) await post(other, `elsewhere ${i}`, people.annotator);
    // A deleted reply keeps its place (a placeholder).
    expect((await call("DELETE", `/api/v1/replies/${written[2]}`, { as: people.editor })).status).toBe(204);

    const replies = await expectPaginated<{ id: string; deleted: boolean }>({
      path: `/api/v1/annotations/${thread.id}/replies`,
      field: "replies",
      as: people.viewer,
      maxLimit: PAGE_SIZES.replies.maxLimit,
      limit: LIMIT,
      keyOf: (r) => r.id,
      expected: written,
      otherCursor: await firstCursor(`/api/v1/annotations/${other.id}/replies`, people.viewer),
      stranger: people.stranger,
    });
    expect(replies.map((r) => r.deleted)).toEqual([false, false, true, false, false]);
    // Private: its thread is its author's alone, cursor or not.
    const note = await newAnnotation(people.author, report, { body: "mine", visibility: "private" });
    for (let i = 0; i < 3; i++) await post(note, `to self ${i}`, people.author);
    const cursor = await firstCursor(`/api/v1/annotations/${note.id}/replies`, people.author);
    expect((await call("GET", withQuery(`/api/v1/annotations/${note.id}/replies`, { cursor }), { as: people.owner })).status).toBe(404);
  });
});

describe("GET /api/v1/annotations/{id}/history and /api/v1/replies/{id}/history", () => {
  async function editAnnotation(as: TestUser, a: { id: string; version: number }, times: number) {
    let version = a.version;
    for (let i = 1; i <= times; i++) {
      const res = await call("PATCH", `/api/v1/annotations/${a.id}`, { as, json: { body: `edit ${i}`, version } });
      expect(res.status).toBe(200);
      version = res.body.version;
    }
  }
  async function editReply(as: TestUser, r: { id: string; version: number }, times: number) {
    let version = r.version;
    for (let i = 1; i <= times; i++) {
      const res = await call("PATCH", `/api/v1/replies/${r.id}`, { as, json: { body: `edit ${i}`, version } });
      expect(res.status).toBe(200);
      version = res.body.version;
    }
  }

  it("pages through an annotation's earlier texts, newest first", async () => {
    const { report, people } = team;
    const a = await newAnnotation(people.author, report, { body: "original" });
    const b = await newAnnotation(people.author, report, { body: "other" });
    await editAnnotation(people.author, a, 5);
    await editAnnotation(people.author, b, 2);
    const revisions = await ids("SELECT id AS k FROM annotation_revisions WHERE annotation_id = $1 ORDER BY created_at", [a.id]);
    await tie("annotation_revisions", revisions.slice(1, 4) as string[]);
    const expected = await ids("SELECT body AS k FROM annotation_revisions WHERE annotation_id = $1 ORDER BY created_at DESC, id DESC", [
      a.id,
    ]);
    expect([...expected].sort()).toEqual(["edit 1", "edit 2", "edit 3", "edit 4", "original"]);

    await expectPaginated<{ body: string }>({
      path: `/api/v1/annotations/${a.id}/history`,
      field: "revisions",
      as: people.viewer,
      maxLimit: PAGE_SIZES.history.maxLimit,
      limit: LIMIT,
      keyOf: (r) => r.body,
      expected,
      otherCursor: await firstCursor(`/api/v1/annotations/${b.id}/history`, people.viewer),
      stranger: people.stranger,
    });
  });

  it("pages through a reply's earlier texts, newest first; an annotation's history cursor is refused", async () => {
    const { report, people } = team;
    const a = await newAnnotation(people.author, report, { body: "Thread" });
    const post = async (body: string) =>
      (await call("POST", `/api/v1/annotations/${a.id}/replies`, { as: people.annotator, json: { body } })).body;
    const [r, s] = [await post("original"), await post("other")];
    await editReply(people.annotator, r, 5);
    await editReply(people.annotator, s, 2);
    const revisions = await ids("SELECT id AS k FROM reply_revisions WHERE reply_id = $1 ORDER BY created_at", [r.id]);
    await tie("reply_revisions", revisions.slice(0, 3) as string[]);
    const expected = await ids("SELECT body AS k FROM reply_revisions WHERE reply_id = $1 ORDER BY created_at DESC, id DESC", [r.id]);

    await expectPaginated<{ body: string }>({
      path: `/api/v1/replies/${r.id}/history`,
      field: "revisions",
      as: people.viewer,
      maxLimit: PAGE_SIZES.history.maxLimit,
      limit: LIMIT,
      keyOf: (v) => v.body,
      expected,
      otherCursor: await firstCursor(`/api/v1/replies/${s.id}/history`, people.viewer),
      stranger: people.stranger,
    });
    // The two histories are two kinds of list: the same id space does not make one's cursor the other's.
    await editAnnotation(people.author, a, 2);
    const annotationCursor = await firstCursor(`/api/v1/annotations/${a.id}/history`, people.viewer);
    expect(
      (await call("GET", withQuery(`/api/v1/replies/${r.id}/history`, { cursor: annotationCursor }), { as: people.viewer })).status,
    ).toBe(400);
  });
});

const V1 = [
  "# Water report",
  "",
  "Rainfall in the basin fell by a third between 2000 and 2020.",
  "",
  "This paragraph will be removed entirely in the revision of the report.",
].join("\n");
const V2 = ["# Water report", "", "Rainfall in the basin fell by a third between 2000 and 2020."].join("\n");

/** A report whose second passage (under the title) goes in its second version: annotations there become orphans. */
async function reportWithOrphans(count: number, privateToo = false) {
  const { ws, people } = team;
  const report = await importText(people.owner, ws.id, V1, "markdown");
  const text: string = report.passages[1].text;
  // Phrases found nowhere in the second version, so none is re-anchored by a fuzzy match.
  const phrases = ["This paragraph", "paragraph will", "removed entirely", "entirely in the revision", "revision of the report"].slice(
    0,
    count,
  );
  const span = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
  const made: string[] = [];
  for (const [i, phrase] of phrases.entries())
    made.push((await newAnnotation(people.author, report, { ...span(phrase), body: `orphan ${i}` }, 1)).id);
  if (privateToo)
    await newAnnotation(people.annotator, report, { ...span("will be removed"), body: "private orphan", visibility: "private" }, 1);
  expect(
    (await call("POST", `/api/v1/reports/${report.id}/versions`, { as: people.editor, json: { format: "markdown", content: V2 } })).status,
  ).toBe(201);
  return { report, made };
}

describe("GET /api/v1/reports/{id}/orphans", () => {
  it("pages through the orphans, oldest first, leaving out others' private ones", async () => {
    const { people } = team;
    const { report, made } = await reportWithOrphans(5, true);
    const other = await reportWithOrphans(2);
    await tie("annotations", made.slice(0, 3));
    const expected = await ids("SELECT id AS k FROM annotations WHERE id = ANY($1) ORDER BY created_at, id", [made]);

    await expectPaginated<{ id: string }>({
      path: `/api/v1/reports/${report.id}/orphans`,
      field: "orphans",
      as: people.viewer,
      maxLimit: PAGE_SIZES.orphans.maxLimit,
      limit: LIMIT,
      keyOf: (o) => o.id,
      expected,
      otherCursor: await firstCursor(`/api/v1/reports/${other.report.id}/orphans`, people.viewer),
      stranger: people.stranger,
    });
    // Its author sees the private one too, in its place.
    const theirs = await walk<{ body: string }>(`/api/v1/reports/${report.id}/orphans`, "orphans", people.annotator, LIMIT);
    expect(theirs.all.map((o) => o.body)).toContain("private orphan");
    expect(theirs.all).toHaveLength(6);

    // Every page counts all of them, as each caller sees them.
    const first = await call("GET", `/api/v1/reports/${report.id}/orphans?limit=${LIMIT}`, { as: people.viewer });
    expect(first.body).toMatchObject({ total: 5 });
    expect(first.body.orphans).toHaveLength(LIMIT);
    const next = await call("GET", withQuery(`/api/v1/reports/${report.id}/orphans`, { limit: LIMIT, cursor: first.body.nextCursor }), {
      as: people.annotator,
    });
    expect(next.body.total).toBe(6);
    expect((await call("GET", `/api/v1/reports/${other.report.id}/orphans`, { as: people.viewer })).body.total).toBe(2);
  });
});

describe("GET /api/v1/reports/{id}/versions", () => {
  it("pages through the versions, newest first", async () => {
    const { ws, people } = team;
    const report = await importText(people.owner, ws.id, "Versions\n\nThe first text.");
    for (let v = 2; v <= 5; v++) {
      const res = await call("POST", `/api/v1/reports/${report.id}/versions`, {
        as: people.editor,
        json: { format: "text", content: `Versions\n\nText number ${v}.` },
      });
      expect(res.status).toBe(201);
    }
    const other = await importText(people.owner, ws.id, "Other\n\nOne.");
    await call("POST", `/api/v1/reports/${other.id}/versions`, { as: people.editor, json: { format: "text", content: "Other\n\nTwo." } });

    await expectPaginated<{ version: number }>({
      path: `/api/v1/reports/${report.id}/versions`,
      field: "versions",
      as: people.viewer,
      maxLimit: PAGE_SIZES.versions.maxLimit,
      limit: LIMIT,
      keyOf: (v) => v.version,
      expected: [5, 4, 3, 2, 1],
      otherCursor: await firstCursor(`/api/v1/reports/${other.id}/versions`, people.viewer),
      stranger: people.stranger,
    });
  });
});

describe("GET /api/v1/notifications", () => {
  it("pages through your notifications newest first, each page full, with the unread count on every page", async () => {
    const { ws, report, people } = team;
    const me = await newUser("Noted Person");
    await addMember(people.owner, ws.id, me, "annotator");
    const mine = await newAnnotation(me, report, { body: "Mine" });
    const gone = await newAnnotation(me, report, { body: "Soon deleted" });
    for (let i = 0; i < 6; i++)
      await call("POST", `/api/v1/annotations/${mine.id}/replies`, {
        as: i % 2 ? people.editor : people.annotator,
        json: { body: `reply ${i}` },
      });
    // Notifications about a deleted annotation are left out by the query that cuts the page, so pages stay full.
    for (let i = 0; i < 3; i++)
      await call("POST", `/api/v1/annotations/${gone.id}/replies`, { as: people.editor, json: { body: `gone ${i}` } });
    expect((await call("DELETE", `/api/v1/annotations/${gone.id}`, { as: me })).status).toBe(204);
    const about = async (annotationId: string) =>
      ids("SELECT id AS k FROM notifications WHERE user_id = $1 AND annotation_id = $2 ORDER BY created_at", [me.id, annotationId]);
    const visible = (await about(mine.id)) as string[];
    await tie("notifications", [...visible.slice(1, 4), ...((await about(gone.id)) as string[])]);
    // Two read: the unread list is another list, with its own cursors.
    expect((await call("POST", "/api/v1/notifications/read", { as: me, json: { ids: [visible[0], visible[5]] } })).status).toBe(200);
    const expected = await ids("SELECT id AS k FROM notifications WHERE id = ANY($1) ORDER BY created_at DESC, id DESC", [visible]);
    const expectedUnread = await ids(
      "SELECT id AS k FROM notifications WHERE id = ANY($1) AND read_at IS NULL ORDER BY created_at DESC, id DESC",
      [visible],
    );
    // Someone else's list: two replies in a thread of theirs.
    const theirs = await newAnnotation(people.author, report, { body: "Theirs" });
    for (const body of ["one", "two"]) await call("POST", `/api/v1/annotations/${theirs.id}/replies`, { as: me, json: { body } });
    const someoneElse = await firstCursor("/api/v1/notifications", people.author);

    await expectPaginated<{ id: string }>({
      path: "/api/v1/notifications",
      field: "notifications",
      as: me,
      maxLimit: PAGE_SIZES.notifications.maxLimit,
      limit: LIMIT,
      keyOf: (n) => n.id,
      expected,
      otherCursor: someoneElse,
    });
    await expectPaginated<{ id: string }>({
      path: "/api/v1/notifications?unread=true",
      field: "notifications",
      as: me,
      maxLimit: PAGE_SIZES.notifications.maxLimit,
      limit: LIMIT - 1,
      keyOf: (n) => n.id,
      expected: expectedUnread,
      // The same person's list without the filter: a cursor is bound to the filters too.
      otherCursor: await firstCursor("/api/v1/notifications", me),
    });
    const unreadCursor = await firstCursor("/api/v1/notifications?unread=true", me);
    expect((await call("GET", withQuery("/api/v1/notifications", { cursor: unreadCursor }), { as: me })).status).toBe(400);
    const second = await call(
      "GET",
      withQuery("/api/v1/notifications", { limit: LIMIT, cursor: await firstCursor("/api/v1/notifications", me) }),
      { as: me },
    );
    expect(second.body).toMatchObject({ unread: 4, nextCursor: expect.any(String) });
    expect(second.body.notifications).toHaveLength(LIMIT);
  });
});

describe("GET /api/v1/tokens", () => {
  it("pages through your tokens newest first; another user's cursor is refused", async () => {
    const user = await newUser("Token Keeper");
    for (let i = 0; i < 4; i++)
      expect((await call("POST", "/api/v1/tokens", { as: { cookie: user.cookie }, json: { name: `token ${i}` } })).status).toBe(201);
    const all = await ids("SELECT id AS k FROM api_tokens WHERE user_id = $1", [user.id]);
    await tie("api_tokens", all.slice(0, 3) as string[]);
    const expected = await ids("SELECT id AS k FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC, id DESC", [user.id]);
    const other = await newUser("Other Keeper");
    await call("POST", "/api/v1/tokens", { as: { cookie: other.cookie }, json: { name: "second" } });

    await expectPaginated<{ id: string }>({
      path: "/api/v1/tokens",
      field: "tokens",
      as: user,
      maxLimit: PAGE_SIZES.tokens.maxLimit,
      limit: LIMIT,
      keyOf: (t) => t.id,
      expected,
      otherCursor: await firstCursor("/api/v1/tokens", other),
    });
  });
});
