/**
 * `npm run dev` and `npm start`: gets a database (DATABASE_URL, or the embedded
 * PostgreSQL in .data/), applies committed migrations, seeds the demo account
 * on first run, then runs the app with DATABASE_URL set (`next dev`, or the
 * production server of scripts/serve.ts). Stops the embedded database when
 * the app exits or on Ctrl-C.
 */
import "dotenv/config";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { dataDir, resolveDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemo } from "../prisma/seed";
import { productionServerCommand, productionServerEnv } from "../lib/runtime/server-env";

const mode = process.argv[2] === "start" ? "start" : "dev";

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

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const port = process.env.PORT ?? "3000";
  const database = await resolveDatabase({ quiet: true });
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= await localSecret();
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

  await migrate(database.url);
  if (process.env.MARGINALIA_SEED_DEMO !== "0" && (await seedDemo())) {
    console.log(`\n  Demo account created: ${DEMO_EMAIL} / password: ${DEMO_PASSWORD}\n`);
  } else if (process.env.MARGINALIA_SEED_DEMO !== "0") {
    console.log(`\n  Demo account: ${DEMO_EMAIL} / password: ${DEMO_PASSWORD}\n`);
  }

  // Development: `next dev`. Production: the build in .next, served by our server (lib/http/app-server.ts).
  const { command, args } = mode === "dev" ? { command: path.join(process.cwd(), "node_modules", ".bin", "next"), args: ["dev", "-p", port] } : productionServerCommand({ port });
  if (mode === "start" && !existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    console.error("No production build found: run `npm run build` first.");
    await database.stop();
    process.exit(1);
  }

  // Co-edited team notes: the collaboration server runs beside the app, on the next port.
  const collabPort = Number(process.env.MARGINALIA_COLLAB_PORT) || Number(port) + 1;
  process.env.MARGINALIA_COLLAB_PORT = String(collabPort);
  const { startCollabServer } = await import("../lib/collab/server");
  const collab = await startCollabServer({ port: collabPort, secret: process.env.NEXTAUTH_SECRET, databaseUrl: database.url }).catch((e) => {
    console.warn(`  Co-editing is off (the notes save as before): the collaboration server could not start on port ${collabPort}: ${e instanceof Error ? e.message : e}`);
    return null;
  });
  const child = spawn(command, args, { stdio: "inherit", env: mode === "start" ? productionServerEnv(process.env) : process.env });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null) child.kill("SIGTERM");
    await collab?.stop().catch(() => undefined);
    await database.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  child.on("exit", (code) => void stop(code ?? 0));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
