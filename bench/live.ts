/**
 * `npm run bench:live`: a benchmark (not a test) of live event delivery.
 * Two instances of the production server share a fresh embedded
 * PostgreSQL; subscribers (LiveClient, which reconnects as a browser's
 * EventSource does) hold the report's SSE stream open on both, and
 * annotations are created through either instance. Reports how long an event
 * takes from "POST sent" to "arrived at a subscriber" (the POST itself
 * included, as a user sees it), whether every subscriber got every event once
 * and in order, how often streams ended and were resumed, and what the open
 * streams cost each instance in memory and CPU.
 *
 *   npm run bench:live                       200 subscribers, 50 events
 *   npm run bench:live -- --small            20 subscribers, 10 events (well under a minute)
 *   npm run bench:live -- --events 100 --subscribers 400
 *   npm run bench:live -- --slow-readers 4   4 of the subscribers stop reading as the events start, and resume later
 *   npm run bench:live -- --buffer-kb 8      the servers' unread allowance per stream (MARGINALIA_LIVE_BUFFER_KB, else 512)
 *   npm run bench:live -- --soak 600         then keeps every stream open 600 s more, one event every 2 s, RSS every 30 s
 *   npm run bench:live -- --instances 1      one instance alone (its streams and posts all on it)
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
import { freePort } from "../lib/runtime/free-port";
import { LiveClient } from "../lib/testing/live-client";
import { endedByReason, endedSince, slope, streamsEnded, tally, type Sent } from "./live-tally";
import {
  cleanup,
  cleanups,
  collectGarbage,
  cpuMeter,
  ensureBuild,
  log,
  medianRssKb,
  percentile,
  round,
  startAppServer,
  startTempDatabase,
} from "./support";

const args = process.argv.slice(2);
const OPTIONS = ["--small", "--subscribers", "--events", "--slow-readers", "--buffer-kb", "--soak", "--instances"];
for (const arg of args)
  if (arg.startsWith("--") && !OPTIONS.includes(arg)) throw new Error(`Unknown option ${arg} (known: ${OPTIONS.join(" ")})`);
function numberArg(name: string, fallback: number, least = 1): number {
  const at = args.indexOf(name);
  if (at === -1) return fallback;
  const n = Number(args[at + 1]);
  if (!Number.isInteger(n) || n < least) throw new Error(`${name} needs a whole number of at least ${least}`);
  return n;
}
const small = args.includes("--small");
const SUBSCRIBERS = numberArg("--subscribers", small ? 20 : 200);
const EVENTS = numberArg("--events", small ? 10 : 50);
const SLOW_READERS = Math.min(SUBSCRIBERS, numberArg("--slow-readers", 0, 0));
/** The servers' allowance of unread bytes per stream, in KB; null leaves their default (512). */
const BUFFER_KB = args.includes("--buffer-kb") ? numberArg("--buffer-kb", 512) : null;
const SOAK_S = numberArg("--soak", 0, 0);
/** The server allows 12 streams per user per instance; 10 per user (5 on each of two, or 10 on one) stays under it. */
const USERS = Math.max(2, Math.ceil(SUBSCRIBERS / 10));
const SPACING_MS = 100;
const LOST_AFTER_MS = 10_000;
const IDLE_MS = 5_000;
/** Two instances behind one database (A and B), or one alone (`--instances 1`). */
const INSTANCES = Math.min(2, numberArg("--instances", 2));
/** A slow reader stops reading as the events start and reads again after this long: half the sending, at least 3 s. */
const SLOW_PAUSE_MS = Math.max(3_000, (EVENTS * SPACING_MS) / 2);
/** Streams each instance opens and closes before memory is first read, so that neither pays first use in the figures. */
const WARM_STREAMS = Math.min(25, Math.ceil(SUBSCRIBERS / INSTANCES / 4));
const SOAK_SPACING_MS = 2_000;
const SOAK_SAMPLE_MS = 30_000;

interface Instance {
  name: string;
  baseUrl: string;
  pgid: number;
  /** Its inspector's port, for a garbage collection before each memory reading. */
  inspectPort: number;
}

