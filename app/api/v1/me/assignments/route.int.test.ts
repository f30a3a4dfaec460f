import { describe, expect, it } from "vitest";
import { addMember, call, newAnnotation, newReport, newUser, newWorkspace, teamWorkspace, type Caller } from "@/lib/testing/api";
import type { AssignmentView } from "@/lib/domain/assignments";
import type { Jsonified } from "@/lib/domain/json";

type Item = Jsonified<AssignmentView>;

async function assign(as: Caller, annotation: { id: string; version: number }, assigneeId: string, dueAt: string | null) {
  const res = await call("PATCH", `/api/v1/annotations/${annotation.id}`, { as, json: { assigneeId, dueAt, version: annotation.version } });
  expect(res.status).toBe(200);
  return res.body as { id: string; version: number };
}

async function list(as: Caller, qs = ""): Promise<Item[]> {
  const res = await call("GET", `/api/v1/me/assignments${qs}`, { as });
  expect(res.status).toBe(200);
  return res.body.assignments;
}

describe("GET /api/v1/me/assignments", () => {
  it("lists the caller's open threads across workspaces, soonest due first, undated last, with where to find them", async () => {
    const { ws, report, people } = await teamWorkspace();
    const me = people.annotator;
    const other = await newWorkspace(me, "Side desk");
    const otherReport = await newReport(me, other.id);
    const undated = await assign(people.editor, await newAnnotation(people.author, report, { body: "No rush" }, 0), me.id, null);
    const soon = await assign(
      people.editor,
      await newAnnotation(people.author, report, { body: "Look at **this**" }, 1),
      me.id,
      "2099-01-02",
    );
    const late = await assign(me, await newAnnotation(me, otherReport, {}, 0), me.id, "2020-05-01");
    const later = await assign(people.editor, await newAnnotation(people.author, report, {}, 2), me.id, "2099-06-01");
    // Someone else's, and a done one, are not in the open list.
    await assign(people.editor, await newAnnotation(people.author, report, {}, 3), people.author.id, "2099-01-01");
    const done = await assign(people.editor, await newAnnotation(people.author, report, {}, 0), me.id, "2099-01-01");
    await call("PATCH", `/api/v1/annotations/${done.id}`, { as: me, json: { status: "resolved", version: done.version } });

    const open = await list(me);
    expect(open.map((a) => a.id)).toEqual([late.id, soon.id, later.id, undated.id]);
    expect(open[0]).toMatchObject({ overdue: true, dueAt: "2020-05-01", workspace: { id: other.id, slug: other.slug, name: "Side desk" } });
    expect(open[1]).toEqual({
      id: soon.id,
      kind: "comment",
      status: "open",
      quote: report.passages[1].text.slice(0, 3),
      excerpt: "Look at this",
      passageIndex: report.passages[1].index,
      report: { id: report.id, title: report.title },
      workspace: { id: ws.id, slug: ws.slug, name: "Team" },
      assignedBy: { id: people.editor.id, name: "Edna Editor" },
      assignedAt: expect.any(String),
      dueAt: "2099-01-02",
      overdue: false,
      resolvedAt: null,
      href: `/w/${ws.slug}/r/${report.id}?annotation=${soon.id}`,
    });
    expect(open[3]).toMatchObject({ dueAt: null, overdue: false });

    expect((await list(me, "?status=done")).map((a) => a.id)).toEqual([done.id]);
    expect((await list(me, `?workspace=${other.slug}`)).map((a) => a.id)).toEqual([late.id]);
    expect((await list(me, `?workspace=${ws.id}&status=open`)).map((a) => a.id)).toEqual([soon.id, later.id, undated.id]);

    // A page at a time, in the same order.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { assignments: Item[]; nextCursor: string | null } } = await call(
        "GET",
        `/api/v1/me/assignments?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        { as: me },
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.assignments.map((a) => a.id));
      cursor = res.body.nextCursor;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual(open.map((a) => a.id));
    // A cursor of the open list is refused by the done list.
    const first = await call("GET", "/api/v1/me/assignments?limit=1", { as: me });
    expect(
      (await call("GET", `/api/v1/me/assignments?status=done&cursor=${encodeURIComponent(first.body.nextCursor)}`, { as: me })).status,
    ).toBe(400);
  });

  it("shows only threads the caller can still see; a stranger's workspace is a 404; a bad status a 422", async () => {
    const { ws, report, people } = await teamWorkspace();
    const me = await newUser("Mo Member");
    await addMember(people.owner, ws.id, me, "annotator");
    const a = await assign(people.editor, await newAnnotation(people.author, report), me.id, "2099-01-01");
    expect((await list(me)).map((x) => x.id)).toEqual([a.id]);
    const deleted = await assign(people.editor, await newAnnotation(people.author, report, {}, 1), me.id, null);
    await call("DELETE", `/api/v1/annotations/${deleted.id}`, { as: people.author });
    expect((await list(me)).map((x) => x.id)).toEqual([a.id]);

    expect((await call("GET", `/api/v1/me/assignments?workspace=${ws.id}`, { as: people.stranger })).status).toBe(404);
    const bad = await call("GET", "/api/v1/me/assignments?status=later", { as: me });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.issues[0].path).toBe("status");
    expect((await call("GET", "/api/v1/me/assignments")).status).toBe(401);

    // Removed from the workspace: the thread is unassigned, and gone from their list.
    expect((await call("DELETE", `/api/v1/workspaces/${ws.id}/members/${me.id}`, { as: people.owner })).status).toBe(204);
    expect(await list(me)).toEqual([]);
  });
});
