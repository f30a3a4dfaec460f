/**
 * The production server on its own: `node --import tsx scripts/serve.ts -p PORT [-H HOST]`.
 * `npm start` runs it (with the database, migrations and the collaboration
 * server around it), as do `npm test` and the benchmarks; see lib/http/app-server.ts.
 */
function option(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  process.title = "marginalia-server";
  // As `next start` sets it: React, Next.js and libraries choose their production code by it.
  (process.env as Record<string, string>).NODE_ENV = "production";
  // tsx turns on source maps for the code it compiles; Node would then also read and keep the maps of
  // every Next.js server chunk it loads (about 120 MB more memory, and seconds more to start).
  process.setSourceMapsEnabled(false);
  const { startAppServer } = await import("../lib/http/app-server");
  const port = Number(option("-p") ?? process.env.PORT ?? 3000);
  // As `next start`: every interface unless told otherwise.
  const hostname = option("-H");
  await startAppServer({ dir: process.cwd(), hostname, port });
  console.log(`  ▲ Marginalia (production) on http://${hostname ?? "localhost"}:${port}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack ?? e.message : e);
  process.exit(1);
});
