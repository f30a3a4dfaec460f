/**
 * `npm run bench:email`: does an email burst slow the app down, and does batching hold? (issue 20:
 * 200 notifications to 20 users in one minute; the app's request latency p95 within 10 % of the same
 * minute without email; at most one message per person per thread per batching window.)
 *
 * A fresh embedded PostgreSQL in a temp directory, the production server (as `npm start` serves it),
 * and, in a process of their own (bench/email-worker.ts), the job queue (as `npm start` runs it beside
 * the app server, not inside it) and a real SMTP server. The same burst runs twice:
 *
 *   1. email off: the burst's writes alone (20 threads; each starts with an annotation mentioning 5
 *      of the 20 readers, and a reply mentioning the same 5 follows 15 s later: 200 mentions);
 *   2. email on: the same burst, while the outbox sweeps every 2 s (the schedule's minute, compressed)
 *      with a batching window of MARGINALIA_EMAIL_DELAY_SECONDS=30, until every message is sent;
 *   3. email off again: this machine's speed drifts over minutes, so the email run is set against
 *      the mean of the runs on either side of it.
 *
 * Throughout each, 4 readers load pages as people do (a report's annotations, their notifications),
 * one request at a time each, through their session cookies; their latency is the figure.
 *
 *   npm run bench:email                    the burst above
 *   npm run bench:email -- --quick         10 readers, 4 threads (a check that it runs)
 *
 * Writes the figures to bench/results/email-latest.json.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { fork } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { mentionMarkdown } from "../lib/markdown/mentions";
import { addMember, call, newReport, newUser, newWorkspace, type TestUser } from "../lib/testing/api";
import { query } from "../lib/testing/db";
import { cleanup, cleanups, ensureBuild, log, percentile, round, startAppServer, startTempDatabase } from "./support";

const quick = process.argv.includes("--quick");
const READERS = quick ? 10 : 20;
const THREADS = quick ? 4 : 20;
/** Each thread mentions this many readers, twice (the annotation, then a reply). */
const MENTIONED = 5;
const BURST_MS = 60_000;
const REPLY_AFTER_MS = 15_000;
const DELAY_SECONDS = 30;
const SWEEP_EVERY_MS = 2_000;
const LOAD_CLIENTS = 4;
/** Each run's measured window, from its burst's start: the burst, the batching delay, and time to send. */
const PHASE_MS = BURST_MS + (DELAY_SECONDS + 30) * 1000;

interface Mail {
  to: string;
  threads: string[];
  at: number;
}

