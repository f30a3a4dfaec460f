/**
 * `npm run bench:live`: a benchmark (not a test) of live event delivery.
 * Two instances of the production server share a fresh embedded
 * PostgreSQL; subscribers hold the report's SSE stream open on both, and
 * annotations are created through either instance. Reports how long an event
 * takes from "POST sent" to "arrived at a subscriber" (the POST itself
 * included, as a user sees it) and how much memory an open stream costs.
 *
 *   npm run bench:live                      200 subscribers, 50 events
 *   npm run bench:live -- --small           20 subscribers, 10 events (well under a minute)
 *   npm run bench:live -- --events 100 --subscribers 400
 *
 * Writes the figures to bench/results/live-latest.json as well.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { addMember, newReport, newUser, newWorkspace, type TestUser } from "../lib/testing/api";
import {
  cleanup,
  cleanups,
  cpuMsByPid,
  ensureBuild,
  groupPids,
  groupRssKb,
  log,
  percentile,
  round,
  startAppServer,
  startTempDatabase,
} from "./support";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
function numberArg(name: string, fallback: number): number {
  const at = args.indexOf(name);
  if (at === -1) return fallback;
  const n = Number(args[at + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a positive whole number`);
  return n;
}
const small = flag("--small");
const SUBSCRIBERS = numberArg("--subscribers", small ? 20 : 200);
const EVENTS = numberArg("--events", small ? 10 : 50);
/** The server allows 12 streams per user per instance; 10 per user (5 on each) stays under it. */
const USERS = Math.max(2, Math.ceil(SUBSCRIBERS / 10));
const SPACING_MS = 100;
const LOST_AFTER_MS = 10_000;
const IDLE_MS = 5_000;
const INSTANCES = 2;

/** CPU time (user + system, in ms) the group's live processes have used. */
function groupCpuMs(pgid: number): number {
  let ms = 0;
  for (const used of cpuMsByPid(groupPids(pgid)).values()) ms += used;
  return ms;
}

/** Share of one core each instance uses over `ms` of doing nothing asked by us. */
async function idleCpuPercent(instances: Instance[], ms: number): Promise<number[]> {
  const before = instances.map((i) => groupCpuMs(i.pgid));
  await sleep(ms);
  return instances.map((i, k) => round(((groupCpuMs(i.pgid) - before[k]) / ms) * 100));
}

/** The median of three readings a few hundred ms apart: RSS moves with the garbage collector. */
async function sampleRssKb(pgid: number): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < 3; i++) {
    if (i) await sleep(400);
    readings.push(groupRssKb(pgid));
  }
  return readings.sort((a, b) => a - b)[1];
}

interface Instance {
  name: string;
  baseUrl: string;
  pgid: number;
}

async function startInstance(name: string, env: NodeJS.ProcessEnv): Promise<Instance> {
  return { name, ...(await startAppServer(`instance ${name}`, env)) };
}

// ---- subscribers: one HTTP connection each, read as a plain stream in this process ----

interface Subscriber {
  instance: number;
  /** Resolves with the first presence event, which the server sends once the stream is fully set up. */
  settled: Promise<void>;
  /** Set when the server ended the stream or the connection broke before the end of the run. */
  endedEarly: boolean;
  close(): void;
}

/** First arrival of each annotation's `change` event, per subscriber: itemId → subscriber → performance.now(). */
const arrivals = new Map<string, Map<number, number>>();
let running = true;

