/**
 * The app's HTTP server on its own: `node --import tsx scripts/serve.ts -p PORT [-H HOST] [--dev]`.
 * `npm start` and `npm run dev` run it (with the database, migrations and the
 * collaboration server around it), as do `npm test` and the benchmarks; see lib/http/app-server.ts.
 */
function option(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
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
