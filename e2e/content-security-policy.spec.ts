import path from "node:path";
import { call, newReport, newUser, newWorkspace } from "../lib/testing/api";
import { signedIn } from "./support/session";
import { expect, test } from "./support/test";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

test("the reader co-edits the team notes over the collaboration socket with no Content Security Policy violation", async ({
  browser,
  cspViolations,
}) => {
  const olive = await newUser("Olive Owner");
  const ws = await newWorkspace(olive, "Policy desk");
  const report = await newReport(
    olive,
    ws.id,
    "# Grid storage\n\nBattery storage grew by 40% in 2022, yet winter peaks still rely on gas.",
    "markdown",
  );
  const collabOrigin = new URL((await call("GET", `/api/v1/reports/${report.id}/notes/collab`, { as: olive })).body.url).origin;

  const context = await signedIn(browser, olive);
  const page = await context.newPage();
  const sockets: string[] = [];
  page.on("websocket", (socket) => sockets.push(socket.url()));
  const response = await page.goto(`/w/${ws.slug}/r/${report.id}?panel=notes`);
  const policy = response!.headers()["content-security-policy"];
  expect(policy).toMatch(/script-src [^;]*'nonce-[^']+' 'strict-dynamic'/);
  expect(policy).toContain(`connect-src 'self' ${collabOrigin}`);

  // Connected means the WebSocket to the collaboration server opened (the panel falls back to saving through the API otherwise).
  await expect(page.getByTestId("notes-status")).toHaveText("Connected · 1 editing", { timeout: 30_000 });
  expect(sockets.map((url) => new URL(url).origin)).toContain(collabOrigin);
  const notes = page.getByRole("textbox", { name: "Team notes" });
  await notes.click();
  await page.keyboard.type("Checked under the policy.");
  await expect
    .poll(async () => (await call("GET", `/api/v1/reports/${report.id}/notes`, { as: olive })).body.body as string, { timeout: 30_000 })
    .toContain("Checked under the policy.");
  await expect(page.getByText("Battery storage grew by 40%")).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, "csp-reader-notes.png") });
  expect(cspViolations).toEqual([]);
  await context.close();
});

test("the sign-in page runs under the policy, and the policy blocks what it should (which the e2e watch hears)", async ({
  page,
  cspViolations,
}) => {
  await page.goto("/signin");
  // Hydrated (React came in through nonced scripts): the form signs in from the page, rather than submitting natively.
  await page.getByLabel("Email").fill("nobody@test.local");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, "csp-signin.png") });
  expect(cspViolations).toEqual([]);

  // An injected inline handler must not run, and the violation must reach the watch that fails the other tests.
  const ran = await page.evaluate(() => {
    const probe = document.createElement("button");
    probe.setAttribute("onclick", "document.body.dataset.injected = 'ran'");
    document.body.append(probe);
    probe.click();
    return document.body.dataset.injected ?? "blocked";
  });
  expect(ran).toBe("blocked");
  await expect.poll(() => cspViolations.join("\n")).toMatch(/script-src/);
  // Expected here: emptied so that the watch passes this test.
  cspViolations.length = 0;
});