function openSubscriber(index: number, instance: number, url: string, token: string, agent: http.Agent): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { accept: "text/event-stream", authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) {
        let body = "";
        res.setEncoding("utf8").on("data", (c: string) => (body += c));
        res.on("end", () => reject(new Error(`subscriber ${index}: ${res.statusCode} ${body}`)));
        return;
      }
      let markSettled: () => void = () => undefined;
      const settled = new Promise<void>((r) => (markSettled = r));
      const sub: Subscriber = { instance, settled, endedEarly: false, close: () => req.destroy() };
      let buffer = "";
      let connected = false;
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        const at = performance.now();
        if (!connected) {
          connected = true;
          resolve(sub);
        }
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.includes("event: presence")) markSettled();
          if (!block.includes("event: change")) continue;
          const data = block.split("\n").find((line) => line.startsWith("data:"));
          if (!data) continue;
          const { itemId } = JSON.parse(data.slice(5)) as { itemId: string };
          let seen = arrivals.get(itemId);
          if (!seen) arrivals.set(itemId, (seen = new Map()));
          if (!seen.has(index)) seen.set(index, at);
        }
      });
      const ended = () => {
        if (running) sub.endedEarly = true;
      };
      res.on("end", ended);
      res.on("error", ended);
    });
    req.on("error", (e) => reject(new Error(`subscriber ${index}: ${e.message}`)));
  });
}

// ---- the run ----

