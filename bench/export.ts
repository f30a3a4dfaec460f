/**
 * `npm run bench:export`: how long the exports of the large report take and how
 * much memory they need (issue 7: Markdown ≤ 1 s, .docx ≤ 5 s, the server's
 * peak RSS ≤ 500 MB), measured in-process on the functions the routes call.
 *
 * A fresh embedded PostgreSQL in a temp directory gets the scale benchmark's
 * data set (bench/scale/data.ts). Then each format runs in a child process of
 * its own, so one format's heap does not weigh on the next one's figures: the
 * child calls `exportReport` (what GET /api/v1/reports/{id}/export calls), or
 * `exportWorkspace` for the workspace zip, and reads the whole body, `--runs`
 * times. Peak RSS is the child's VmHWM (the kernel's high-water mark, so no
 * short peak is missed), which includes its baseline (Node, tsx, Prisma);
 * the baseline before the first run is shown beside it.
 *
 *   npm run bench:export                              the full data set, every format, 5 runs each
 *   npm run bench:export -- --small                   a tiny data set (quick check)
 *   npm run bench:export -- --formats markdown,docx --runs 3
 *   npm run bench:export -- --out /tmp/exports        also write each format's last file there
 *   npm run bench:export -- --profile cpu             node --cpu-prof per child (or heap: --heap-prof), into bench/results/profiles
 *   npm run bench:export -- --keep                    leave the database running afterwards (Ctrl-C stops it), and print its URL
 *   npm run bench:export -- --database-url URL        use a database that already holds the data set (from --keep)
 *
 * Writes the figures to bench/results/export-latest.json as well.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";
import pg from "pg";
import { FULL, SMALL, loadDataSet } from "./scale/data";
import { cleanup, log, percentile, round, startTempDatabase } from "./support";

const FORMATS = ["markdown", "docx", "csv", "jsonld", "workspace"] as const;
type Format = (typeof FORMATS)[number];
const GOALS: Partial<Record<Format, number>> = { markdown: 1_000, docx: 5_000 };
const RSS_GOAL_MB = 500;

/** Ids the data set always has (bench/scale/data.ts makes them deterministically). */
const OWNER_ID = "bench-owner";
const WORKSPACE_ID = "bench-ws";
const LARGE_REPORT_ID = "bench-report-1";

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
const flag = (name: string) => process.argv.slice(2).includes(name);

interface ChildResult {
  format: Format;
  runsMs: number[];
  /** This process's CPU time (user + system) per run: steadier than the time taken when the machine is shared. The database's is not in it. */
  cpuMs: number[];
  bytes: number;
  sha256: string;
  baselineRssMb: number;
  peakRssMb: number;
  /** Sampled every 10 ms, so a peak inside one long synchronous stretch can be missed. */
  peakHeapMb: number;
}

// ---- the child: one format, measured ----

function vmKb(field: "VmRSS" | "VmHWM", status: string): number {
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
}

async function readAll(body: ReadableStream<Uint8Array> | Uint8Array | string, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  if (typeof body === "string") return onChunk(Buffer.from(body, "utf8"));
  if (body instanceof Uint8Array) return onChunk(body);
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    onChunk(value);
  }
}

