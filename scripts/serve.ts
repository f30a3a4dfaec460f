/**
 * The production server on its own: `node --import tsx scripts/serve.ts -p PORT [-H HOST]`.
 * `npm start` runs it (with the database, migrations and the collaboration
 * server around it), as do `npm test` and the benchmarks; see lib/http/app-server.ts.
 */
import { startAppServer } from "../lib/http/app-server";

function option(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  process.title = "marginalia-server";
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