async function postAnnotation(instance: Instance, token: string, reportId: string, passageId: string, label: string): Promise<string> {
  const res = await fetch(`${instance.baseUrl}/api/v1/reports/${reportId}/annotations`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ passageId, start: 0, end: 3, body: label }),
  });
  const body = (await res.json()) as { id?: string };
  if (res.status !== 201 || !body.id) throw new Error(`${label} through ${instance.name}: ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}

interface Sent {
  sentAt: number;
  itemId: string;
  /** The instance the POST went to. */
  via: number;
  postMs: number;
}

/** `count` annotations, one every SPACING_MS whatever the previous POST is doing, alternately through each instance. */
async function sendEvents(
  instances: Instance[],
  count: number,
  token: string,
  reportId: string,
  passageId: string,
  label: string,
): Promise<Sent[]> {
  const sends: Sent[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: count }, async (_, n) => {
      await sleep(Math.max(0, t0 + n * SPACING_MS - performance.now()));
      const via = n % instances.length;
      const sentAt = performance.now();
      const itemId = await postAnnotation(instances[via], token, reportId, passageId, `${label} ${n + 1}`);
      sends.push({ sentAt, itemId, via, postMs: performance.now() - sentAt });
    }),
  );
  return sends;
}

async function run() {
  const started = performance.now();
  const loadAtStart = os.loadavg()[0];
  await ensureBuild();

  const database = await startTempDatabase();

  const env = { ...process.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: randomBytes(32).toString("base64url") };
  const instances = await Promise.all(["A", "B"].map((name) => startInstance(name, env)));
  for (const i of instances) log(`Instance ${i.name} on ${i.baseUrl} (process group ${i.pgid})`);

  // The data, made through the API as a script would (the helpers the integration tests use).
  process.env.MARGINALIA_TEST_BASE_URL = instances[0].baseUrl;
  log(`Creating ${USERS} users, a workspace and a report`);
  const users: TestUser[] = [];
  for (let i = 0; i < USERS; i += 5)
    users.push(...(await Promise.all(Array.from({ length: Math.min(5, USERS - i) }, (_, k) => newUser(`Bench User ${i + k + 1}`)))));
  const owner = users[0];
  const ws = await newWorkspace(owner, "Live benchmark");
  for (const member of users.slice(1)) await addMember(owner, ws.id, member, "viewer");
  const report = await newReport(owner, ws.id);
  const passageId = report.passages[0].id;

  // Warm-up: load the stream and annotation routes on both instances before anything is measured.
  // (The first few POSTs on a fresh instance are slow: code still compiling, pools filling.)
  await sendEvents(instances, 10, owner.token, report.id, passageId, "Warm-up");
  for (const [k, instance] of instances.entries()) {
    const warm = await openSubscriber(-1 - k, k, `${instance.baseUrl}/api/v1/reports/${report.id}/events`, owner.token, new http.Agent());
    warm.close();
  }
  // The POST alone, with nobody listening: what the latency below would be if streams cost nothing.
  const baseline = await sendEvents(instances, Math.min(EVENTS, 10), owner.token, report.id, passageId, "Baseline");
  arrivals.clear();
  const cpuBefore = await idleCpuPercent(instances, 2_000);
  const rssBefore = await Promise.all(instances.map((i) => sampleRssKb(i.pgid)));

  // Subscriber i: instance i % 2, user ⌊i / 2⌋ mod USERS, so each user holds ≤ 5 streams per instance.
  log(`Opening ${SUBSCRIBERS} subscribers (${SUBSCRIBERS / INSTANCES} per instance, ${USERS} users)`);
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const opening = performance.now();
  const subscribers = await Promise.all(
    Array.from({ length: SUBSCRIBERS }, (_, i) => {
      const instance = i % INSTANCES;
      const user = users[Math.floor(i / INSTANCES) % USERS];
      return openSubscriber(i, instance, `${instances[instance].baseUrl}/api/v1/reports/${report.id}/events`, user.token, agent);
    }),
  );
  cleanups.push(async () => subscribers.forEach((s) => s.close()));
  const connectMs = performance.now() - opening;
  // The first chunk comes before the stream's own setup queries: let those finish before "idle" starts.
  await Promise.race([Promise.all(subscribers.map((s) => s.settled)), sleep(10_000)]);
  log(`All connected in ${Math.round(connectMs)} ms; idle ${IDLE_MS / 1000} s before measuring memory`);
  const cpuAfter = await idleCpuPercent(instances, IDLE_MS);
  const rssAfter = await Promise.all(instances.map((i) => sampleRssKb(i.pgid)));
  const perInstance = instances.map((_, k) => subscribers.filter((s) => s.instance === k).length);

  log(`Sending ${EVENTS} events, one every ${SPACING_MS} ms, alternately through A and B`);
  const loadBefore = os.loadavg()[0];
  // A late arrival could be this process reading late: watch its own event loop meanwhile.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const sends = await sendEvents(instances, EVENTS, owner.token, report.id, passageId, "Event");
  const complete = () => sends.every((s) => (arrivals.get(s.itemId)?.size ?? 0) >= SUBSCRIBERS);
  const lastSent = Math.max(...sends.map((s) => s.sentAt));
  while (!complete() && performance.now() < lastSent + LOST_AFTER_MS) await sleep(50);
  running = false;
  loopDelay.disable();

  const latencies: number[] = [];
  // Delivered by the instance that took the POST, or by the other one (after Postgres told it).
  const byPath = { same: [] as number[], cross: [] as number[] };
  // Arrival minus the POST's response: the fan-out alone (below 0 when the event beat the response).
  const afterResponse: number[] = [];
  let lost = 0;
  const lostByInstance = [0, 0];
  for (const s of sends) {
    const seen = arrivals.get(s.itemId) ?? new Map<number, number>();
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const at = seen.get(i);
      if (at === undefined || at - s.sentAt > LOST_AFTER_MS) {
        lost++;
        lostByInstance[i % INSTANCES]++;
      } else {
        latencies.push(at - s.sentAt);
        byPath[i % INSTANCES === s.via ? "same" : "cross"].push(at - s.sentAt);
        afterResponse.push(at - s.sentAt - s.postMs);
      }
    }
  }
  for (const list of [latencies, byPath.same, byPath.cross, afterResponse]) list.sort((a, b) => a - b);
  const summary = (sorted: number[]) => ({
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
  });

  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    machine: {
      cores: cpus.length,
      cpu: cpus[0]?.model.trim() ?? "unknown",
      totalMemoryGb: round(os.totalmem() / 1024 ** 3),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      // Anything else running shares the cores: read the latencies with this in mind.
      loadAverage1m: { atStart: round(loadAtStart, 2), whenSending: round(loadBefore, 2) },
    },
    subscribers: SUBSCRIBERS,
    instances: INSTANCES,
    users: USERS,
    events: EVENTS,
    spacingMs: SPACING_MS,
    connectAllMs: Math.round(connectMs),
    deliveries: latencies.length,
    expectedDeliveries: EVENTS * SUBSCRIBERS,
    lost,
    streamsEndedEarly: subscribers.filter((s) => s.endedEarly).length,
    latencyMs: summary(latencies),
    latencySameInstanceMs: summary(byPath.same),
    latencyOtherInstanceMs: summary(byPath.cross),
    // For reading the latency: how much of it is the POST's own round trip.
    postMs: summary(sends.map((s) => s.postMs).sort((a, b) => a - b)),
    postWithoutSubscribersMs: summary(baseline.map((s) => s.postMs).sort((a, b) => a - b)),
    arrivalAfterPostResponseMs: summary(afterResponse),
    benchEventLoopDelayMs: { p99: round(loopDelay.percentile(99) / 1e6), max: round(loopDelay.max / 1e6) },
    memory: instances.map((instance, k) => ({
      instance: instance.name,
      connections: perInstance[k],
      rssBeforeMb: round(rssBefore[k] / 1024),
      rssAfterMb: round(rssAfter[k] / 1024),
      perConnectionKb: round((rssAfter[k] - rssBefore[k]) / perInstance[k]),
      idleCpuPercentBefore: cpuBefore[k],
      idleCpuPercentAfter: cpuAfter[k],
      lost: lostByInstance[k],
    })),
    durationS: round((performance.now() - started) / 1000),
  };
}

type Result = Awaited<ReturnType<typeof run>>;

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const result = await run();
  printTable(result);
  const out = path.join(process.cwd(), "bench", "results", "live-latest.json");
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify(result, null, 2) + "\n");
  console.log(`\nWritten to ${path.relative(process.cwd(), out)}`);
}

type Latency = { p50: number; p95: number; p99: number; max: number };
const showLatency = (l: Latency) => `${l.p50} / ${l.p95} / ${l.p99} / ${l.max} ms`;

function printTable(r: Result): void {
  const rows: [string, string][] = [
    ["Date", r.date],
    [
      "Machine",
      `${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.totalMemoryGb} GB, Node ${r.machine.node}, ${r.machine.platform}`,
    ],
    ["Load average (1 min)", `${r.machine.loadAverage1m.atStart} at start, ${r.machine.loadAverage1m.whenSending} when sending`],
    ["Subscribers", `${r.subscribers} (${r.users} users)`],
    ["Instances", String(r.instances)],
    ["Events", String(r.events)],
    ["Connect all", `${r.connectAllMs} ms`],
    ["Deliveries", `${r.deliveries} of ${r.expectedDeliveries}`],
    ["Lost (none within 10 s)", String(r.lost)],
    ["Streams ended early", String(r.streamsEndedEarly)],
    ["Latency p50 / p95 / p99 / max", showLatency(r.latencyMs)],
    ["  on the instance posted to", showLatency(r.latencySameInstanceMs)],
    ["  on the other instance", showLatency(r.latencyOtherInstanceMs)],
    ["POST round trip, during the run", showLatency(r.postMs)],
    ["POST round trip, no subscribers", showLatency(r.postWithoutSubscribersMs)],
    ["Arrival after the POST's response", showLatency(r.arrivalAfterPostResponseMs)],
    ["This process's event-loop delay", `p99 ${r.benchEventLoopDelayMs.p99} ms, max ${r.benchEventLoopDelayMs.max} ms`],
    ...r.memory.map((m): [string, string] => [
      `Instance ${m.instance} RSS before → after`,
      `${m.rssBeforeMb} → ${m.rssAfterMb} MB, ${m.connections} connections: ${m.perConnectionKb} KB per connection`,
    ]),
    ...r.memory.map((m): [string, string] => [
      `Instance ${m.instance} CPU when idle`,
      `${m.idleCpuPercentBefore} % of a core → ${m.idleCpuPercentAfter} % with its streams open`,
    ]),
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log("\nLive event delivery (send → arrival, the POST included)\n");
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
}

main().then(
  () => cleanup().then(() => process.exit(0)),
  (e) => {
    console.error(`\n✖ ${e instanceof Error ? e.message : e}`);
    return cleanup().then(() => process.exit(1));
  },
);
