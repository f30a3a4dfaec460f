import pg from "pg";
import { describe, expect, it } from "vitest";
import { EVENTS_CHANNEL } from "@/lib/server/events/events";
import { addMember, call, newReport, newUser, newWorkspace } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";
import { createToken } from "@/lib/server/tokens/tokens";
import { insertAnnotationIfCurrent, type NewAnnotation, type Writer } from "./create-annotation";
import { readAnnotationViews } from "./read-views";

async function setup() {
  const owner = await newUser("Owner Person");
  const ws = await newWorkspace(owner);
  const report = await newReport(owner, ws.id);
  const passage = report.passages[0];
  const row = (authorId: string, fields: Partial<NewAnnotation> = {}): NewAnnotation => ({
    reportId: report.id,
    passageId: passage.id,
    authorId,
    kind: "comment",
    visibility: "workspace",
    body: "A note",
    claimSummary: null,
    start: 0,
    end: 3,
    quote: passage.text.slice(0, 3),
    prefix: "",
    suffix: passage.text.slice(3, 35),
    ...fields,
  });
  return { owner, ws, report, passage, row };
}

/** As the API writes for a signed-in user (or, with `writer`, for whoever holds a token or a session): the view, or null. */
const insert = async ({ authorId, ...a }: NewAnnotation, version: number, writer: Writer = { userId: authorId }) =>
  insertAnnotationIfCurrent(a, { version, passageIndex: await passageIndex(a.passageId) }, writer);

const passageIndex = async (id: string) => (await query<{ index: number }>("SELECT index FROM passages WHERE id = $1", [id]))[0].index;

const written = async (reportId: string) => ({
  annotations: (await query("SELECT id FROM annotations WHERE report_id = $1", [reportId])).length,
  events: (await query("SELECT id FROM report_events WHERE report_id = $1 AND type = 'annotation.created'", [reportId])).length,
});

/**
 * The common case of POST /reports/{id}/annotations is one read, then one
 * statement that writes only if what the read found still holds.
 */