async function startInstance(name: string, env: NodeJS.ProcessEnv): Promise<Instance> {
  const inspectPort = await freePort();
  return { name, inspectPort, ...(await startAppServer(`instance ${name}`, env, { inspectPort })) };
}

/** Share of one core each instance uses over `ms` of doing nothing asked by us. */
async function idleCpuPercent(instances: Instance[], ms: number): Promise<number[]> {
  const meter = cpuMeter(instances.map((i) => i.pgid));
  await sleep(ms);
  return meter();
}

const rssKb = (instances: Instance[], count?: number) => Promise.all(instances.map((i) => medianRssKb(i.pgid, count)));

/**
 * Each instance's RSS just after a full garbage collection (the median of a few readings): without it, a
 * reading holds whatever garbage the last busy spell left, tens of MB that V8 gives back when it pleases.
 */
async function rssAfterGcKb(instances: Instance[], count?: number): Promise<number[]> {
  await Promise.all(instances.map((i) => collectGarbage(i.inspectPort)));
  await sleep(500);
  return rssKb(instances, count);
}

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

interface Target {
  instances: Instance[];
  token: string;
  reportId: string;
  passageId: string;
}

/** `count` annotations, one every `spacingMs` whatever the previous POST is doing, alternately through each instance. */
async function sendEvents(to: Target, count: number, label: string, spacingMs = SPACING_MS): Promise<Sent[]> {
  const sends: Sent[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: count }, async (_, n) => {
      await sleep(Math.max(0, t0 + n * spacingMs - performance.now()));
      const via = n % to.instances.length;
      const sentAt = performance.now();
      const itemId = await postAnnotation(to.instances[via], to.token, to.reportId, to.passageId, `${label} ${n + 1}`);
      sends.push({ sentAt, itemId, via, postMs: performance.now() - sentAt });
    }),
  );
  return sends;
}

// ---- subscribers: a LiveClient each, read in this process ----

interface Subscriber {
  instance: number;
  slow: boolean;
  client: LiveClient;
  /** Every annotation it has received, for knowing when all have arrived. */
  seen: Set<string>;
}

/** Whether every subscriber has every one of `sends`. */
const allArrived = (subscribers: Subscriber[], sends: Sent[]) => subscribers.every((s) => sends.every((e) => s.seen.has(e.itemId)));

/** Waits until every subscriber has every one of `sends`, or until `deadline` (a performance.now() time). */
async function arrivals(subscribers: Subscriber[], sends: Sent[], deadline: number): Promise<void> {
  while (!allArrived(subscribers, sends) && performance.now() < deadline) await sleep(50);
}

/** The slow readers: `count` of the subscribers, as evenly spread over each instance's as they go. */
function slowIndexes(count: number): Set<number> {
  const picked = new Set<number>();
  for (let k = 0; k < count; k++) {
    const instance = k % INSTANCES;
    const onIt = Math.ceil((SUBSCRIBERS - instance) / INSTANCES);
    const ofIt = Math.ceil((count - instance) / INSTANCES);
    picked.add(instance + INSTANCES * Math.floor((Math.floor(k / INSTANCES) * onIt) / ofIt));
  }
  return picked;
}

const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
const summary = (sorted: number[]) => ({
  p50: round(percentile(sorted, 50)),
  p95: round(percentile(sorted, 95)),
  p99: round(percentile(sorted, 99)),
  max: round(sorted[sorted.length - 1] ?? NaN),
});

// ---- the run ----

