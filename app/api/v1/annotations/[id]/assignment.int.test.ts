import { describe, expect, it } from "vitest";
import { call, newAnnotation, teamWorkspace, type Caller } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";
import type { ActivityItem } from "@/lib/domain/activity";

const patch = (id: string, as: Caller, json: Record<string, unknown>) => call("PATCH", `/api/v1/annotations/${id}`, { as, json });

async function notificationsOf(userId: string, annotationId: string) {
  return query<{ type: string; actor_id: string }>(
    "SELECT type::text, actor_id FROM notifications WHERE user_id = $1 AND annotation_id = $2",
    [userId, annotationId],
  );
}

async function activity(reportId: string, as: Caller): Promise<ActivityItem[]> {
  const res = await call("GET", `/api/v1/reports/${reportId}/activity?limit=200`, { as });
  expect(res.status).toBe(200);
  return res.body.items;
}

describe("PATCH /api/v1/annotations/{id}: assigning a thread", () => {
  it("lets an editor assign a member with a due date: the card shows it, the assignee is notified, Activity says so", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report, { body: "Check the figures" });
    const res = await patch(a.id, people.editor, { assigneeId: people.annotator.id, dueAt: "2031-12-12", version: a.version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      assignee: { id: people.annotator.id, name: "Anan Annotator" },
      assignedAt: expect.any(String),
      dueAt: "2031-12-12",
      version: a.version + 1,
    });
    // Everyone who sees the thread sees the assignment.
    expect((await call("GET", `/api/v1/annotations/${a.id}`, { as: people.viewer })).body).toMatchObject({
      assignee: { id: people.annotator.id },
      dueAt: "2031-12-12",
    });
    expect(await notificationsOf(people.annotator.id, a.id)).toEqual([{ type: "assignment", actor_id: people.editor.id }]);
    const feed = await activity(report.id, people.viewer);
    expect(feed[0]).toMatchObject({
      type: "assignment.assigned",
      summary: `Edna Editor assigned a comment on ¶ ${report.passages[0].index} to Anan Annotator, due 12 Dec 2031`,
    });
    // An assignment alone is not an "update" of the annotation.
    expect(feed.filter((i) => i.item.id === a.id).map((i) => i.type)).toEqual(["assignment.assigned", "annotation.created"]);
  });

  it("lets the author assign their own thread, and themselves without a notification", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report);
    const res = await patch(a.id, people.author, { assigneeId: people.author.id, version: a.version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ assignee: { id: people.author.id }, dueAt: null });
    expect(await notificationsOf(people.author.id, a.id)).toEqual([]);
  });

  it("refuses a viewer or a non-member as assignee (422 naming assigneeId), changing nothing", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report);
    for (const who of [people.viewer, people.stranger]) {
      const res = await patch(a.id, people.editor, { assigneeId: who.id, dueAt: "2031-01-01", version: a.version });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe("validation_failed");
      expect(res.body.error.details.issues[0].path).toBe("assigneeId");
    }
    expect(res422Message((await patch(a.id, people.editor, { assigneeId: people.viewer.id, version: a.version })).body)).toMatch(/Viewers/);
    const [row] = await query("SELECT assignee_id, due_at, version FROM annotations WHERE id = $1", [a.id]);
    expect(row).toEqual({ assignee_id: null, due_at: null, version: a.version });
    expect(await notificationsOf(people.viewer.id, a.id)).toEqual([]);
  });

  it("answers 403 to an annotator who is not the author, 404 to a stranger", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report);
    const annotator = await patch(a.id, people.annotator, { assigneeId: people.annotator.id, version: a.version });
    expect(annotator.status).toBe(403);
    expect(annotator.body.error.code).toBe("forbidden");
    expect((await patch(a.id, people.viewer, { assigneeId: people.annotator.id, version: a.version })).status).toBe(403);
    expect((await patch(a.id, people.stranger, { assigneeId: people.annotator.id, version: a.version })).status).toBe(404);
    const [row] = await query("SELECT assignee_id FROM annotations WHERE id = $1", [a.id]);
    expect(row.assignee_id).toBeNull();
  });

  it("is version-checked: a stale version is a 409", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report);
    expect((await patch(a.id, people.author, { body: "edited", version: a.version })).status).toBe(200);
    const stale = await patch(a.id, people.editor, { assigneeId: people.annotator.id, version: a.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ assignee: null, version: a.version + 1 });
  });

  it("validates the due date, wants an assignee for it, and unassigning clears it", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report);
    for (const dueAt of ["2031-02-30", "tomorrow", "2031-1-5", 20310105]) {
      const res = await patch(a.id, people.editor, { assigneeId: people.annotator.id, dueAt, version: a.version });
      expect(res.status, String(dueAt)).toBe(422);
      expect(res.body.error.details.issues[0].path).toBe("dueAt");
    }
    const alone = await patch(a.id, people.editor, { dueAt: "2031-01-05", version: a.version });
    expect(alone.status).toBe(422);
    expect(alone.body.error.message).toMatch(/needs an assignee/);
    const assigned = await patch(a.id, people.editor, { assigneeId: people.annotator.id, dueAt: "2031-01-05", version: a.version });
    const unassigned = await patch(a.id, people.author, { assigneeId: null, version: assigned.body.version });
    expect(unassigned.status).toBe(200);
    expect(unassigned.body).toMatchObject({ assignee: null, assignedAt: null, dueAt: null });
    const feed = await activity(report.id, people.viewer);
    expect(feed[0]).toMatchObject({
      type: "assignment.unassigned",
      summary: expect.stringMatching(/^Aziz Author unassigned a highlight on ¶ \d+$/),
    });
  });

  it("asks for the reminder again after a reassignment or a new due date, not after other edits", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report);
    let version = (await patch(a.id, people.editor, { assigneeId: people.annotator.id, dueAt: "2031-03-01", version: a.version })).body
      .version;
    const remindedOf = async () =>
      (await query<{ due_soon_notified_at: Date | null }>("SELECT due_soon_notified_at FROM annotations WHERE id = $1", [a.id]))[0]
        .due_soon_notified_at;
    const markReminded = () => query("UPDATE annotations SET due_soon_notified_at = now() WHERE id = $1", [a.id]);

    await markReminded();
    version = (await patch(a.id, people.author, { body: "More context", version })).body.version;
    expect(await remindedOf()).not.toBeNull();

    const moved = await patch(a.id, people.editor, { dueAt: "2031-03-05", version });
    expect(moved.status).toBe(200);
    expect(await remindedOf()).toBeNull();
    expect((await activity(report.id, people.viewer))[0]).toMatchObject({
      type: "assignment.due_changed",
      summary: expect.stringMatching(/^Edna Editor set the due date of a highlight on ¶ \d+ to 5 Mar 2031$/),
    });

    await markReminded();
    const reassigned = await patch(a.id, people.editor, { assigneeId: people.author.id, version: moved.body.version });
    expect(reassigned.body).toMatchObject({ assignee: { id: people.author.id }, dueAt: "2031-03-05" });
    expect(await remindedOf()).toBeNull();
    const feed = await activity(report.id, people.viewer);
    expect(feed[0]).toMatchObject({
      type: "assignment.reassigned",
      summary: expect.stringMatching(/reassigned a highlight on ¶ \d+ to Aziz Author, due 5 Mar 2031$/),
    });
    // The earlier assignment no longer stands: it no longer names anyone.
    expect(feed.find((i) => i.type === "assignment.assigned")?.summary).toMatch(/^Edna Editor assigned a highlight on ¶ \d+$/);
  });

  it("lets the assignee resolve the thread, which completes it; reopening puts it back to do", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report);
    const assigned = await patch(a.id, people.editor, { assigneeId: people.annotator.id, version: a.version });
    const done = await patch(a.id, people.annotator, { status: "resolved", version: assigned.body.version });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "resolved", assignee: { id: people.annotator.id } });
    expect((await activity(report.id, people.viewer))[0]).toMatchObject({
      type: "assignment.completed",
      summary: expect.stringMatching(/^Anan Annotator resolved and completed an assigned thread on ¶ \d+$/),
    });
    // Someone not assigned still cannot.
    const other = await newAnnotation(people.author, report);
    expect((await patch(other.id, people.annotator, { status: "resolved", version: other.version })).status).toBe(403);
    const reopened = await patch(a.id, people.annotator, { status: "open", version: done.body.version });
    expect(reopened.body.status).toBe("open");
  });

  it("assigns a private annotation only to its author", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report, { visibility: "private" });
    const res = await patch(a.id, people.author, { assigneeId: people.annotator.id, version: a.version });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/private/);
    expect((await patch(a.id, people.author, { assigneeId: people.author.id, dueAt: "2031-04-01", version: a.version })).status).toBe(200);
  });

  it("filters the list by assignee=me and due=overdue", async () => {
    const { report, people } = await teamWorkspace();
    const mine = await newAnnotation(people.author, report, {}, 0);
    const late = await newAnnotation(people.author, report, {}, 1);
    const lateButDone = await newAnnotation(people.author, report, {}, 2);
    await newAnnotation(people.author, report, {}, 3);
    await patch(mine.id, people.editor, { assigneeId: people.annotator.id, dueAt: "2099-01-01", version: mine.version });
    await patch(late.id, people.editor, { assigneeId: people.author.id, dueAt: "2020-01-01", version: late.version });
    const d = await patch(lateButDone.id, people.editor, {
      assigneeId: people.annotator.id,
      dueAt: "2020-01-01",
      version: lateButDone.version,
    });
    await patch(lateButDone.id, people.editor, { status: "resolved", version: d.body.version });
    const ids = async (qs: string, as: Caller) =>
      (await call("GET", `/api/v1/reports/${report.id}/annotations?${qs}`, { as })).body.annotations.map((x: { id: string }) => x.id);
    expect(await ids("assignee=me", people.annotator)).toEqual([mine.id, lateButDone.id]);
    expect(await ids("assignee=me", people.viewer)).toEqual([]);
    expect(await ids(`assignee=${people.author.id}`, people.viewer)).toEqual([late.id]);
    expect(await ids("due=overdue", people.viewer)).toEqual([late.id]);
    expect(await ids("assignee=me&due=overdue", people.annotator)).toEqual([]);
    const bad = await call("GET", `/api/v1/reports/${report.id}/annotations?due=soon`, { as: people.viewer });
    expect(bad.status).toBe(422);
  });
});

function res422Message(body: { error: { message: string } }): string {
  return body.error.message;
}
