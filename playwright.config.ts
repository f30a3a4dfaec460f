import { defineConfig, devices } from "@playwright/test";

// `npm test` starts the app (production build, fresh database) and sets the
// base URL and the Chromium to use; see scripts/test.ts.
const baseURL = process.env.MARGINALIA_TEST_BASE_URL ?? "http://127.0.0.1:3000";
const executablePath = process.env.CHROMIUM_PATH;

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "./test-results",
  fullyParallel: true,
  // Two: most of a test is waiting on the app, and the 2-core machine keeps up (CI took 30 min with one).
  workers: 2,
  retries: 0,
  // Generous: a 2-core machine running the app, Postgres and Chromium at once.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    viewport: { width: 1440, height: 900 },
    launchOptions: executablePath
      ? {
          executablePath,
          // Debian's Chromium as root, on a machine with no internet: no sandbox, no background calls home.
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        }
      : undefined,
  },
});
