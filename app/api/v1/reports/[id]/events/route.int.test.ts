import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, call, newAnnotation, teamWorkspace } from "@/lib/testing/api";
import { startSecondInstance } from "@/lib/testing/second-instance";
import { openSse, type SseStream } from "@/lib/testing/sse";

let second: { baseUrl: string; stop: () => void };
const streams: SseStream[] = [];

beforeAll(async () => {
  second = await startSecondInstance();
}, 90_000);

afterAll(() => {
  streams.forEach((s) => s.close());
  second?.stop();
});

/** A stream of a report's events on the second instance ("B"); the first ("A") is where changes are made. */
async function subscribe(reportId: string, as: { token: string }, options: { on?: string; lastEventId?: string; query?: string } = {}) {
  const url = `${options.on ?? second.baseUrl}/api/v1/reports/${reportId}/events${options.query ?? ""}`;
  const stream = await openSse(url, as, options.lastEventId ? { "last-event-id": options.lastEventId } : {});
  streams.push(stream);
  return stream;
}

const change = (e: { data: string }) =>
  JSON.parse(e.data) as { id: string; type: string; itemId: string; parentId: string | null; actorId: string };

describe("GET /api/v1/reports/{id}/events", () => {
  it("delivers an annotation made through instance A to a client of instance B", async () => {
    const { report, people } = await teamWorkspace();
    const stream = await subscribe(report.id, people.viewer);
    expect(stream.status).toBe(200);
    await stream.nextOf("presence");
    const created = await newAnnotation(people.author, report, { body: "Live!", kind: "claim" });
    const e = await stream.nextOf("change");
    expect(change(e)).toMatchObject({ type: "annotation.created", itemId: created.id, actorId: people.author.id });
    expect(e.id).toBe(change(e).id);

    const reply = await call("POST", `/api/v1/annotations/${created.id}/replies`, { as: people.annotator, json: { body: "Seen" } });
    expect(change(await stream.nextOf("change"))).toMatchObject({ type: "reply.created", itemId: reply.body.id, parentId: created.id });
    await call("PUT", `/api/v1/annotations/${created.id}/verdict`, { as: people.editor, json: { verdict: "supported" } });
    await call("DELETE", `/api/v1/annotations/${created.id}`, { as: people.author });
    const rest = [await stream.nextOf("change"), await stream.nextOf("change")].map(change);
    expect(rest.map((r) => [r.type, r.itemId])).toEqual([
      ["verdict.changed", created.id],
      ["annotation.deleted", created.id],
    ]);
  });

  it("delivers every one of annotations made at once, announced together after they commit", async () => {
    const { report, people } = await teamWorkspace();
    const stream = await subscribe(report.id, people.viewer);
    await stream.nextOf("presence");
    // Made concurrently, their events go out in one notification or a few (comma-separated ids).
    const made = await Promise.all(Array.from({ length: 12 }, (_, i) => newAnnotation(people.author, report, { body: `at once ${i}` })));
    const seen: string[] = [];
    for (let i = 0; i < made.length; i++) seen.push(change(await stream.nextOf("change")).itemId);
    expect(seen.sort()).toEqual(made.map((a) => a.id).sort());
  });

  it("resumes after a disconnection with exactly the missed events, in order", async () => {
    const { report, people } = await teamWorkspace();
    let stream = await subscribe(report.id, people.viewer);
    await newAnnotation(people.author, report, { body: "first" });
    const seen = await stream.nextOf("change");
    stream.close();

    const missed = [];
    for (const body of ["one", "two", "three"]) missed.push((await newAnnotation(people.author, report, { body })).id);

    stream = await subscribe(report.id, people.viewer, { lastEventId: seen.id! });
    const replayed = [await stream.nextOf("change"), await stream.nextOf("change"), await stream.nextOf("change")].map(change);
    expect(replayed.map((r) => r.itemId)).toEqual(missed);
    const ids = replayed.map((r) => BigInt(r.id));
    expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
    expect((await stream.drain(1_500)).filter((e) => e.event === "change")).toEqual([]);

    // `?after=` does the same for a first connection (what the page passes).
    const fresh = await subscribe(report.id, people.owner, { on: baseUrl(), query: `?after=${seen.id}` });
    expect([await fresh.nextOf("change"), await fresh.nextOf("change"), await fresh.nextOf("change")].map((e) => change(e).itemId)).toEqual(
      missed,
    );
  });

  it("sends private items to their author only", async () => {
    const { report, people } = await teamWorkspace();
    const other = await subscribe(report.id, people.viewer);
    const author = await subscribe(report.id, people.author);
    const secret = await newAnnotation(people.author, report, { body: "Mine", visibility: "private" });
    const shared = await newAnnotation(people.author, report, { body: "Ours" });
    expect(change(await author.nextOf("change")).itemId).toBe(secret.id);
    expect(change(await author.nextOf("change")).itemId).toBe(shared.id);
    expect(change(await other.nextOf("change")).itemId).toBe(shared.id);
    await call("POST", `/api/v1/annotations/${secret.id}/replies`, { as: people.author, json: { body: "note to self" } });
    expect(change(await author.nextOf("change")).type).toBe("reply.created");
    expect((await other.drain(1_000)).filter((e) => e.event === "change")).toEqual([]);
  });

  it("answers a stranger 404 and a bad cursor 400", async () => {
    const { report, people } = await teamWorkspace();
    expect((await subscribe(report.id, people.stranger)).status).toBe(404);
    expect((await call("GET", `/api/v1/reports/${report.id}/events?after=abc`, { as: people.viewer })).status).toBe(400);
    expect((await call("GET", `/api/v1/reports/${report.id}/events?session=<x>`, { as: people.viewer })).status).toBe(400);
  });

  it("closes the stream of someone removed from the workspace, and sends them nothing more", async () => {
    const { ws, report, people } = await teamWorkspace();
    const stream = await subscribe(report.id, people.viewer);
    await stream.nextOf("presence");
    const removed = await call("DELETE", `/api/v1/workspaces/${ws.id}/members/${people.viewer.id}`, { as: people.owner });
    expect(removed.status).toBe(204);
    await stream.nextOf("revoked", 8_000);
    await newAnnotation(people.author, report, { body: "after removal" });
    const after = await stream.drain(1_000);
    expect(after.filter((e) => e.event === "change")).toEqual([]);
    expect(stream.ended()).toBe(true);
    expect((await subscribe(report.id, people.viewer)).status).toBe(404);
  });

  it("shows who is reading which passage, and forgets a page that leaves", async () => {
    const { report, people } = await teamWorkspace();
    const watcher = await subscribe(report.id, people.viewer);
    await watcher.nextOf("presence");
    const sessionId = "test-session-1234";
    const post = await call("POST", `/api/v1/reports/${report.id}/presence`, { as: people.author, json: { sessionId, passageIndex: 3 } });
    expect(post.status).toBe(204);
    let presence = JSON.parse((await watcher.nextOf("presence")).data);
    expect(presence.people).toContainEqual({ user: { id: people.author.id, name: "Aziz Author" }, passageIndex: 3 });
    await call("POST", `/api/v1/reports/${report.id}/presence`, { as: people.author, json: { sessionId, leaving: true } });
    presence = JSON.parse((await watcher.nextOf("presence")).data);
    expect(presence.people.map((p: { user: { id: string } }) => p.user.id)).not.toContain(people.author.id);
    expect(
      (
        await call("POST", `/api/v1/reports/${report.id}/presence`, {
          as: people.stranger,
          json: { sessionId: "stranger-session", passageIndex: 1 },
        })
      ).status,
    ).toBe(404);
    expect((await call("POST", `/api/v1/reports/${report.id}/presence`, { as: people.author, json: { sessionId: "x" } })).status).toBe(422);
  });

  it("caps the live connections one user holds on an instance", async () => {
    const { report, people } = await teamWorkspace();
    const open = [];
    for (let i = 0; i < 12; i++) open.push(await subscribe(report.id, people.annotator));
    expect(open.map((s) => s.status)).toEqual(Array(12).fill(200));
    expect((await subscribe(report.id, people.annotator)).status).toBe(429);
    open.forEach((s) => s.close());
    // Closed streams free their places.
    await new Promise((r) => setTimeout(r, 500));
    expect((await subscribe(report.id, people.annotator)).status).toBe(200);
  });
});
