/**
 * The app heals when its database fails: `npm start` (scripts/run.ts) on an
 * embedded PostgreSQL of its own, under write load, has its postmaster killed
 * with SIGKILL. Every request answers 201 or 503 (never 500), no acknowledged
 * write is lost, readiness turns 503 and back to 200 by itself, and writes
 * succeed again without restarting the app, and a page open in Chromium shows "temporarily
 * unavailable", then comes back by itself. Then SIGTERM stops it cleanly:
 * live streams are told to come back, PostgreSQL shuts down.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/runtime/free-port";

const STRONG = "steady harbour lamps 19";
let dir: string;
let base: string;
let app: ChildProcess;
let output = "";
let token: string;
let cookie: string;
let workspaceSlug: string;
let report: { id: string; passages: { id: string }[] };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readyStatus(): Promise<number> {
  try {
    return (await fetch(`${base}/api/health/ready`, { signal: AbortSignal.timeout(3000) })).status;
  } catch {
    return 0;
  }
}

async function api(method: string, urlPath: string, json?: unknown) {
  const res = await fetch(base + urlPath, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(json ? { "content-type": "application/json" } : {}) },
    body: json ? JSON.stringify(json) : undefined,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

async function databaseUrl(): Promise<string> {
  const password = (await readFile(path.join(dir, "postgres-password"), "utf8")).trim();
  return `postgresql://marginalia:${encodeURIComponent(password)}@127.0.0.1:${dbPort}/marginalia`;
}

let dbPort: number;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "marginalia-outage-"));
  await chmod(dir, 0o755);
  const port = await freePort();
  dbPort = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ["DATABASE_URL", "MARGINALIA_TEST_BASE_URL", "NODE_ENV", "MARGINALIA_SEED_DEMO"]) delete env[key];
  app = spawn(process.execPath, ["--import", "tsx", "scripts/run.ts", "start"], {
    env: {
      ...env,
      MARGINALIA_DATA_DIR: dir,
      MARGINALIA_DB_PORT: String(dbPort),
      PORT: String(port),
      MARGINALIA_COLLAB_PORT: String(await freePort()),
      NEXTAUTH_URL: base,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  app.stdout!.on("data", (chunk) => (output += chunk));
  app.stderr!.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 120_000;
  while ((await readyStatus()) !== 200) {
    if (app.exitCode !== null) throw new Error(`npm start exited (${app.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start was not ready within 120 s:\n${output}`);
    await sleep(500);
  }
  const email = `outage-${randomBytes(4).toString("hex")}@test.local`;
  await fetch(`${base}/api/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, name: "Outage Tester", password: STRONG }),
  });
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const signedIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({
      csrfToken: ((await csrf.json()) as { csrfToken: string }).csrfToken,
      email,
      password: STRONG,
      json: "true",
    }),
    redirect: "manual",
  });
  cookie = [csrfCookie, ...signedIn.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
  const made = await fetch(`${base}/api/v1/tokens`, {
    method: "POST",
    headers: { cookie, origin: base, "content-type": "application/json" },
    body: "{}",
  });
  token = ((await made.json()) as { token: string }).token;
  const ws = await api("POST", "/api/v1/workspaces", { name: "Outage" });
  workspaceSlug = ws.body.slug;
  const imported = await api("POST", `/api/v1/workspaces/${ws.body.id}/reports`, {
    format: "text",
    content: "Outage drill\n\nFirst passage of the report.\n\nSecond passage of the report.\n\nThird passage of the report.",
  });
  report = (await api("GET", `/api/v1/reports/${imported.body.id}`)).body;
}, 180_000);

afterAll(async () => {
  if (app?.pid && app.exitCode === null) {
    try {
      process.kill(-app.pid, "SIGKILL");
    } catch {
      // gone
    }
  }
  // A postmaster left by a failed run would keep the data dir busy.
  const pid = Number((await readFile(path.join(dir, "postgres", "postmaster.pid"), "utf8").catch(() => "")).split("\n")[0]);
  if (pid > 0) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone
    }
  }
  await rm(dir, { recursive: true, force: true });
});

describe("npm start when its PostgreSQL is killed", () => {
  it("answers 201 or 503 throughout, loses no acknowledged write, and heals by itself", async () => {
    const results: { status: number; id?: string; code?: string; retryAfter?: string | null }[] = [];
    let writing = true;
    const writer = async () => {
      while (writing) {
        const started = Date.now();
        try {
          const res = await api("POST", `/api/v1/reports/${report.id}/annotations`, {
            passageId: report.passages[0].id,
            start: 0,
            end: 5,
            body: `w${results.length}`,
          });
          results.push({ status: res.status, id: res.body?.id, code: res.body?.error?.code, retryAfter: res.headers.get("retry-after") });
        } catch (e) {
          results.push({ status: 0, code: String(e) });
        }
        if (Date.now() - started < 20) await sleep(20);
      }
    };
    const writers = Array.from({ length: 6 }, writer);
    await sleep(2000);

    // A reader with the workspace page open, in a real browser.
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
    });
    const context = await browser.newContext();
    await context.addCookies(
      cookie
        .split("; ")
        .map((pair) => ({ name: pair.split("=")[0], value: pair.slice(pair.indexOf("=") + 1), domain: "127.0.0.1", path: "/" })),
    );
    const page = await context.newPage();
    await page.goto(`${base}/w/${workspaceSlug}`);
    await page.getByRole("heading", { name: "Outage" }).waitFor();

    const postmaster = Number((await readFile(path.join(dir, "postgres", "postmaster.pid"), "utf8")).split("\n")[0]);
    expect(postmaster).toBeGreaterThan(0);
    const killedAt = Date.now();
    process.kill(postmaster, "SIGKILL");
    // The page, reloaded meanwhile, says calmly what is happening, and comes back by itself.
    const pageBack = (async () => {
      await page.reload();
      await page.getByText("Marginalia is temporarily unavailable").waitFor({ timeout: 15_000 });
      await page.getByRole("heading", { name: "Outage" }).waitFor({ timeout: 45_000 });
      return Date.now() - killedAt;
    })();

    // Readiness: 503 while the database is away, then 200 again, by itself.
    const readiness: { at: number; status: number }[] = [];
    while (Date.now() - killedAt < 45_000) {
      const status = await readyStatus();
      readiness.push({ at: Date.now() - killedAt, status });
      if (status === 200 && readiness.some((r) => r.status === 503)) break;
      await sleep(250);
    }
    await sleep(2000);
    writing = false;
    await Promise.all(writers);
    const pageBackMs = await pageBack.finally(() => browser.close());
    expect(pageBackMs).toBeLessThan(45_000);
    const firstReady = readiness.find((r) => r.status === 200 && readiness.some((p) => p.status === 503 && p.at < r.at));
    console.log(
      `outage: ${results.filter((r) => r.status === 201).length} writes acknowledged, ${results.filter((r) => r.status === 503).length} answered 503; ` +
        `ready again ${firstReady?.at} ms after the kill; the page back after ${pageBackMs} ms`,
    );

    expect(
      readiness.some((r) => r.status === 503),
      JSON.stringify(readiness),
    ).toBe(true);
    const healed = readiness.find((r, i) => r.status === 200 && readiness.slice(0, i).some((p) => p.status === 503));
    expect(healed, JSON.stringify(readiness)).toBeDefined();
    expect(healed!.at).toBeLessThan(30_000);

    const statuses = new Set(results.map((r) => r.status));
    expect(
      [...statuses].filter((s) => s !== 201 && s !== 503),
      JSON.stringify(results.filter((r) => r.status !== 201 && r.status !== 503).slice(0, 5)),
    ).toEqual([]);
    const refused = results.filter((r) => r.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.code).toBe("unavailable");
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
    }
    // Writes succeed again, without restarting the app.
    expect(
      results.slice(-5).every((r) => r.status === 201),
      JSON.stringify(results.slice(-5)),
    ).toBe(true);
    const after = await api("POST", `/api/v1/reports/${report.id}/annotations`, {
      passageId: report.passages[1].id,
      start: 0,
      end: 6,
      body: "after the outage",
    });
    expect(after.status).toBe(201);

    // Every acknowledged write is there.
    const acknowledged = results.filter((r) => r.status === 201).map((r) => r.id!);
    const client = new pg.Client({ connectionString: await databaseUrl() });
    await client.connect();
    try {
      const found = await client.query<{ id: string }>("SELECT id FROM annotations WHERE id = ANY($1::text[])", [acknowledged]);
      expect(found.rowCount).toBe(acknowledged.length);
      // `npm start` made no demo account (its password is published) without MARGINALIA_SEED_DEMO=1.
      expect((await client.query("SELECT 1 FROM users WHERE email = 'demo@marginalia.local'")).rowCount).toBe(0);
    } finally {
      await client.end();
    }
    expect(output).toMatch(/"the embedded PostgreSQL stopped unexpectedly; starting it again"/);
  }, 120_000);

  it("writes one JSON log line per request, with no token, cookie or password in it", async () => {
    await sleep(500); // lines are written in batches, at the latest 250 ms after they are logged
    const lines = output
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = lines.filter((l) => l.msg === "request");
    expect(requests.length).toBeGreaterThan(10);
    const post = requests.find((l) => l.method === "POST" && l.status === 201 && String(l.route).endsWith("/annotations"));
    expect(post).toMatchObject({
      route: "/api/v1/reports/:id/annotations",
      reqId: expect.any(String),
      ms: expect.any(Number),
      userId: expect.any(String),
    });
    // Requests Next.js serves know their user too (the request's context reaches the route).
    expect(requests.find((l) => l.method === "GET" && String(l.route).startsWith("/api/v1/reports/") && l.status === 200)).toMatchObject({
      userId: post!.userId,
    });
    expect(requests.some((l) => l.status === 503)).toBe(true);
    expect(output).not.toContain(token);
    expect(output).not.toContain(STRONG);
    expect(output).not.toContain("next-auth.session-token");
  });

  it("stops on SIGTERM: live streams are told to come back, then PostgreSQL shuts down cleanly", async () => {
    const stream = await fetch(`${base}/api/v1/reports/${report.id}/events`, { headers: { authorization: `Bearer ${token}` } });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    let received = "";
    const readAll = (async () => {
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) return;
        received += new TextDecoder().decode(value);
      }
    })();
    await sleep(500);
    const exited = new Promise<number | null>((resolve) => app.once("exit", (code) => resolve(code)));
    app.kill("SIGTERM");
    await readAll;
    expect(received).toMatch(/retry: \d+\nevent: restarting/);
    expect(await exited).toBe(0);
    expect(existsSync(path.join(dir, "postgres", "postmaster.pid"))).toBe(false);
    expect(output).toMatch(/server stopped: every request finished/);
  }, 60_000);
});