async function child(format: Format, runs: number, out: string | undefined): Promise<void> {
  const { exportReport } = await import("../lib/server/export/export-report");
  const { exportWorkspace } = await import("../lib/server/export/workspace-export");
  const options = { includeReplies: true, includePrivate: false };
  const origin = "http://127.0.0.1:3000";
  const produce = async () => {
    if (format === "workspace") return (await exportWorkspace({ userId: OWNER_ID, workspaceId: WORKSPACE_ID, origin, options })).stream;
    return (await exportReport({ userId: OWNER_ID, reportId: LARGE_REPORT_ID, origin, filters: {}, options, format })).body;
  };
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const baseline = vmKb("VmRSS", await readFile("/proc/self/status", "utf8"));
  let peakHeap = 0;
  // v8's own figure: process.memoryUsage() also reads the RSS from /proc, too slow to call this often.
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size)), 10);
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  let bytes = 0;
  let sha256 = "";
  let last: Uint8Array[] = [];
  for (let i = 0; i < runs; i++) {
    gc?.();
    const hash = createHash("sha256");
    const keep: Uint8Array[] = [];
    let n = 0;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await readAll(await produce(), (chunk) => {
      n += chunk.length;
      hash.update(chunk);
      if (out && i === runs - 1) keep.push(chunk);
    });
    runsMs.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpuMs.push((cpu.user + cpu.system) / 1000);
    bytes = n;
    sha256 = hash.digest("hex");
    last = keep;
  }
  clearInterval(sampler);
  peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
  const status = await readFile("/proc/self/status", "utf8");
  if (out) {
    const extension = { markdown: "md", docx: "docx", csv: "csv", jsonld: "jsonld", workspace: "zip" }[format];
    await writeFile(path.join(out, `${format}.${extension}`), Buffer.concat(last));
  }
  const result: ChildResult = {
    format,
    runsMs: runsMs.map((ms) => round(ms)),
    cpuMs: cpuMs.map((ms) => round(ms)),
    bytes,
    sha256,
    baselineRssMb: round(baseline / 1024),
    peakRssMb: round(vmKb("VmHWM", status) / 1024),
    peakHeapMb: round(peakHeap / 1024 ** 2),
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

// ---- the parent: the database, the data set, one child per format ----

function runChild(
  format: Format,
  databaseUrl: string,
  runs: number,
  out: string | undefined,
  profile: string | undefined,
): Promise<ChildResult> {
  const nodeFlags = ["--expose-gc"];
  // One folder per child: the loader's worker thread writes a profile of its own beside the main thread's.
  const profiles = path.join(process.cwd(), "bench", "results", "profiles", `${format}-${Date.now()}`);
  if (profile === "cpu") nodeFlags.push("--cpu-prof", `--cpu-prof-dir=${profiles}`);
  if (profile === "heap") nodeFlags.push("--heap-prof", `--heap-prof-dir=${profiles}`);
  // Node itself with tsx as a loader: the `tsx` command would run the script in a second process, away from the flags.
  const args = [
    "--import",
    "tsx",
    "--import",
    "./lib/runtime/outside-next.mjs",
    ...nodeFlags,
    path.join("bench", "export.ts"),
    "--child",
    format,
    "--runs",
    String(runs),
    ...(out ? ["--out", out] : []),
  ];
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, {
      env: { ...process.env, DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: "10" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    proc.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    proc.on("error", reject);
    proc.on("exit", (code) => {
      const line = stdout.split("\n").find((l) => l.startsWith("RESULT "));
      if (code !== 0 || !line) return reject(new Error(`${format}: the child exited with code ${code}\n${stdout}`));
      resolve(JSON.parse(line.slice("RESULT ".length)) as ChildResult);
    });
  });
}

async function startDatabase(small: boolean): Promise<string> {
  const database = await startTempDatabase("marginalia-export-bench-");
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    log(`Loading the data set (${small ? "small" : "full"})`);
    const t0 = performance.now();
    const data = await loadDataSet(client, small ? SMALL : FULL);
    log(`Loaded in ${round((performance.now() - t0) / 1000)} s: ${JSON.stringify(data.counts)}`);
  } finally {
    await client.end();
  }
  return database.url;
}

