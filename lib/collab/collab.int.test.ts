import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { call, teamWorkspace, type TestUser } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";
import { notesDocToMarkdown, notesFragment } from "./notes-markdown";
import { startCollabServer, type CollabServer } from "./server";
import { createCollabToken } from "./token";

/**
 * Two collaboration server instances in this process, against the test
 * database, with the app's secret (so the app's collab endpoint hands out
 * tokens they accept); headless Yjs clients talk to them over WebSocket.
 */
const SECRET = process.env.NEXTAUTH_SECRET ?? "collab-integration-test-secret";
const databaseUrl = () => process.env.DATABASE_URL!;

const servers: CollabServer[] = [];
const clients: Client[] = [];

async function startServer(): Promise<CollabServer> {
  const server = await startCollabServer({ port: 0, secret: SECRET, databaseUrl: databaseUrl(), host: "127.0.0.1" });
  servers.push(server);
  return server;
}

async function stopServer(server: CollabServer): Promise<void> {
  await server.stop();
  servers.splice(servers.indexOf(server), 1);
}

interface Client {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Resolves with the scope ("read-write" | "readonly") once authenticated, rejects with the reason when refused. */
  authenticated: Promise<string>;
  synced: Promise<void>;
  markdown: () => string;
}

function connect(server: CollabServer, document: string, token: string): Client {
  const doc = new Y.Doc();
  // Node has no WebSocket of its own here: the provider's socket uses ws's.
  const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${server.port}`, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: document, document: doc, token });
  provider.attach();
  const authenticated = new Promise<string>((resolve, reject) => {
    provider.on("authenticated", ({ scope }: { scope: string }) => resolve(scope));
    provider.on("authenticationFailed", ({ reason }: { reason: string }) => reject(new Error(reason)));
  });
  const synced = new Promise<void>((resolve) => provider.on("synced", () => resolve()));
  authenticated.catch(() => undefined);
  const client = { doc, provider, socket, authenticated, synced, markdown: () => notesDocToMarkdown(doc) };
  clients.push(client);
  return client;
}

function disconnect(client: Client): void {
  client.provider.destroy();
  client.socket.destroy();
  clients.splice(clients.indexOf(client), 1);
}

/** The text node of the first paragraph: where the headless clients type. */
function firstText(doc: Y.Doc): Y.XmlText {
  const paragraph = notesFragment(doc).get(0) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

async function eventually<T>(read: () => T | Promise<T>, check: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(value)?.slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

const count = (text: string, ch: string) => [...text].filter((c) => c === ch).length;

/** The app's GET /notes/collab: the servers here share its secret, so its tokens work with them. */
const ticket = (user: TestUser, reportId: string) => call("GET", `/api/v1/reports/${reportId}/notes/collab`, { as: user });

describe("co-edited team notes (collaboration server)", () => {
  let team: Awaited<ReturnType<typeof teamWorkspace>>;
  let document: string;
  let text = "";

  beforeAll(async () => {
    team = await teamWorkspace();
    document = `notes:${team.report.id}`;
    // Notes saved before anyone co-edits: the collaboration server starts from them.
    const saved = await call("PUT", `/api/v1/reports/${team.report.id}/notes`, {
      as: team.people.annotator,
      json: { body: "## Findings\n\nStart.", version: 0 },
    });
    expect(saved.status).toBe(200);
  });

  afterAll(async () => {
    for (const client of [...clients]) disconnect(client);
    await Promise.all(servers.map((s) => s.stop()));
  });

  it("hands members a ticket for the collaboration server, strangers a 404", async () => {
    const res = await ticket(team.people.annotator, team.report.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ document, readOnly: false, user: { id: team.people.annotator.id, name: "Anan Annotator" } });
    expect(res.body.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(res.body.user.color).toMatch(/^#[0-9a-f]{6}$/);
    expect((await ticket(team.people.viewer, team.report.id)).body.readOnly).toBe(true);
    expect((await ticket(team.people.stranger, team.report.id)).status).toBe(404);
    expect((await call("GET", `/api/v1/reports/${team.report.id}/notes/collab`)).status).toBe(401);
  });

  it("two clients on two instances type at once; both end with every keystroke", async () => {
    const [a, b] = [await startServer(), await startServer()];
    const alice = connect(a, document, (await ticket(team.people.annotator, team.report.id)).body.token);
    const bob = connect(b, document, (await ticket(team.people.editor, team.report.id)).body.token);
    expect(await alice.authenticated).toBe("read-write");
    await Promise.all([alice.synced, bob.synced]);
    expect(alice.markdown()).toBe("## Findings\n\nStart.");
    expect(bob.markdown()).toBe("## Findings\n\nStart.");

    // The paragraph is the second block; each types 200 single characters at random places, interleaved.
    const typeInto = (client: Client, ch: string) => {
      const node = (notesFragment(client.doc).get(1) as Y.XmlElement).get(0) as Y.XmlText;
      node.insert(Math.floor(Math.random() * (node.length + 1)), ch);
    };
    for (let i = 0; i < 200; i++) {
      typeInto(alice, "a");
      typeInto(bob, "b");
      if (i % 20 === 0) await new Promise((r) => setTimeout(r, 10));
    }
    const done = (md: string) => count(md, "a") === 200 + count("## Findings\n\nStart.", "a") && count(md, "b") === 200;
    await eventually(() => alice.markdown(), done);
    await eventually(() => bob.markdown(), done);
    await eventually(
      () => [alice.markdown(), bob.markdown()],
      ([x, y]) => x === y,
    );
    text = alice.markdown();
    expect(text.startsWith("## Findings\n\n")).toBe(true);

    disconnect(alice);
    disconnect(bob);
    await stopServer(a);
    await stopServer(b);
  }, 60_000);

  it("the document survives a restart, compacted, and GET /notes serves it as Markdown", async () => {
    const rows = await query<{ n: string }>("SELECT count(*)::text AS n FROM notes_updates WHERE report_id = $1", [team.report.id]);
    expect(Number(rows[0].n)).toBe(0);
    const [snapshot] = await query("SELECT through_id FROM notes_documents WHERE report_id = $1", [team.report.id]);
    expect(Number(snapshot.through_id)).toBeGreaterThan(0);

    const notes = await call("GET", `/api/v1/reports/${team.report.id}/notes`, { as: team.people.viewer });
    expect(notes.body.body).toBe(text);
    expect([team.people.annotator.id, team.people.editor.id]).toContain(notes.body.updatedBy.id);
    // A co-edited save is an event, like a REST one: the activity feed and open pages hear of it.
    const events = await query<{ actor_id: string }>("SELECT actor_id FROM report_events WHERE report_id = $1 AND type = 'notes.saved'", [
      team.report.id,
    ]);
    expect(events.length).toBeGreaterThan(0);
    expect([team.people.annotator.id, team.people.editor.id]).toContain(events[events.length - 1].actor_id);

    const c = await startServer();
    const carol = connect(c, document, (await ticket(team.people.owner, team.report.id)).body.token);
    await carol.synced;
    expect(carol.markdown()).toBe(text);
  });

  it("a REST save while someone co-edits reaches them, and the next compaction keeps it", async () => {
    const [server] = servers;
    const dana = connect(server, document, (await ticket(team.people.author, team.report.id)).body.token);
    await dana.synced;
    const current = await call("GET", `/api/v1/reports/${team.report.id}/notes`, { as: team.people.annotator });
    const body = `${current.body.body}\n\nSaved through the API.`;
    const saved = await call("PUT", `/api/v1/reports/${team.report.id}/notes`, {
      as: team.people.annotator,
      json: { body, version: current.body.version },
    });
    expect(saved.status).toBe(200);
    await eventually(
      () => dana.markdown(),
      (md) => md === body,
    );
    text = body;

    // Dana keeps typing: her store (after the debounce) must not lose the API's paragraph.
    firstText(dana.doc).insert(0, "Now ");
    const stored = await eventually(
      async () => (await call("GET", `/api/v1/reports/${team.report.id}/notes`, { as: team.people.viewer })).body.body as string,
      (md) => md.includes("Now Findings"),
    );
    expect(stored).toContain("Saved through the API.");
    text = dana.markdown();
  }, 60_000);

  it("viewers connect read-only: their edits are neither applied nor stored", async () => {
    const [server] = servers;
    const owner = connect(server, document, (await ticket(team.people.owner, team.report.id)).body.token);
    const vera = connect(server, document, (await ticket(team.people.viewer, team.report.id)).body.token);
    expect(await vera.authenticated).toBe("readonly");
    await Promise.all([owner.synced, vera.synced]);
    firstText(vera.doc).insert(0, "VIEWER WAS HERE ");
    // A writer's change after the viewer's still arrives, and the viewer's never does.
    firstText(owner.doc).insert(firstText(owner.doc).length, "!");
    await eventually(
      () => vera.markdown(),
      (md) => md.includes("Findings!"),
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(owner.markdown()).not.toContain("VIEWER");
    // Even a token that claims write access is read-only for a viewer: the database decides.
    const claiming = connect(
      server,
      document,
      createCollabToken({ userId: team.people.viewer.id, reportId: team.report.id, canWrite: true }, SECRET),
    );
    expect(await claiming.authenticated).toBe("readonly");
    text = owner.markdown();
  });

  it("refuses strangers, forged, expired and mismatched tokens", async () => {
    const [server] = servers;
    const { stranger, annotator } = team.people;
    const refused = [
      createCollabToken({ userId: stranger.id, reportId: team.report.id, canWrite: true }, SECRET),
      createCollabToken({ userId: annotator.id, reportId: team.report.id, canWrite: true }, "not-the-secret"),
      createCollabToken({ userId: annotator.id, reportId: team.report.id, canWrite: true }, SECRET, -1),
      createCollabToken({ userId: annotator.id, reportId: "another-report", canWrite: true }, SECRET),
      "",
      "c1.garbage.token",
    ];
    for (const token of refused) {
      const client = connect(server, document, token);
      await expect(client.authenticated).rejects.toThrow("permission-denied");
      expect(notesFragment(client.doc).length).toBe(0);
      disconnect(client);
    }
  });

  it("caps the connections one person may hold on an instance", async () => {
    const [server] = servers;
    const token = (await ticket(team.people.editor, team.report.id)).body.token;
    const open = Array.from({ length: 20 }, () => connect(server, document, token));
    await Promise.all(open.map((c) => c.synced));
    const extra = connect(server, document, token);
    await expect(extra.authenticated).rejects.toThrow("too-many-connections");
    for (const client of [...open, extra]) disconnect(client);
    // Closing frees the places again.
    await new Promise((r) => setTimeout(r, 300));
    const again = connect(server, document, token);
    expect(await again.authenticated).toBe("read-write");
    disconnect(again);
  }, 60_000);

  it("a malformed message closes only its own connection; the stored document is intact", async () => {
    const [server] = servers;
    const writer = connect(server, document, (await ticket(team.people.annotator, team.report.id)).body.token);
    await writer.synced;
    const before = writer.markdown();

    const token = (await ticket(team.people.editor, team.report.id)).body.token;
    const raw = new WebSocket(`ws://127.0.0.1:${server.port}`);
    const closed = new Promise<number>((resolve) => raw.on("close", (code) => resolve(code)));
    await new Promise((resolve, reject) => (raw.on("open", resolve), raw.on("error", reject)));
    const frame = (write: (e: encoding.Encoder) => void) => {
      const e = encoding.createEncoder();
      encoding.writeVarString(e, document);
      write(e);
      return encoding.toUint8Array(e);
    };
    const authenticated = new Promise((resolve) => raw.once("message", resolve));
    raw.send(frame((e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 0), encoding.writeVarString(e, token))));
    await authenticated;
    // A sync "update" whose payload is not a Yjs update, then bytes that are not even a message.
    raw.send(
      frame(
        (e) => (
          encoding.writeVarUint(e, 0),
          encoding.writeVarUint(e, 2),
          encoding.writeVarUint8Array(e, new Uint8Array([7, 7, 7, 7, 7, 7, 7]))
        ),
      ),
    );
    raw.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]));
    await Promise.race([closed, new Promise((r) => setTimeout(r, 5_000))]);
    expect(raw.readyState === WebSocket.CLOSED || raw.readyState === WebSocket.CLOSING).toBe(true);

    // The server still serves, and the document is as it was, in memory and once stored.
    firstText(writer.doc).insert(0, "Still ");
    const expected = writer.markdown();
    expect(expected).toBe(before.replace("## ", "## Still "));
    const fresh = connect(server, document, (await ticket(team.people.owner, team.report.id)).body.token);
    await fresh.synced;
    await eventually(
      () => fresh.markdown(),
      (md) => md === expected,
    );
    await eventually(
      async () => (await call("GET", `/api/v1/reports/${team.report.id}/notes`, { as: team.people.viewer })).body.body,
      (md) => md === expected,
    );
    text = expected;
  }, 60_000);

  it("a REST save while no one has the notes open is there when they open, and gets folded into the snapshot", async () => {
    for (const client of [...clients]) disconnect(client);
    for (const server of [...servers]) await stopServer(server);
    const current = await call("GET", `/api/v1/reports/${team.report.id}/notes`, { as: team.people.annotator });
    const body = `${current.body.body}\n\nWritten while nobody co-edited.`;
    expect(
      (
        await call("PUT", `/api/v1/reports/${team.report.id}/notes`, {
          as: team.people.annotator,
          json: { body, version: current.body.version },
        })
      ).status,
    ).toBe(200);
    const pending = async () =>
      Number((await query<{ n: string }>("SELECT count(*)::text AS n FROM notes_updates WHERE report_id = $1", [team.report.id]))[0].n);
    // At least the REST save's update waits (a stopped server may also have left its last one unfolded).
    expect(await pending()).toBeGreaterThanOrEqual(1);

    const server = await startServer();
    const erin = connect(server, document, (await ticket(team.people.editor, team.report.id)).body.token);
    await erin.synced;
    expect(erin.markdown()).toBe(body);
    await eventually(pending, (n) => n === 0);
    expect((await call("GET", `/api/v1/reports/${team.report.id}/notes`, { as: team.people.viewer })).body.body).toBe(body);
  }, 60_000);

  it("closes the connections of a member who is removed, within seconds", async () => {
    const [server] = servers;
    const aziz = connect(server, document, (await ticket(team.people.author, team.report.id)).body.token);
    await aziz.synced;
    const closed = new Promise<number>((resolve) => {
      const started = Date.now();
      aziz.provider.on("close", () => resolve(Date.now() - started));
    });
    const removed = await call("DELETE", `/api/v1/workspaces/${team.ws.id}/members/${team.people.author.id}`, { as: team.people.owner });
    expect(removed.status).toBe(204);
    const ms = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 15_000))]);
    // The check runs every 5 seconds.
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(ms).toBeLessThan(10_000);
    // Writes from others no longer reach the removed member.
    const owner = connect(server, document, (await ticket(team.people.owner, team.report.id)).body.token);
    await owner.synced;
    firstText(owner.doc).insert(0, "After removal. ");
    await new Promise((r) => setTimeout(r, 1_000));
    expect(aziz.markdown()).not.toContain("After removal.");
  }, 60_000);
});