async function run() {
  const started = performance.now();
  const loadAtStart = os.loadavg()[0];
  await ensureBuild();

  const database = await startTempDatabase();

  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: randomBytes(32).toString("base64url") };
  if (BUFFER_KB !== null) env.MARGINALIA_LIVE_BUFFER_KB = String(BUFFER_KB);
  const instances = await Promise.all(["A", "B"].slice(0, INSTANCES).map((name) => startInstance(name, env)));
  for (const i of instances) log(`Instance ${i.name} on ${i.baseUrl} (process group ${i.pgid})`);

  // The data, made through the API as a script would (the helpers the integration tests use), in turn
  // through each instance: both serve the same setup, so neither's memory holds more of it.
  const through = (k: number) => (process.env.MARGINALIA_TEST_BASE_URL = instances[k % INSTANCES].baseUrl);
  log(`Creating ${USERS} users, a workspace and a report`);
  const users: TestUser[] = [];
  for (let i = 0; i < USERS; i += 5) {
    through(i / 5);
    users.push(...(await Promise.all(Array.from({ length: Math.min(5, USERS - i) }, (_, k) => newUser(`Bench User ${i + k + 1}`)))));
  }
  through(0);
  const owner = users[0];
  const ws = await newWorkspace(owner, "Live benchmark");
  for (const [k, member] of users.slice(1).entries()) {
    through(k);
    await addMember(owner, ws.id, member, "viewer");
  }
  through(0);
  const report = await newReport(owner, ws.id);
  const target: Target = { instances, token: owner.token, reportId: report.id, passageId: report.passages[0].id };

  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const opened: Subscriber[] = [];
  cleanups.push(async () => opened.forEach((s) => s.client.close()));
  // Subscriber i: instance i % INSTANCES, user ⌊i / INSTANCES⌋ mod USERS, so each user holds ≤ 10 streams on an instance.
  const subscriber = (i: number, slow: boolean): Subscriber => {
    const instance = i % INSTANCES;
    const seen = new Set<string>();
    const client = new LiveClient({
      url: `${instances[instance].baseUrl}/api/v1/reports/${report.id}/events`,
      token: users[Math.floor(i / INSTANCES) % USERS].token,
      agent,
      onChange: (change) => seen.add(change.itemId),
    });
    const s = { instance, slow, client, seen };
    opened.push(s);
    return s;
  };
  /** Opens them all, and waits for each stream's setup (its first presence event, after its setup queries). */
  const openAll = async (subscribers: Subscriber[]) => {
    await Promise.all(subscribers.map((s) => s.client.open()));
    const connected = performance.now();
    await Promise.race([Promise.all(subscribers.map((s) => s.client.settled())), sleep(10_000)]);
    return connected;
  };

  // Warm-up, alike on both instances, before anything is measured: the annotation route, then a few
  // streams that see a few events and close. (The first requests on a fresh instance are slow: code
  // still compiling, pools filling; and the heap grows on first use, which is no stream's cost.)
  await sendEvents(target, 10, "Warm-up");
  const warm = Array.from({ length: WARM_STREAMS * INSTANCES }, (_, i) => subscriber(i, false));
  await openAll(warm);
  const warmSends = await sendEvents(target, 6, "Warm-up with streams");
  await arrivals(warm, warmSends, performance.now() + LOST_AFTER_MS);
  warm.forEach((s) => s.client.close());
  await sleep(1_000);
  // The POST alone, with nobody listening: what the latency below would be if streams cost nothing.
  const baseline = await sendEvents(target, Math.min(EVENTS, 10), "Baseline");
  const cpuBefore = await idleCpuPercent(instances, IDLE_MS);
  const rssBefore = await rssAfterGcKb(instances);

  const slowOnes = slowIndexes(SLOW_READERS);
  log(
    `Opening ${SUBSCRIBERS} subscribers (${SUBSCRIBERS / INSTANCES} per instance, ${USERS} users` +
      (SLOW_READERS ? `, ${SLOW_READERS} slow readers)` : ")"),
  );
  const opening = performance.now();
  const subscribers = Array.from({ length: SUBSCRIBERS }, (_, i) => subscriber(i, slowOnes.has(i)));
  const connectMs = (await openAll(subscribers)) - opening;
  log(`All connected in ${Math.round(connectMs)} ms; idle ${IDLE_MS / 1000} s before measuring memory`);
  const cpuAfter = await idleCpuPercent(instances, IDLE_MS);
  const rssAfter = await rssAfterGcKb(instances);
  const perInstance = instances.map((_, k) => subscribers.filter((s) => s.instance === k).length);

  log(`Sending ${EVENTS} events, one every ${SPACING_MS} ms, alternately through A and B`);
  const loadBefore = os.loadavg()[0];
  const slow = subscribers.filter((s) => s.slow);
  // Slow readers: they stop reading as the events start, and read again later (their events pile up in the sockets, then in the server).
  slow.forEach((s) => s.client.pause());
  const resumed = slow.length ? sleep(SLOW_PAUSE_MS).then(() => slow.forEach((s) => s.client.resume())) : Promise.resolve();
  const sendingStart = performance.now();
  const sendingCpu = cpuMeter(instances.map((i) => i.pgid));
  // A late arrival could be this process reading late: watch its own event loop meanwhile.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const sends = await sendEvents(target, EVENTS, "Event");
  const lastSent = Math.max(...sends.map((s) => s.sentAt));
  const readable = slow.length ? Math.max(lastSent, sendingStart + SLOW_PAUSE_MS) : lastSent;
  await arrivals(subscribers, sends, readable + LOST_AFTER_MS);
  const sendingCpuPercent = sendingCpu();
  const sendingS = (performance.now() - sendingStart) / 1000;
  loopDelay.disable();
  await resumed;
  // What the measured run saw end; the soak's and the bench's own closing come after.
  const ended = endedByReason(subscribers.map((s) => s.client));
  const reconnects = sum(subscribers.map((s) => s.client.reconnects));
  const got = tally(
    subscribers.map((s) => ({ ...s, changes: s.client.changes, connectedAt: s.client.connectedAt })),
    sends,
    INSTANCES,
    LOST_AFTER_MS,
  );

  const soakResult = SOAK_S ? await soak(instances, target, subscribers, ended, reconnects) : null;

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
    slowReaders: SLOW_READERS,
    slowPauseMs: SLOW_READERS ? SLOW_PAUSE_MS : null,
    bufferKb: BUFFER_KB,
    instances: INSTANCES,
    users: USERS,
    events: EVENTS,
    spacingMs: SPACING_MS,
    connectAllMs: Math.round(connectMs),
    deliveries: got.delivered,
    expectedDeliveries: EVENTS * SUBSCRIBERS,
    lost: got.lost,
    duplicates: got.duplicates,
    outOfOrder: got.outOfOrder,
    reconnects,
    replayed: got.replayed,
    streamsEndedByServer: streamsEnded(ended),
    streamsEndedByReason: ended,
    latencyMs: summary(got.latency),
    latencySameInstanceMs: summary(got.sameInstance),
    latencyOtherInstanceMs: summary(got.otherInstance),
    slowReaderLatencyMs: SLOW_READERS ? summary(got.slowLatency) : null,
    // For reading the latency: how much of it is the POST's own round trip.
    postMs: summary(sends.map((s) => s.postMs).sort((a, b) => a - b)),
    postWithoutSubscribersMs: summary(baseline.map((s) => s.postMs).sort((a, b) => a - b)),
    arrivalAfterPostResponseMs: summary(got.afterResponse),
    benchEventLoopDelayMs: { p99: round(loopDelay.percentile(99) / 1e6), max: round(loopDelay.max / 1e6) },
    sendingS: round(sendingS),
    memory: instances.map((instance, k) => ({
      instance: instance.name,
      connections: perInstance[k],
      rssBeforeMb: round(rssBefore[k] / 1024),
      rssAfterMb: round(rssAfter[k] / 1024),
      perConnectionKb: round((rssAfter[k] - rssBefore[k]) / perInstance[k]),
      idleCpuPercentBefore: cpuBefore[k],
      idleCpuPercentAfter: cpuAfter[k],
      sendingCpuPercent: sendingCpuPercent[k],
      lost: got.lostByInstance[k],
    })),
    soak: soakResult,
    durationS: round((performance.now() - started) / 1000),
  };
}