async function parent() {
  const small = flag("--small");
  const runs = Number(option("--runs") ?? (small ? 2 : 5));
  const formats = (option("--formats")?.split(",") ?? [...FORMATS]) as Format[];
  for (const f of formats) if (!FORMATS.includes(f)) throw new Error(`unknown format ${f}; one of ${FORMATS.join(", ")}`);
  const out = option("--out") ? path.resolve(option("--out")!) : undefined;
  if (out) await mkdir(out, { recursive: true });
  const profile = option("--profile");
  if (profile) await mkdir(path.join(process.cwd(), "bench", "results", "profiles"), { recursive: true });
  const loadAtStart = os.loadavg();

  const databaseUrl = option("--database-url") ?? (await startDatabase(small));
  const results: ChildResult[] = [];
  for (const format of formats) {
    log(`${format}: ${runs} run(s) in a child process`);
    results.push(await runChild(format, databaseUrl, runs, out, profile));
  }

  const cpus = os.cpus();
  const report = {
    date: new Date().toISOString(),
    mode: small ? "small" : "full",
    machine: {
      cores: cpus.length,
      cpu: cpus[0]?.model.trim() ?? "unknown",
      node: process.version,
      loadAverage: { atStart: loadAtStart.map((l) => round(l, 2)), atEnd: os.loadavg().map((l) => round(l, 2)) },
    },
    results: results.map((r) => {
      const sorted = [...r.runsMs].sort((a, b) => a - b);
      return {
        ...r,
        p50Ms: percentile(sorted, 50),
        maxMs: sorted[sorted.length - 1],
        cpuP50Ms: percentile(
          [...r.cpuMs].sort((a, b) => a - b),
          50,
        ),
      };
    }),
  };
  const rows = report.results.map((r) => {
    const goal = GOALS[r.format];
    return [
      r.format,
      `${r.p50Ms} ms`,
      `${r.maxMs} ms`,
      goal ? `≤ ${goal / 1000} s: ${r.p50Ms <= goal ? "yes" : "NO"}` : "",
      `${r.cpuP50Ms} ms`,
      `${round(r.bytes / 1024 ** 2, 2)} MB`,
      `${r.baselineRssMb} MB`,
      `${r.peakRssMb} MB${r.peakRssMb <= RSS_GOAL_MB ? "" : " (over 500)"}`,
      `${r.peakHeapMb} MB`,
    ];
  });
  const header = ["Format", "p50", "max", "Goal", "CPU p50", "Size", "RSS before", "Peak RSS", "Peak heap (sampled)"];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i].length)));
  const line = (row: string[]) => "  " + row.map((c, i) => c.padEnd(widths[i])).join("  ");
  console.log(
    `\nExport benchmark (${report.mode}), ${runs} run(s) per format, large report ${LARGE_REPORT_ID}${formats.includes("workspace") ? ", workspace zip of every report" : ""}\n`,
  );
  console.log(line(header));
  console.log("  " + widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
  for (const r of report.results)
    console.log(
      `  ${r.format}: runs ${r.runsMs.join(", ")} ms (CPU ${r.cpuMs.join(", ")} ms); sha256 of the last ${r.sha256.slice(0, 16)}…`,
    );
  const m = report.machine;
  console.log(
    `\n  Machine: ${m.cores} cores (${m.cpu}), Node ${m.node}; load average ${m.loadAverage.atStart.join(" ")} at start, ${m.loadAverage.atEnd.join(" ")} at end`,
  );
  const file = path.join(process.cwd(), "bench", "results", "export-latest.json");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(report, null, 2) + "\n");
  console.log(`  Written to ${path.relative(process.cwd(), file)}`);

  if (flag("--keep") && !option("--database-url")) {
    console.log(`\nThe database stays up until Ctrl-C: --database-url '${databaseUrl}'`);
    await new Promise(() => undefined);
  }
}

const childFormat = option("--child") as Format | undefined;
if (childFormat) {
  child(childFormat, Number(option("--runs") ?? 1), option("--out")).then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
} else {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  parent().then(
    () => cleanup().then(() => process.exit(0)),
    (e) => {
      console.error(`\n✖ ${e instanceof Error ? e.message : e}`);
      return cleanup().then(() => process.exit(1));
    },
  );
}
