/**
 * `npm test`: type-check, lint, unit tests, then integration and end-to-end
 * tests against one production build served by the production server
 * (scripts/serve.ts, as `npm start` runs it), on a fresh
 * embedded PostgreSQL (or DATABASE_URL when set). Finds Chromium itself.
 *
 *   npm test                      everything
 *   npm test -- --only unit       just one stage (unit | integration | e2e)
 *   npm test -- --only e2e --grep "long report"   only the matching Playwright tests
 *   npm test -- --only integration --grep export  only the integration tests whose names match (vitest -t)
 *   npm test -- --only integration --file highlight   only the matching integration test files (--file may repeat)
 *   npm test -- --skip-build      reuse the existing .next build
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { startOidcProvider, TEST_SSO, type RunningOidcProvider } from "../e2e/support/oidc-provider";
import { resolveDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { freePort } from "../lib/runtime/free-port";
import { runStage } from "../lib/runtime/run-stage";
import { serverCommand, productionServerEnv } from "../lib/runtime/server-env";

const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : null;
const skipBuild = args.includes("--skip-build");
const want = (stage: string) => !only || only === stage;
// `--grep <pattern>` narrows the integration and Playwright stages to matching tests (while working on one).
const grep = args.includes("--grep") ? args[args.indexOf("--grep") + 1] : null;
const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);

/** Debian's Chromium (installed when missing, as root on Debian), else Playwright's own browser. */
function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  const found = candidates.find((c) => existsSync(c));
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("\n▶ Installing Chromium from Debian's archive (apt-get install chromium)");
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  console.log("Chromium not found: using Playwright's own browser (run `npx playwright install chromium` once).");
  return undefined;
}

async function waitForServer(url: string, server: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The app server exited early (code ${server.exitCode}).`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app server did not answer at ${url} within ${timeoutMs / 1000} s.`);
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  if (want("unit")) {
    await runStage("Type-check (tsc)", bin("tsc"), ["--noEmit"]);
    await runStage("Lint (eslint)", bin("eslint"), ["."]);
    await runStage("Formatting (prettier --check)", bin("prettier"), ["--check", "--log-level", "warn", "."]);
    await runStage("Unit tests (vitest)", bin("vitest"), ["run", "--project", "unit"]);
  }
  if (!want("integration") && !want("e2e")) return;

  const chromium = want("e2e") ? findChromium() : undefined;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "marginalia-test-"));
  // mkdtemp makes it 0700; as root, Postgres runs as another user that must enter it.
  await chmod(dataDir, 0o755);
  process.env.MARGINALIA_DATA_DIR = dataDir;
  const database = await resolveDatabase({ quiet: true, port: await freePort() });
  let server: ChildProcess | undefined;
  let collab: ChildProcess | undefined;
  let oidc: RunningOidcProvider | undefined;
  try {
    await migrate(database.url);
    if (!skipBuild || !existsSync(".next/BUILD_ID"))
      await runStage("Production build (next build)", bin("next"), ["build"], {
        ...process.env,
        MARGINALIA_SKIP_BUILD_TYPECHECK: want("unit") ? "1" : "0",
      });

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const collabPort = await freePort();
    // Integration tests serve web pages to import from this port; only it is let through the private-address guard.
    const fixturePort = await freePort();
    // A second app server, with password sign-in off, is started by the single sign-on spec on this port when it runs.
    const ssoOnlyPort = await freePort();
    // A real OpenID provider for the single sign-on tests, up before the app; both app servers may come back to it.
    oidc = await startOidcProvider({
      port: await freePort(),
      redirectUris: [port, ssoOnlyPort].map((p) => `http://127.0.0.1:${p}/api/auth/callback/oidc`),
    });
    const env = {
      ...process.env,
      MARGINALIA_URL_ALLOWLIST: `127.0.0.1:${fixturePort},localhost:${fixturePort}`,
      MARGINALIA_TEST_FIXTURE_PORT: String(fixturePort),
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: baseUrl,
      PORT: String(port),
      // The app hands browsers ws://127.0.0.1:<this port> for co-editing the notes.
      MARGINALIA_COLLAB_PORT: String(collabPort),
      MARGINALIA_COLLAB_HOST: "127.0.0.1",
      // Tests sign up and sign in from made-up addresses (X-Forwarded-For), as if behind one proxy, so the
      // per-address abuse limits apply to each test's own address rather than to the whole run's.
      MARGINALIA_TRUST_PROXY: "1",
      // Single sign-on is on for the whole run; password sign-in stays on too, so the rest of the suite is unchanged.
      OIDC_ISSUER: oidc.issuer,
      OIDC_CLIENT_ID: oidc.clientId,
      OIDC_CLIENT_SECRET: oidc.clientSecret,
      OIDC_NAME: TEST_SSO.name,
      OIDC_ALLOWED_DOMAINS: TEST_SSO.allowedDomains.join(","),
    };
    console.log(`\n▶ Starting the app on ${baseUrl}`);
    const app = serverCommand({ port, hostname: "127.0.0.1" });
    server = spawn(app.command, app.args, {
      env: productionServerEnv(env),
      stdio: ["ignore", "ignore", "inherit"],
      // Its own process group, so stopping it also stops anything it starts.
      detached: true,
    });
    await waitForServer(`${baseUrl}/api/health/ready`, server);
    // Its own process, so the collaboration server keeps its own event loop whatever this one does.
    collab = spawn(bin("tsx"), ["scripts/collab.ts"], {
      env,
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    await waitForServer(`http://127.0.0.1:${collabPort}/`, collab);

    const testEnv = {
      ...env,
      MARGINALIA_TEST_BASE_URL: baseUrl,
      MARGINALIA_TEST_SSO_ONLY_PORT: String(ssoOnlyPort),
      ...(chromium ? { CHROMIUM_PATH: chromium } : {}),
    };
    // `--file <part of a path>` narrows the integration stage to matching test files.
    const files = args.flatMap((arg, i) => (arg === "--file" && args[i + 1] ? [args[i + 1]] : []));
    if (want("integration")) {
      await runStage(
        "Integration tests (vitest, real Postgres over HTTP)",
        bin("vitest"),
        ["run", "--project", "integration", ...files, ...(grep ? ["-t", grep] : [])],
        testEnv,
      );
    }
    if (want("e2e"))
      await runStage("End-to-end tests (Playwright, Chromium)", bin("playwright"), ["test", ...(grep ? ["--grep", grep] : [])], testEnv);
  } finally {
    for (const child of [server, collab]) {
      if (!child?.pid || child.exitCode !== null) continue;
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        child.kill("SIGTERM");
      }
    }
    await oidc?.stop().catch(() => undefined);
    await database.stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

main().then(
  () => {
    console.log("\nAll test stages passed.");
    process.exit(0);
  },
  (e) => {
    console.error(`\n${e instanceof Error ? e.message : e}`);
    process.exit(1);
  },
);