describe("insertAnnotationIfCurrent", () => {
  it("writes the annotation and its event, announced, and returns the same view as a read", async () => {
    const { owner, report, passage, row } = await setup();
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const heard: string[] = [];
    listener.on("notification", (m) => heard.push(m.payload ?? ""));
    await listener.query(`LISTEN ${EVENTS_CHANNEL}`);
    try {
      const view = await insert(row(owner.id, { visibility: "private" }), 1);
      expect(view).not.toBeNull();
      expect(view).toEqual((await readAnnotationViews([view!.id])).get(view!.id));
      expect(view).toMatchObject({
        author: { id: owner.id, name: "Owner Person" },
        passageIndex: passage.index,
        tags: [],
        replyCount: 0,
        version: 1,
        status: "open",
        anchorStatus: "anchored",
      });
      expect(view!.createdAt).toEqual(view!.updatedAt);
      expect(Math.abs(view!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
      const [event] = await query<{ id: string; item_id: string; only_user_id: string | null }>(
        "SELECT id::text, item_id, only_user_id FROM report_events WHERE report_id = $1 AND type = 'annotation.created'",
        [report.id],
      );
      expect(event).toMatchObject({ item_id: view!.id, only_user_id: owner.id });
      // Announced once committed, perhaps with other events in the same notification.
      const announced = () => heard.flatMap((payload) => payload.split(","));
      for (let i = 0; i < 20 && !announced().includes(event.id); i++) await new Promise((r) => setTimeout(r, 50));
      expect(announced()).toContain(event.id);
    } finally {
      await listener.end();
    }
  });

  it("writes nothing once the report has a new version", async () => {
    const { owner, report, row } = await setup();
    const v2 = await call("POST", `/api/v1/reports/${report.id}/versions`, {
      as: owner,
      json: { format: "text", content: "Title\n\nA new first paragraph." },
    });
    expect(v2.status).toBe(201);
    expect(await insert(row(owner.id), 1)).toBeNull();
    expect(await written(report.id)).toEqual({ annotations: 0, events: 0 });
    const [current] = await query<{ id: string }>("SELECT id FROM passages WHERE report_id = $1 AND version = 2 ORDER BY index LIMIT 1", [
      report.id,
    ]);
    expect(await insert(row(owner.id, { passageId: current.id }), 2)).not.toBeNull();
  });

  it("waits for a new version being written, then writes nothing", async () => {
    const { owner, report, row } = await setup();
    const versioning = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await versioning.connect();
    try {
      // What createReportVersion does first: lock the report row, then move it on.
      await versioning.query("BEGIN");
      await versioning.query("SELECT version FROM reports WHERE id = $1 FOR UPDATE", [report.id]);
      await versioning.query("UPDATE reports SET version = version + 1 WHERE id = $1", [report.id]);
      let settled = false;
      const pending = insert(row(owner.id), 1).finally(() => (settled = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(settled).toBe(false);
      await versioning.query("COMMIT");
      expect(await pending).toBeNull();
    } finally {
      await versioning.end();
    }
    expect(await written(report.id)).toEqual({ annotations: 0, events: 0 });
  });

  it("writes nothing for a member removed, or made a viewer, since the read", async () => {
    const { owner, ws, report, row } = await setup();
    const removed = await newUser();
    const lowered = await newUser();
    await addMember(owner, ws.id, removed, "annotator");
    await addMember(owner, ws.id, lowered, "annotator");
    expect((await call("DELETE", `/api/v1/workspaces/${ws.id}/members/${removed.id}`, { as: owner })).status).toBe(204);
    await query("UPDATE memberships SET role = 'viewer' WHERE workspace_id = $1 AND user_id = $2", [ws.id, lowered.id]);
    expect(await insert(row(removed.id), 1)).toBeNull();
    expect(await insert(row(lowered.id), 1)).toBeNull();
    expect(await written(report.id)).toEqual({ annotations: 0, events: 0 });
    await query("UPDATE memberships SET role = 'annotator' WHERE workspace_id = $1 AND user_id = $2", [ws.id, lowered.id]);
    expect(await insert(row(lowered.id), 1)).not.toBeNull();
    expect(await written(report.id)).toEqual({ annotations: 1, events: 1 });
  });

  it("for a token, writes as the token's user, only while the token exists and its user may annotate", async () => {
    const { owner, ws, report, row } = await setup();
    const member = await newUser("Token Holder");
    await addMember(owner, ws.id, member, "annotator");
    const { id: tokenId, token } = await createToken({ userId: member.id });
    // Whoever holds the token writes.
    const { authorId: ignored, ...unsigned } = row(owner.id, { visibility: "private" });
    expect(ignored).toBe(owner.id);
    const written1 = await insertAnnotationIfCurrent(
      unsigned,
      { version: 1, passageIndex: await passageIndex(unsigned.passageId) },
      { token },
    );
    expect(written1?.author).toEqual({ id: member.id, name: "Token Holder" });
    expect(written1).toEqual((await readAnnotationViews([written1!.id])).get(written1!.id));
    // The token's use is recorded, as for any other call made with it.
    expect(
      (await query<{ last_used_at: Date | null }>("SELECT last_used_at FROM api_tokens WHERE id = $1", [tokenId]))[0].last_used_at,
    ).not.toBeNull();
    const [event] = await query<{ actor_id: string; only_user_id: string }>(
      "SELECT actor_id, only_user_id FROM report_events WHERE item_id = $1",
      [written1!.id],
    );
    expect(event).toEqual({ actor_id: member.id, only_user_id: member.id });

    const stranger = await createToken({ userId: (await newUser()).id });
    expect(await insert(row(owner.id), 1, { token: stranger.token })).toBeNull();
    await query("UPDATE memberships SET role = 'viewer' WHERE workspace_id = $1 AND user_id = $2", [ws.id, member.id]);
    expect(await insert(row(owner.id), 1, { token })).toBeNull();
    await query("UPDATE memberships SET role = 'annotator' WHERE workspace_id = $1 AND user_id = $2", [ws.id, member.id]);
    await query("DELETE FROM api_tokens WHERE id = $1", [tokenId]);
    expect(await insert(row(owner.id), 1, { token })).toBeNull();
    expect(await written(report.id)).toEqual({ annotations: 1, events: 1 });
  });
});