/**
 * The streams stay open SOAK_S seconds more while an event comes every SOAK_SPACING_MS, alternately through
 * each instance; each instance's RSS (and CPU since the last sample) is read every SOAK_SAMPLE_MS.
 * Memory should stay flat.
 */
async function soak(
  instances: Instance[],
  target: Target,
  subscribers: Subscriber[],
  endedBefore: Record<string, number>,
  reconnectsBefore: number,
) {
  log(`Soak: ${SOAK_S} s with every stream open, one event every ${SOAK_SPACING_MS / 1000} s, RSS every ${SOAK_SAMPLE_MS / 1000} s`);
  const cpu = cpuMeter(instances.map((i) => i.pgid));
  const t0 = performance.now();
  const samples: { atS: number; rssMb: number[]; cpuPercent: number[] | null }[] = [];
  const sampling = (async () => {
    for (let n = 0; n * SOAK_SAMPLE_MS <= SOAK_S * 1000; n++) {
      await sleep(Math.max(0, t0 + n * SOAK_SAMPLE_MS - performance.now()));
      const atS = round((performance.now() - t0) / 1000);
      const rss = await rssAfterGcKb(instances, 3);
      const cpuPercent = cpu();
      samples.push({ atS, rssMb: rss.map((kb) => round(kb / 1024)), cpuPercent: n ? cpuPercent : null });
      log(`  ${atS} s: RSS ${instances.map((i, k) => `${i.name} ${round(rss[k] / 1024)} MB`).join(", ")}`);
    }
  })();
  const sends = await sendEvents(target, Math.floor((SOAK_S * 1000) / SOAK_SPACING_MS), "Soak", SOAK_SPACING_MS);
  await sampling;
  await arrivals(subscribers, sends, Math.max(...sends.map((s) => s.sentAt), 0) + LOST_AFTER_MS);
  const ended = endedSince(endedByReason(subscribers.map((s) => s.client)), endedBefore);
  const got = tally(
    subscribers.map((s) => ({ ...s, changes: s.client.changes, connectedAt: s.client.connectedAt })),
    sends,
    INSTANCES,
    LOST_AFTER_MS,
  );
  const [first, last] = [samples[0], samples[samples.length - 1]];
  const secondHalf = samples.filter((s) => s.atS >= SOAK_S / 2);
  return {
    seconds: SOAK_S,
    spacingMs: SOAK_SPACING_MS,
    events: sends.length,
    samples,
    perInstance: instances.map((instance, k) => {
      const mbPerMinute = slope(secondHalf.map((s) => ({ x: s.atS / 60, y: s.rssMb[k] })));
      return {
        instance: instance.name,
        rssChangeMb: round(last.rssMb[k] - first.rssMb[k]),
        secondHalfMbPerMinute: mbPerMinute === null ? null : round(mbPerMinute, 3),
      };
    }),
    deliveries: got.delivered,
    expectedDeliveries: sends.length * subscribers.length,
    lost: got.lost,
    duplicates: got.duplicates,
    outOfOrder: got.outOfOrder,
    reconnects: sum(subscribers.map((s) => s.client.reconnects)) - reconnectsBefore,
    replayed: got.replayed,
    streamsEndedByServer: streamsEnded(ended),
    streamsEndedByReason: ended,
    latencyMs: summary(got.latency),
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
const showReasons = (byReason: Record<string, number>) =>
  Object.entries(byReason)
    .map(([reason, n]) => `${reason} ${n}`)
    .join(", ") || "none";

function printTable(r: Result): void {
  const rows: [string, string][] = [
    ["Date", r.date],
    [
      "Machine",
      `${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.totalMemoryGb} GB, Node ${r.machine.node}, ${r.machine.platform}`,
    ],
    ["Load average (1 min)", `${r.machine.loadAverage1m.atStart} at start, ${r.machine.loadAverage1m.whenSending} when sending`],
    [
      "Subscribers",
      `${r.subscribers} (${r.users} users)` +
        (r.slowReaders ? `, ${r.slowReaders} of them slow readers (paused ${r.slowPauseMs! / 1000} s as the events start)` : ""),
    ],
    ["Unread allowance per stream", r.bufferKb === null ? "512 KB (the servers' default)" : `${r.bufferKb} KB (MARGINALIA_LIVE_BUFFER_KB)`],
    ["Instances", String(r.instances)],
    ["Events", String(r.events)],
    ["Connect all", `${r.connectAllMs} ms`],
    ["Deliveries", `${r.deliveries} of ${r.expectedDeliveries}`],
    ["Lost (none within 10 s)", String(r.lost)],
    ["Duplicates / out of order", `${r.duplicates} / ${r.outOfOrder}`],
    ["Streams ended by the server", `${r.streamsEndedByServer} (${showReasons(r.streamsEndedByReason)})`],
    ["Reconnects / replayed events", `${r.reconnects} / ${r.replayed}`],
    ["Latency p50 / p95 / p99 / max", showLatency(r.latencyMs)],
    ...(r.instances > 1
      ? [
          ["  on the instance posted to", showLatency(r.latencySameInstanceMs)] as [string, string],
          ["  on the other instance", showLatency(r.latencyOtherInstanceMs)] as [string, string],
        ]
      : []),
    ...(r.slowReaderLatencyMs ? [["  slow readers (pause included)", showLatency(r.slowReaderLatencyMs)] as [string, string]] : []),
    ["POST round trip, during the run", showLatency(r.postMs)],
    ["POST round trip, no subscribers", showLatency(r.postWithoutSubscribersMs)],
    ["Arrival after the POST's response", showLatency(r.arrivalAfterPostResponseMs)],
    ["This process's event-loop delay", `p99 ${r.benchEventLoopDelayMs.p99} ms, max ${r.benchEventLoopDelayMs.max} ms`],
    ...r.memory.map((m): [string, string] => [
      `Instance ${m.instance} RSS before → after`,
      `${m.rssBeforeMb} → ${m.rssAfterMb} MB, ${m.connections} connections: ${m.perConnectionKb} KB per connection`,
    ]),
    ...r.memory.map((m): [string, string] => [
      `Instance ${m.instance} CPU`,
      `idle ${m.idleCpuPercentBefore} % of a core → ${m.idleCpuPercentAfter} % with its streams open; ${m.sendingCpuPercent} % while sending (${r.sendingS} s)`,
    ]),
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log("\nLive event delivery (send → arrival, the POST included)\n");
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  if (r.soak) printSoak(r.soak);
}

function printSoak(s: NonNullable<Result["soak"]>): void {
  console.log(`\nSoak: ${s.seconds} s with every stream open, an event every ${s.spacingMs / 1000} s (${s.events} events)\n`);
  const names = s.perInstance.map((p) => p.instance);
  console.log(
    `  ${"time".padStart(6)}  ${names.map((n) => `RSS ${n}`.padStart(10)).join("")}  ${names.map((n) => `CPU ${n}`.padStart(8)).join("")}`,
  );
  for (const sample of s.samples)
    console.log(
      `  ${`${sample.atS} s`.padStart(6)}  ${sample.rssMb.map((mb) => `${mb} MB`.padStart(10)).join("")}  ` +
        (sample.cpuPercent ?? names.map(() => null)).map((c) => (c === null ? "" : `${c} %`).padStart(8)).join(""),
    );
  const rows: [string, string][] = [
    ...s.perInstance.map((p): [string, string] => [
      `Instance ${p.instance} RSS`,
      `${p.rssChangeMb >= 0 ? "+" : ""}${p.rssChangeMb} MB first → last sample; ` +
        (p.secondHalfMbPerMinute === null
          ? "too few samples for a slope"
          : `${p.secondHalfMbPerMinute} MB per minute over the second half`),
    ]),
    ["Deliveries", `${s.deliveries} of ${s.expectedDeliveries}`],
    ["Lost / duplicates / out of order", `${s.lost} / ${s.duplicates} / ${s.outOfOrder}`],
    ["Streams ended by the server", `${s.streamsEndedByServer} (${showReasons(s.streamsEndedByReason)})`],
    ["Reconnects / replayed events", `${s.reconnects} / ${s.replayed}`],
    ["Latency p50 / p95 / p99 / max", showLatency(s.latencyMs)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log("");
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
}

main().then(
  () => cleanup().then(() => process.exit(0)),
  (e) => {
    console.error(`\n✖ ${e instanceof Error ? e.message : e}`);
    return cleanup().then(() => process.exit(1));
  },
);
