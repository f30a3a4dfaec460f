/**
 * The app's server, as a command: Node running scripts/serve.ts (through
 * tsx), which serves the app with Next.js behind our own HTTP server
 * (lib/http/app-server.ts): the build in .next, or in development (`dev`)
 * Next.js's development server.
 */
export function serverCommand(options: { port: number | string; hostname?: string; dev?: boolean }): { command: string; args: string[] } {
  const args = ["--import", "tsx", "scripts/serve.ts", "-p", String(options.port)];
  if (options.hostname) args.push("-H", options.hostname);
  if (options.dev) args.push("--dev");
  return { command: process.execPath, args };
}

/**
 * The environment the production server runs with, wherever the app is started in
 * production mode (npm start, npm test, the benchmarks), so they all measure
 * and test the same server.
 *
 * The heap: V8 sizes its old space from the machine's memory (gigabytes here)
 * and, with room to spare, grows the heap rather than collect it. The app's
 * live data is small (about 150 MB) and every large read streams, so the
 * server runs with a limit (MARGINALIA_HEAP_MB, default 384 MB) and collects
 * sooner: the scale benchmark's reader visits took the server's peak RSS to
 * 543 MB without it, 358 MB with it, at the same speed. Raise it if a very
 * large import runs out of memory.
 */
export const DEFAULT_HEAP_MB = 384;

export function productionServerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const raw = env.MARGINALIA_HEAP_MB?.trim();
  const heapMb = raw ? Number(raw) : DEFAULT_HEAP_MB;
  if (!Number.isInteger(heapMb) || heapMb < 128)
    throw new Error(`MARGINALIA_HEAP_MB must be a whole number of megabytes, at least 128 (it is "${raw}").`);
  // An explicit --max-old-space-size in NODE_OPTIONS wins.
  const options = env.NODE_OPTIONS ?? "";
  if (/--max-old-space-size[= ]/.test(options)) return env;
  return { ...env, NODE_OPTIONS: `${options} --max-old-space-size=${heapMb}`.trim() };
}
