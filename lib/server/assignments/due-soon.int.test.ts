import { describe, expect, it } from "vitest";
import { call, newAnnotation, teamWorkspace } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";
import { remindDueSoon } from "./due-soon";

/**
 * The reminder runs over the whole database, which other tests share: these
 * threads are due in the year 2400, a "now" no other test uses, and the
 * checks look at these threads only.
 */
const NOW = new Date("2400-03-10T09:30:00Z");

describe("remindDueSoon", () => {
  it("reminds each assignee once, the day before (or on) the due date, of open threads they can still see", async () => {
    const { report, people } = await teamWorkspace();
    const assign = async (fields: { dueAt: string; assignee?: string; status?: "resolved"; visibility?: "private" }, passage = 0) => {
      const a = await newAnnotation(
        people.author,
        report,
        fields.visibility ? { visibility: fields.visibility } : {},
        passage % report.passages.length,
      );
      const assigneeId = fields.assignee ?? people.annotator.id;
      const res = await call("PATCH", `/api/v1/annotations/${a.id}`, {
        as: people.author,
        json: { assigneeId: fields.visibility ? people.author.id : assigneeId, dueAt: fields.dueAt, version: a.version },
      });
      expect(res.status).toBe(200);
      if (fields.status) {
        expect(
          (
            await call("PATCH", `/api/v1/annotations/${a.id}`, {
              as: people.editor,
              json: { status: "resolved", version: res.body.version },
            })
          ).status,
        ).toBe(200);
      }
      // A private annotation assigned to someone else cannot be made through the API (422): written as an old row might be.
      if (fields.visibility && assigneeId !== people.author.id)
        await query("UPDATE annotations SET assignee_id = $2 WHERE id = $1", [a.id, assigneeId]);
      return a.id as string;
    };
    const tomorrow = await assign({ dueAt: "2400-03-11" });
    const today = await assign({ dueAt: "2400-03-10" }, 1);
    const later = await assign({ dueAt: "2400-03-12" }, 2);
    const past = await assign({ dueAt: "2400-03-09" }, 3);
    const done = await assign({ dueAt: "2400-03-11", status: "resolved" }, 4);
    const privateToOther = await assign({ dueAt: "2400-03-11", visibility: "private", assignee: people.annotator.id }, 5);
    const privateOwn = await assign({ dueAt: "2400-03-11", visibility: "private", assignee: people.author.id }, 6);
    const deleted = await assign({ dueAt: "2400-03-11" }, 7);
    expect((await call("DELETE", `/api/v1/annotations/${deleted}`, { as: people.author })).status).toBe(204);
    const all = [tomorrow, today, later, past, done, privateToOther, privateOwn, deleted];

    const reminded = async () =>
      query<{ annotation_id: string; user_id: string; actor_id: string }>(
        "SELECT annotation_id, user_id, actor_id FROM notifications WHERE type = 'due_soon' AND annotation_id = ANY($1::text[]) ORDER BY created_at",
        [all],
      );

    const first = await remindDueSoon(NOW);
    expect(first).toBeGreaterThanOrEqual(3);
    const sent = await reminded();
    expect(new Set(sent.map((n) => n.annotation_id))).toEqual(new Set([tomorrow, today, privateOwn]));
    expect(sent.find((n) => n.annotation_id === tomorrow)).toEqual({
      annotation_id: tomorrow,
      user_id: people.annotator.id,
      actor_id: people.author.id,
    });
    const marked = await query<{ id: string }>(
      "SELECT id FROM annotations WHERE id = ANY($1::text[]) AND due_soon_notified_at IS NOT NULL",
      [all],
    );
    expect(new Set(marked.map((r) => r.id))).toEqual(new Set([tomorrow, today, privateOwn]));

    // Run again (the next hour, or a second instance): nobody is reminded twice.
    expect(await remindDueSoon(new Date(NOW.getTime() + 60 * 60 * 1000))).toBe(0);
    expect(await reminded()).toHaveLength(3);

    // The next day, the thread due the day after is reminded in turn, and only it.
    expect(await remindDueSoon(new Date("2400-03-11T00:10:00Z"))).toBe(1);
    expect((await reminded()).map((n) => n.annotation_id)).toContain(later);

    // The assignee sees it among their notifications, and it leads to the thread.
    const list = await call("GET", "/api/v1/notifications", { as: people.annotator });
    const reminder = list.body.notifications.find(
      (n: { type: string; annotation: { id: string } }) => n.type === "due_soon" && n.annotation.id === tomorrow,
    );
    expect(reminder).toMatchObject({ href: expect.stringContaining(`?annotation=${tomorrow}`) });
  });

  it("reminds again after a new due date, and never a member who became a viewer", async () => {
    const { ws, report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report);
    const assigned = await call("PATCH", `/api/v1/annotations/${a.id}`, {
      as: people.editor,
      json: { assigneeId: people.annotator.id, dueAt: "2400-05-02", version: a.version },
    });
    const count = async () => (await query("SELECT 1 FROM notifications WHERE type = 'due_soon' AND annotation_id = $1", [a.id])).length;
    await remindDueSoon(new Date("2400-05-01T12:00:00Z"));
    expect(await count()).toBe(1);
    await call("PATCH", `/api/v1/annotations/${a.id}`, {
      as: people.editor,
      json: { dueAt: "2400-05-03", version: assigned.body.version },
    });
    await remindDueSoon(new Date("2400-05-02T12:00:00Z"));
    expect(await count()).toBe(2);

    const b = await newAnnotation(people.author, report, {}, 1);
    await call("PATCH", `/api/v1/annotations/${b.id}`, {
      as: people.editor,
      json: { assigneeId: people.annotator.id, dueAt: "2400-06-02", version: b.version },
    });
    // Written straight to the table: the API would also have unassigned them (see the members tests).
    await query("UPDATE memberships SET role = 'viewer' WHERE workspace_id = $1 AND user_id = $2", [ws.id, people.annotator.id]);
    await remindDueSoon(new Date("2400-06-01T12:00:00Z"));
    expect((await query("SELECT 1 FROM notifications WHERE type = 'due_soon' AND annotation_id = $1", [b.id])).length).toBe(0);
  });
});