async function run() {
  await ensureBuild();
  const database = await startTempDatabase();

  const mails: Mail[] = [];

  const secret = randomBytes(32).toString("base64url");
  const env = { ...process.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: secret };
  const app = await startAppServer("app", env);
  process.env.MARGINALIA_TEST_BASE_URL = app.baseUrl;
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET = secret;
  process.env.NEXTAUTH_URL = app.baseUrl;
  log(`App on ${app.baseUrl}; creating ${READERS} readers, a workspace and a report`);

  const owner = await newUser("Bench Owner");
  const readers: TestUser[] = [];
  for (let i = 0; i < READERS; i += 5)
    readers.push(...(await Promise.all(Array.from({ length: Math.min(5, READERS - i) }, (_, k) => newUser(`Reader ${i + k + 1}`)))));
  const ws = await newWorkspace(owner, "Email benchmark");
  for (const r of readers) await addMember(owner, ws.id, r, "annotator");
  const report = await newReport(owner, ws.id);

  /** Readers reading (their report's annotations, their notifications), one request at a time each, until `done()`. */
  async function load(done: () => boolean): Promise<number[]> {
    const durations: number[] = [];
    await Promise.all(
      Array.from({ length: LOAD_CLIENTS }, async (_, c) => {
        const who = readers[c];
        for (let i = 0; !done(); i++) {
          const url = i % 2 ? `/api/v1/notifications?limit=20` : `/api/v1/reports/${report.id}/annotations?limit=50`;
          const t = performance.now();
          const res = await call("GET", url, { as: { cookie: who.cookie } });
          durations.push(performance.now() - t);
          if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
        }
      }),
    );
    return durations.sort((a, b) => a - b);
  }

  /** The burst: THREADS threads over a minute, each an annotation mentioning MENTIONED readers and, 15 s later, a reply mentioning them again. */
  async function burst(label: string): Promise<{ threadIds: string[]; notifications: number }> {
    const t0 = performance.now();
    const threadIds: string[] = [];
    await Promise.all(
      Array.from({ length: THREADS }, async (_, n) => {
        await sleep(Math.max(0, t0 + (n * (BURST_MS - REPLY_AFTER_MS)) / THREADS - performance.now()));
        const who = Array.from({ length: MENTIONED }, (_, k) => readers[(n + k) % READERS]);
        const mentions = who.map((r) => mentionMarkdown(r.id, r.name)).join(", ");
        const passage = report.passages[n % report.passages.length];
        const created = await call("POST", `/api/v1/reports/${report.id}/annotations`, {
          as: owner,
          json: {
            passageId: passage.id,
            start: 0,
            end: Math.min(12, passage.text.length),
            kind: "comment",
            body: `${label} ${n}: ${mentions}?`,
          },
        });
        if (created.status !== 201) throw new Error(`annotation: ${created.status} ${JSON.stringify(created.body)}`);
        threadIds.push(created.body.id);
        await sleep(REPLY_AFTER_MS);
        const reply = await call("POST", `/api/v1/annotations/${created.body.id}/replies`, {
          as: owner,
          json: { body: `And again, ${mentions}` },
        });
        if (reply.status !== 201) throw new Error(`reply: ${reply.status}`);
      }),
    );
    return { threadIds, notifications: THREADS * MENTIONED * 2 };
  }

  const summary = (d: number[]) => ({
    n: d.length,
    p50: round(percentile(d, 50)),
    p95: round(percentile(d, 95)),
    max: round(d.at(-1) ?? 0),
  });

  // Warm-up: the routes compiled and the pools filled before anything is measured.
  let warm = false;
  const warming = load(() => warm);
  await sleep(5_000);
  warm = true;
  await warming;

  /**
   * Readers loading pages for PHASE_MS from the start of a burst: the same window in every run, so
   * each holds as much of the burst's own writes and of the quiet after it (the email run's sending
   * falls within it).
   */
  async function measuredBurst(label: string) {
    const started = performance.now();
    const loading = load(() => performance.now() - started >= PHASE_MS);
    const made = await burst(label);
    return { made, started, latency: summary(await loading) };
  }
  const quietRun = async (label: string) => (await measuredBurst(label)).latency;
  log("1. The burst with email off (no job queue): the app's latency");
  const quietBefore = await quietRun("Quiet");

  log(`2. The same burst with email on (delay ${DELAY_SECONDS} s, the outbox swept every ${SWEEP_EVERY_MS / 1000} s)`);
  // The first burst's notifications are not this run's to send.
  await query(`UPDATE notifications SET email_state = 'skipped' WHERE email_state = 'pending'`);
  process.env.MARGINALIA_EMAIL_DELAY_SECONDS = String(DELAY_SECONDS);
  const worker = fork(path.join(process.cwd(), "bench", "email-worker.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, BENCH_SWEEP_EVERY_MS: String(SWEEP_EVERY_MS) },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  cleanups.push(async () => {
    if (worker.exitCode === null) worker.kill("SIGKILL");
  });
  await new Promise<void>((resolve, reject) => {
    worker.on("message", (m) => {
      if (m === "ready") resolve();
      else if (m && typeof m === "object") mails.push({ ...(m as Omit<Mail, "at">), at: performance.now() });
    });
    worker.once("exit", (code) => reject(new Error(`the email worker exited (${code})`)));
  });
  const {
    made: { threadIds, notifications },
    started: burstStart,
    latency: loud,
  } = await measuredBurst("Loud");
  const expectedPairs = THREADS * MENTIONED;
  // Any message still to come (none should: the window is the burst, the delay and a margin).
  const deadline = performance.now() + 60_000;
  const delivered = () => new Set(mails.flatMap((m) => m.threads.filter((t) => threadIds.includes(t)).map((t) => `${m.to} ${t}`))).size;
  while (delivered() < expectedPairs && performance.now() < deadline) await sleep(500);
  await sleep(3_000);
  const lastMessageS = round(((mails.at(-1)?.at ?? burstStart) - burstStart) / 1000);
  worker.send("stop");
  await new Promise((resolve) => worker.once("exit", resolve));

  log("3. The burst with email off again");
  const quietAfter = await quietRun("Quiet again");
  const quietP95 = (quietBefore.p95 + quietAfter.p95) / 2;

  // Per person and thread: how many messages, against how many batching windows the thread's notifications spanned (15 s < 30 s: one).
  const perPair = new Map<string, number>();
  for (const m of mails)
    for (const t of m.threads.filter((x) => threadIds.includes(x))) perPair.set(`${m.to} ${t}`, (perPair.get(`${m.to} ${t}`) ?? 0) + 1);
  const messagesPerPair = [...perPair.values()];
  return {
    date: new Date().toISOString(),
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model.split(" ").slice(0, 2).join(" "),
      node: process.version,
      loadAverage: os.loadavg().map((n) => round(n, 2)),
    },
    burst: { readers: READERS, threads: THREADS, notifications, overSeconds: BURST_MS / 1000, delaySeconds: DELAY_SECONDS },
    latencyMs: { emailOffBefore: quietBefore, emailOn: loud, emailOffAfter: quietAfter, p95Ratio: round(loud.p95 / quietP95, 3) },
    email: {
      messages: mails.length,
      personThreadPairs: expectedPairs,
      delivered: delivered(),
      maxMessagesPerPersonThread: Math.max(0, ...messagesPerPair),
      lastMessageAfterBurstStartS: lastMessageS,
    },
  };
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const r = await run();
  const ok = (b: boolean) => (b ? "yes" : "NO");
  console.log(`
Email burst: ${r.burst.notifications} notifications to ${r.burst.readers} readers in ${r.burst.overSeconds} s (${r.burst.threads} threads), batching window ${r.burst.delaySeconds} s

  Figure                                         Value                        Goal                Met?
  Reader requests, email off: p50 / p95           ${r.latencyMs.emailOffBefore.p50} / ${r.latencyMs.emailOffBefore.p95} ms (n=${r.latencyMs.emailOffBefore.n})
  Reader requests, email on:  p50 / p95           ${r.latencyMs.emailOn.p50} / ${r.latencyMs.emailOn.p95} ms (n=${r.latencyMs.emailOn.n})
  Reader requests, email off again: p50 / p95     ${r.latencyMs.emailOffAfter.p50} / ${r.latencyMs.emailOffAfter.p95} ms (n=${r.latencyMs.emailOffAfter.n})
  p95 with email ÷ mean of the two without        ${r.latencyMs.p95Ratio}                        ≤ 1.10              ${ok(r.latencyMs.p95Ratio <= 1.1)}
  Messages sent                                   ${r.email.messages} for ${r.email.personThreadPairs} person-thread pairs
  Pairs that got their message                    ${r.email.delivered} of ${r.email.personThreadPairs}                 all                 ${ok(r.email.delivered === r.email.personThreadPairs)}
  Most messages for one person and thread         ${r.email.maxMessagesPerPersonThread}                            ≤ 1 per window      ${ok(r.email.maxMessagesPerPersonThread <= 1)}
  Last message, after the burst began             ${r.email.lastMessageAfterBurstStartS} s
`);
  const out = path.join(process.cwd(), "bench", "results", "email-latest.json");
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify(r, null, 2) + "\n");
  console.log(`Written to ${path.relative(process.cwd(), out)}`);
}

main()
  .catch((e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exitCode = 1;
  })
  .finally(() => cleanup().then(() => process.exit()));
