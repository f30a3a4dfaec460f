import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, newReport, newUser, newWorkspace, type Report, type TestUser } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";
import { LiveClient } from "@/lib/testing/live-client";
import { startSecondInstance } from "@/lib/testing/second-instance";

/**
 * A few hundred live streams on two instances while a burst of changes is made
 * and some readers read slowly: every reader ends with every event it may see,
 * in order, exactly once. A reader that stops reading altogether is told to
 * come back, and catches up from the table. The two instances allow only 4 KB
 * unread per stream (beyond the sockets' own buffers, a few MB on loopback).
 */
const READERS = 20;
/** Each person holds 5 streams on each instance (the cap is 12). */
const STREAMS_EACH = 5;
const SHARED = 700;
const PRIVATE = 40;

let instances: { baseUrl: string; stop: () => void }[] = [];
const clients: LiveClient[] = [];
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

beforeAll(async () => {
  instances = await Promise.all([0, 1].map(() => startSecondInstance({ env: { MARGINALIA_LIVE_BUFFER_KB: "4" } })));
}, 120_000);

afterAll(() => {
  clients.forEach((c) => c.close());
  instances.forEach((i) => i.stop());
  agent.destroy();
});

async function post(instance: number, who: TestUser, report: Report, n: number, visibility: "workspace" | "private"): Promise<string> {
  const res = await fetch(`${instances[instance].baseUrl}/api/v1/reports/${report.id}/annotations`, {
    method: "POST",
    headers: { authorization: `Bearer ${who.token}`, "content-type": "application/json" },
    body: JSON.stringify({ passageId: report.passages[n % report.passages.length].id, start: 0, end: 3, body: `Burst ${n}`, visibility }),
  });
  const body = (await res.json()) as { id?: string };
  if (res.status !== 201 || !body.id) throw new Error(`POST ${n}: ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}

describe("live streams under load", () => {
  it("brings every reader every event it may see, in order and once, slow readers included", { timeout: 240_000 }, async () => {
    const owner = await newUser("Olive Owner");
    const author = await newUser("Aziz Author");
    const ws = await newWorkspace(owner, "Many readers");
    await addMember(owner, ws.id, author, "annotator");
    const readers: TestUser[] = [];
    for (let i = 0; i < READERS; i += 5) readers.push(...(await Promise.all([1, 2, 3, 4, 5].map((k) => newUser(`Reader ${i + k}`)))));
    for (const r of readers) await addMember(owner, ws.id, r, "viewer");
    const report = await newReport(owner, ws.id);

    // Every reader and the author: 5 streams on each instance.
    const people = [author, ...readers];
    const streams: { client: LiveClient; user: TestUser }[] = [];
    for (const user of people)
      for (let k = 0; k < 2 * STREAMS_EACH; k++) {
        const client = new LiveClient({ url: `${instances[k % 2].baseUrl}/api/v1/reports/${report.id}/events`, token: user.token, agent });
        clients.push(client);
        streams.push({ client, user });
      }
    await Promise.all(streams.map((s) => s.client.open()));
    await Promise.all(streams.map((s) => s.client.settled()));
    expect(streams.length).toBe(210);

    // One stream in ten reads nothing during the burst, and catches up after it.
    const slow = streams.filter((_, i) => i % 10 === 3);
    slow.forEach((s) => s.client.pause());

    // One change after another, alternately through each instance: each commits before the next is made,
    // so their event ids are in the order they happened. Every 18th is the author's private note.
    const shared: string[] = [];
    const secret: string[] = [];
    for (let n = 0; n < SHARED + PRIVATE; n++) {
      const isPrivate = n % 18 === 5 && secret.length < PRIVATE;
      const id = await post(n % 2, author, report, n, isPrivate ? "private" : "workspace");
      (isPrivate ? secret : shared).push(id);
    }
    slow.forEach((s) => s.client.resume());

    const expected = (user: TestUser) => (user.id === author.id ? shared.length + secret.length : shared.length);
    const complete = () => streams.every((s) => s.client.changes.length >= expected(s.user));
    for (const until = Date.now() + 60_000; !complete() && Date.now() < until;) await new Promise((r) => setTimeout(r, 200));

    const ended = new Map<string, number>();
    for (const { client, user } of streams) {
      const got = client.changes.map((c) => c.itemId);
      // Exactly what this person may see: the author's private notes to the author alone.
      const mine = new Set(user.id === author.id ? [...shared, ...secret] : shared);
      expect(new Set(got).size, "no event twice").toBe(got.length);
      expect(
        got.filter((id) => !mine.has(id)),
        "nothing it may not see",
      ).toEqual([]);
      expect(got.length, "every event it may see").toBe(mine.size);
      const ids = client.changes.map((c) => BigInt(c.id));
      expect(
        ids.every((id, i) => i === 0 || id > ids[i - 1]),
        "in order",
      ).toBe(true);
      for (const [reason, n] of client.endedBy) ended.set(reason, (ended.get(reason) ?? 0) + n);
    }
    // Slow readers fell behind and caught up on the same connection (the sockets held what they had not read):
    // no stream was ended.
    expect(Object.fromEntries(ended)).toEqual({});
    expect(streams.every((s) => s.client.reconnects === 0)).toBe(true);
  });

  it(
    "tells a reader that stopped reading to come back, and it catches up from the table with nothing lost",
    { timeout: 120_000 },
    async () => {
      const owner = await newUser("Olive Owner");
      const ws = await newWorkspace(owner, "A flood");
      const report = await newReport(owner, ws.id);
      const url = (k: number) => `${instances[k].baseUrl}/api/v1/reports/${report.id}/events`;
      const readers = [0, 1, 0, 1].map((k) => new LiveClient({ url: url(k), token: owner.token, agent }));
      clients.push(...readers);
      await Promise.all(readers.map((c) => c.open()));
      await Promise.all(readers.map((c) => c.settled()));
      const [stuck, stuckToo, ...reading] = readers;
      stuck.pause();
      stuckToo.pause();

      // More than the sockets hold (about 330 bytes an event; a few MB fill a loopback connection's buffers):
      // written straight to the table, as many changes committed at once would be, and announced once.
      const flood = async (count: number) => {
        const [{ newest }] = await query<{ newest: string }>(
          `WITH made AS (
           INSERT INTO report_events (report_id, type, item_type, item_id, actor_id)
           SELECT $1, 'annotation.updated', 'annotation', 'flood-' || g, $2 FROM generate_series(1, $3::int) g RETURNING id)
         SELECT pg_notify('marginalia_events', max(id)::text), max(id)::text AS newest FROM made`,
          [report.id, owner.id, count],
        );
        return BigInt(newest);
      };
      const waitFor = async (done: () => boolean, ms: number) => {
        for (const until = Date.now() + ms; !done() && Date.now() < until;) await new Promise((r) => setTimeout(r, 100));
      };
      const FIRST = 20_000;
      const THEN = 500;
      await flood(FIRST);
      await waitFor(() => reading.every((c) => c.changes.length >= FIRST), 30_000);
      expect(reading.map((c) => c.changes.length)).toEqual([FIRST, FIRST]);
      // The server looks every second; two looks over the allowance with nothing read, and it gives up on them.
      await new Promise((r) => setTimeout(r, 3_500));
      // What comes now is no longer written to the stopped readers: they will read it from the table.
      const newest = await flood(THEN);
      const COUNT = FIRST + THEN;
      await waitFor(() => reading.every((c) => c.changes.length >= COUNT), 30_000);
      stuck.resume();
      stuckToo.resume();
      await waitFor(() => [stuck, stuckToo].every((c) => c.changes.length >= COUNT), 60_000);

      for (const c of readers) {
        const ids = c.changes.map((e) => BigInt(e.id));
        expect(new Set(ids).size, "no event twice").toBe(COUNT);
        expect(ids.length).toBe(COUNT);
        expect(ids[ids.length - 1]).toBe(newest);
        expect(
          ids.findIndex((id, i) => i > 0 && id <= ids[i - 1]),
          "in order",
        ).toBe(-1);
      }
      for (const c of [stuck, stuckToo]) {
        // Told to come back once, or again while it still did not read; never cut off without a reason.
        expect([...c.endedBy.keys()]).toEqual(["slow"]);
        // What came after it was cut off came on the next connection, from the table.
        expect(c.changes.slice(-THEN).every((e) => e.connection > 0)).toBe(true);
      }
      for (const c of reading) expect(c.reconnects).toBe(0);
    },
  );
});
