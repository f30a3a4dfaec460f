/**
 * A workbench for the search query (issue 7): the scale benchmark's full data
 * set in an embedded PostgreSQL that stays up between experiments, and the
 * app's own searchWorkspace run in-process against it, with the plans of its
 * real SQL.
 *
 *   npx tsx bench/search-lab.ts serve              start (and load once) the database; runs until stopped
 *   npx tsx bench/search-lab.ts measure [options]  time searchWorkspace per query kind against it
 *       --runs N        timed runs per query (default 10)
 *       --explain       print EXPLAIN (ANALYZE, BUFFERS) of the real SQL for every query
 *       --only a,b      only these queries (as typed, comma-separated)
 *       --as member     search as a plain member instead of the owner
 *       --compare FILE  time this builder's SQL against another builder module's (say, a copy of
 *                       an earlier search-sql.ts), interleaved, each after the access check
 *
 * The data directory is MARGINALIA_DATA_DIR or /tmp/marginalia-search-lab;
 * `serve` writes the database URL to url.txt there for `measure`.
 */
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { startEmbeddedDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { FULL, SEARCH_PHRASES, SEARCH_PREFIXES, SEARCH_WORDS, loadDataSet } from "./scale/data";
import { freePort } from "../lib/runtime/free-port";
import { log, percentile, round } from "./support";

const args = process.argv.slice(2);
const command = args[0];
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const dir = path.resolve(process.env.MARGINALIA_DATA_DIR ?? "/tmp/marginalia-search-lab");
process.env.MARGINALIA_DATA_DIR = dir;
const urlFile = path.join(dir, "url.txt");

async function serve() {
  await mkdir(dir, { recursive: true });
  await chmod(dir, 0o755);
  const port = await freePort();
  const database = await startEmbeddedDatabase({ port, quiet: true });
  await migrate(database.url);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const loaded = await client.query("SELECT 1 FROM workspaces WHERE id = 'bench-ws'");
  if (!loaded.rowCount) {
    log("Loading the full data set");
    const t0 = performance.now();
    const data = await loadDataSet(client, FULL);
    log(`Loaded in ${round((performance.now() - t0) / 1000)} s: ${JSON.stringify(data.counts)}`);
  }
  await client.query("ANALYZE");
  await client.end();
  await writeFile(urlFile, database.url + "\n");
  log(`Serving ${database.url.replace(/:[^:@]*@/, ":***@")} (data in ${dir}); Ctrl-C or SIGTERM stops it`);
  const stop = async () => {
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  setInterval(() => undefined, 1 << 30);
}

async function measure() {
  if (!existsSync(urlFile)) throw new Error(`No ${urlFile}: run \`npx tsx bench/search-lab.ts serve\` first`);
  process.env.DATABASE_URL = (await readFile(urlFile, "utf8")).trim();
  // One connection, so that its server process's CPU time is the searches' (see cpu below).
  process.env.DATABASE_POOL_SIZE = "1";
  // Imported only now: the Prisma client reads DATABASE_URL when first used.
  const { searchWorkspace } = await import("../lib/server/search/search");
  const { SEARCH_PLANNER_SETTINGS, buildSearchSql } = await import("../lib/server/search/search-sql");
  const { parseSearchQuery } = await import("../lib/server/search/query");
  const { db } = await import("../lib/db");
  const { getWorkspaceAccessOrThrow } = await import("../lib/server/workspaces/access");
  const runs = Number(option("--runs") ?? 10);
  const only = option("--only")?.split(",");
  const userId = args.includes("--as") ? "bench-member-3" : "bench-owner";
  const kinds = { word: SEARCH_WORDS, phrase: SEARCH_PHRASES, prefix: SEARCH_PREFIXES };
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });

  const search = (q: string) => searchWorkspace({ userId, workspaceIdOrSlug: "bench-ws", q });
  // CPU time (ms) of the database's server process for our connection and of this process: on a
  // shared machine, wall-clock times say more about the neighbours than about the query.
  const [{ pid }] = await db.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
  const cpu = () => {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    const usage = process.cpuUsage();
    return { db: (Number(fields[11]) + Number(fields[12])) * 10, node: (usage.user + usage.system) / 1000 };
  };
  const compare = option("--compare");
  if (compare) {
    const other = (await import(path.resolve(compare))) as { buildSearchSql: typeof buildSearchSql };
    const otherParse = (await import(path.resolve(path.dirname(compare), ".baseline-query.tmp.ts")).catch(() => ({
      parseSearchQuery,
    }))) as { parseSearchQuery: typeof parseSearchQuery };
    const builders = { this: buildSearchSql, other: other.buildSearchSql };
    for (const [kind, queries] of Object.entries(kinds)) {
      const times: Record<string, number[]> = { this: [], other: [] };
      const cpuMs: Record<string, { db: number; node: number }> = { this: { db: 0, node: 0 }, other: { db: 0, node: 0 } };
      for (const q of queries.filter((x) => !only || only.includes(x))) {
        for (let i = 0; i <= runs; i++) {
          for (const [name, build] of Object.entries(builders)) {
            const parsed = (name === "this" ? parseSearchQuery : otherParse.parseSearchQuery)(q);
            const c0 = cpu();
            const t0 = performance.now();
            // Both as searchWorkspace runs them: the access check, then the statement; this one after
            // its planner settings, the other as a plain statement (as before those existed).
            await getWorkspaceAccessOrThrow({ userId, workspaceIdOrSlug: "bench-ws" });
            const sql = build({ userId, workspaceId: "bench-ws", parsed });
            if (name === "this") await db.$transaction([db.$executeRawUnsafe(SEARCH_PLANNER_SETTINGS), db.$queryRaw(sql)]);
            else await db.$queryRaw(sql);
            if (i > 0) {
              times[name].push(performance.now() - t0);
              const c1 = cpu();
              cpuMs[name].db += c1.db - c0.db;
              cpuMs[name].node += c1.node - c0.node;
            }
          }
        }
      }
      const line = (name: string) => {
        const t = times[name].sort((a, b) => a - b);
        const n = t.length || 1;
        return `${name} p50 ${round(percentile(t, 50))} p95 ${round(percentile(t, 95))}, CPU/search db ${round(cpuMs[name].db / n)} node ${round(cpuMs[name].node / n)}`;
      };
      if (times.this.length) console.log(`${kind.padEnd(7)} ${line("this")}   |   ${line("other")}   (ms, n=${times.this.length})`);
    }
    await pool.end();
    await db.$disconnect();
    return;
  }
  for (const [kind, queries] of Object.entries(kinds)) {
    const times: number[] = [];
    const perQuery: string[] = [];
    const cpuMs = { db: 0, node: 0 };
    for (const q of queries.filter((x) => !only || only.includes(x))) {
      const first = await search(q); // warm-up (and the hit count)
      const own: number[] = [];
      const c0 = cpu();
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await search(q);
        own.push(performance.now() - t0);
      }
      const c1 = cpu();
      cpuMs.db += c1.db - c0.db;
      cpuMs.node += c1.node - c0.node;
      times.push(...own);
      own.sort((a, b) => a - b);
      perQuery.push(
        `${q} ${round(percentile(own, 50))}/${round(percentile(own, 95))} ms (${first.results.length} hits, top: ${first.results[0]?.type ?? "—"})`,
      );
      if (args.includes("--explain")) {
        const sql = buildSearchSql({ userId, workspaceId: "bench-ws", parsed: parseSearchQuery(q) });
        const res = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.values);
        const plan = res.rows.map((r) => r["QUERY PLAN"]).join("\n");
        console.log(
          `\n— ${q}${/Seq Scan on (passages|annotations|replies|report_notes)\b/.test(plan) ? "   ✖ SEQ SCAN" : ""}\n${plan.replace(/^/gm, "    ")}`,
        );
      }
    }
    if (!times.length) continue;
    times.sort((a, b) => a - b);
    console.log(
      `${kind.padEnd(7)} p50 ${round(percentile(times, 50))} ms  p95 ${round(percentile(times, 95))} ms  (n=${times.length}); CPU per search: database ${round(cpuMs.db / times.length)} ms, node ${round(cpuMs.node / times.length)} ms`,
    );
    for (const line of perQuery) console.log(`    ${line}`);
  }
  await pool.end();
  await db.$disconnect();
}

const commands: Record<string, () => Promise<void>> = { serve, measure };
if (!command || !commands[command]) {
  console.error("Usage: npx tsx bench/search-lab.ts serve | measure [--runs N] [--explain] [--only q1,q2] [--as member]");
  process.exit(2);
}
commands[command]().catch((e) => {
  console.error(e);
  process.exit(1);
});
