// First: server code loaded below (by dynamic imports) may be `import "server-only"`, however this script is started.
import "../lib/runtime/outside-next.mjs";
import { writeFile } from "node:fs/promises";

/**
 * The app's HTTP server on its own: `node --import tsx scripts/serve.ts -p PORT [-H HOST] [--dev]`.
 * `npm start` and `npm run dev` run it (with the database, migrations and the
 * collaboration server around it), as do `npm test` and the benchmarks; see lib/http/app-server.ts.
 */
function option(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** Starts V8's CPU profiler (the `--cpu-prof` flag cannot come through NODE_OPTIONS); the function returned stops it and gives the profile. */
async function startCpuProfile(): Promise<() => Promise<object>> {
  const { Session } = await import("node:inspector/promises");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return async () => (await session.post("Profiler.stop")).profile;
}

/** How long requests in flight may take to finish once SIGTERM arrives. */
const GRACE_MS = 10_000;

async function main() {
  const dev = process.argv.includes("--dev");
  process.title = dev ? "marginalia-dev-server" : "marginalia-server";
  // As `next dev` and `next start` set it: React, Next.js and libraries choose their code by it.
  (process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
  // tsx turns on source maps for the code it compiles; Node would then also read and keep the maps of
  // every Next.js server chunk it loads (about 120 MB more memory, and seconds more to start).
  if (!dev) process.setSourceMapsEnabled(false);
  const { startAppServer } = await import("../lib/http/app-server");
  const { logger } = await import("../lib/runtime/logger");
  const { closeDatabase } = await import("../lib/db");
  const port = Number(option("-p") ?? process.env.PORT ?? 3000);
  // As `next start`: every interface unless told otherwise.
  const hostname = option("-H");
  const app = await startAppServer({ dir: process.cwd(), hostname, port, dev });
  // MARGINALIA_CPU_PROFILE=file.cpuprofile: a CPU profile of the whole run, written as the server stops (open it in Chrome's DevTools).
  const profile = process.env.MARGINALIA_CPU_PROFILE ? await startCpuProfile() : null;
  logger().info(
    { port, hostname: hostname ?? "localhost", dev },
    `Marginalia${dev ? " (development)" : ""} on http://${hostname ?? "localhost"}:${port}`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger().info({ signal }, "stopping: no new requests; finishing those in flight");
    await app.shutdown(GRACE_MS);
    if (profile) await writeFile(process.env.MARGINALIA_CPU_PROFILE!, JSON.stringify(await profile()));
    await closeDatabase().catch(() => undefined);
    await new Promise<void>((resolve) => logger().flush(() => resolve()));
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(signal));
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
