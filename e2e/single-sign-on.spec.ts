import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { call, newUser, newWorkspace, randomAddress } from "../lib/testing/api";
import { productionServerEnv, serverCommand } from "../lib/runtime/server-env";
import { TEST_SSO } from "./support/oidc-provider";
import { signInWithSso, ssoEmail } from "./support/sso";
import { expectAccessible } from "./support/ui";
import { expect, test } from "./support/test";

// The test runner (scripts/test.ts) starts a real OpenID provider and configures the app with it (OIDC_*).
const SHOTS = path.join(process.cwd(), "test-results", "screenshots");
const SSO_BUTTON = `Sign in with ${TEST_SSO.name}`;
const PHONE = { width: 390, height: 844 };

async function freshPage(browser: Browser, viewport = { width: 1440, height: 900 }): Promise<Page> {
  return (await browser.newContext({ viewport })).newPage();
}

test("single sign-on: the first sign-in creates the account, a second reuses it, and its sessions can be ended", async ({ browser }) => {
  const email = ssoEmail("ada.lovelace");
  const first = await freshPage(browser);
  await first.goto("/signin");
  await expect(first.getByRole("button", { name: SSO_BUTTON })).toBeVisible();
  // Password sign-in is still offered beside it.
  await expect(first.getByLabel("Password")).toBeVisible();
  await expectAccessible(first);
  await first.screenshot({ path: path.join(SHOTS, "signin-sso-1440.png"), fullPage: true });

  await signInWithSso(first, email);
  await expect(first.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
  await first.getByLabel("Workspace name").fill("Ada's desk");
  await first.getByRole("button", { name: "Create workspace" }).click();
  await expect(first.getByRole("heading", { level: 1, name: "Ada's desk" })).toBeVisible();

  // Name and address came from the ID token; the account has no password to change.
  await first.goto("/settings");
  await expect(first.getByText(`Signed in as Ada Lovelace (${email}).`)).toBeVisible();
  await expect(first.getByTestId("sso-only-account")).toContainText(`You sign in with ${TEST_SSO.name}`);
  await expect(first.getByLabel("Current password")).toHaveCount(0);

  // Another device: the same person at the provider is the same account (its workspace is there), not a new one.
  const second = await freshPage(browser);
  await second.goto("/signin");
  await signInWithSso(second, email);
  await expect(second.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
  await expect(second.getByRole("link", { name: /Ada's desk/ })).toBeVisible();

  // Both sign-ins are sessions of the account, like password sign-ins: signing out everywhere ends the first device's too.
  await second.goto("/settings");
  await expect(second.getByRole("list", { name: "Signed-in sessions" }).getByRole("listitem")).toHaveCount(2);
  second.once("dialog", (dialog) => void dialog.accept());
  await second.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(second).toHaveURL(/\/signin/);
  await first.reload();
  await expect(first).toHaveURL(/\/signin/);
});

test("single sign-on links an existing password account with the same email instead of making a second one", async ({ browser }) => {
  const email = ssoEmail("grace.hopper");
  const password = "amber lantern quietly 42";
  const reg = await call("POST", "/api/register", {
    json: { email, name: "Grace Hopper", password },
    headers: { "x-forwarded-for": randomAddress() },
  });
  expect(reg.status).toBe(201);

  const page = await freshPage(browser);
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByLabel("Workspace name").fill("Compiler notes");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Compiler notes" })).toBeVisible();

  const sso = await freshPage(browser);
  await sso.goto("/signin");
  await signInWithSso(sso, email);
  await expect(sso.getByRole("link", { name: /Compiler notes/ })).toBeVisible();
  await sso.goto("/settings");
  // The name the account had is kept. The address had never been proven (registration sends no confirmation),
  // so the provider's person takes the account over: the password and the other sessions end.
  await expect(sso.getByText(`Signed in as Grace Hopper (${email}).`)).toBeVisible();
  await expect(sso.getByLabel("Current password")).toHaveCount(0);
  await page.reload();
  await expect(page).toHaveURL(/\/signin/);
});

test("single sign-on refuses an address outside the allowed domains, and one the provider has not verified", async ({ browser }) => {
  const page = await freshPage(browser);
  await page.goto("/signin");
  await signInWithSso(page, ssoEmail("mallory", TEST_SSO.otherDomain));
  await expect(page).toHaveURL(/\/signin\?.*error=SsoDomainNotAllowed/);
  await expect(page.getByRole("alert").filter({ hasText: "accepts sign-ins only from its organisation’s email domains" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "signin-sso-refused-1440.png"), fullPage: true });
  // Refused means signed out: the app still asks for a sign-in.
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);

  const unverified = await freshPage(browser);
  await unverified.goto("/signin");
  await signInWithSso(unverified, ssoEmail("unverified.victor"));
  await expect(unverified.getByRole("alert").filter({ hasText: "has not verified your email address" })).toBeVisible();
  await unverified.goto("/");
  await expect(unverified).toHaveURL(/\/signin/);
});

test("single sign-on: an invited person signs in with the provider and lands in the workspace", async ({ browser }) => {
  const owner = await newUser("Olive Owner");
  const workspace = await newWorkspace(owner, "Policy desk");
  const email = ssoEmail("nadia.newcomer", TEST_SSO.allowedDomains[1]);
  const invitation = await call("POST", `/api/v1/workspaces/${workspace.id}/invitations`, {
    as: owner,
    json: { email, role: "annotator" },
  });
  expect(invitation.status).toBe(201);

  const page = await freshPage(browser);
  await page.goto(new URL(invitation.body.url).pathname);
  await expect(page.getByRole("heading", { level: 1, name: "Join Policy desk" })).toBeVisible();
  await expectAccessible(page);
  await signInWithSso(page, email);
  // Back on the invitation, signed in as the invited address: joining is one click.
  await expect(page).toHaveURL(/\/invite\//);
  await page.getByRole("button", { name: "Join Policy desk" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspace.slug}$`), { timeout: 20_000 });
  await expect(page.getByText("Your role: annotator")).toBeVisible();
});

test.describe("single sign-on only (MARGINALIA_PASSWORD_LOGIN=0)", () => {
  // One worker, so one second server.
  test.describe.configure({ mode: "serial" });
  // A second app server on the same build and database, with password sign-in off; the provider knows its callback.
  let server: ChildProcess | undefined;
  const port = Number(process.env.MARGINALIA_TEST_SSO_ONLY_PORT);
  const base = `http://127.0.0.1:${port}`;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    const app = serverCommand({ port, hostname: "127.0.0.1" });
    server = spawn(app.command, app.args, {
      env: productionServerEnv({ ...process.env, PORT: String(port), NEXTAUTH_URL: base, MARGINALIA_PASSWORD_LOGIN: "0" }),
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    await expect(async () => expect((await fetch(`${base}/api/health/ready`)).status).toBe(200)).toPass({ timeout: 60_000 });
  });

  test.afterAll(() => {
    if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  });

  test("single sign-on only: no password form, password sign-in and registration refused, SSO signs in", async ({ browser }) => {
    const page = await freshPage(browser);
    await page.goto(`${base}/signin`);
    await expect(page.getByRole("button", { name: SSO_BUTTON })).toBeFocused();
    await expect(page.getByLabel("Password")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Create an account" })).toHaveCount(0);
    await expectAccessible(page);
    await page.screenshot({ path: path.join(SHOTS, "signin-sso-only-1440.png"), fullPage: true });

    await page.goto(`${base}/register`);
    await expect(page.getByText(`Accounts here come from ${TEST_SSO.name}`)).toBeVisible();
    await expect(page.getByLabel("Password")).toHaveCount(0);

    // The API refuses passwords too (403), whatever the page shows.
    const headers = { origin: base, "x-forwarded-for": randomAddress() };
    const register = await page.request.post(`${base}/api/register`, {
      headers,
      data: { email: ssoEmail("paula"), name: "Paula", password: "amber lantern quietly 42" },
    });
    expect(register.status()).toBe(403);
    const existing = await newUser("Pat Password");
    const credentials = await page.request.post(`${base}/api/auth/callback/credentials`, {
      headers,
      form: { email: existing.email, password: existing.password, json: "true" },
    });
    expect(credentials.status()).toBe(403);

    await page.goto(`${base}/signin`);
    const email = ssoEmail("sami.cohen");
    await signInWithSso(page, email);
    await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(base);
  });

  test("single sign-on only: the sign-in page on a phone", async ({ browser }) => {
    const page = await freshPage(browser, PHONE);
    await page.goto(`${base}/signin`);
    await expect(page.getByRole("button", { name: SSO_BUTTON })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: path.join(SHOTS, "signin-sso-only-390.png"), fullPage: true });
  });
});

test("single sign-on: the sign-in page on a phone, and the client secret never reaches the browser", async ({ browser }) => {
  const page = await freshPage(browser, PHONE);
  const bodies: string[] = [];
  page.on("response", async (response) => {
    if (/\.(js|css)$|\/signin/.test(new URL(response.url()).pathname)) bodies.push(await response.text().catch(() => ""));
  });
  await page.goto("/signin");
  const button = page.getByRole("button", { name: SSO_BUTTON });
  await expect(button).toBeVisible();
  expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(40);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.screenshot({ path: path.join(SHOTS, "signin-sso-390.png"), fullPage: true });
  // Keyboard: the email field has focus; Shift+Tab reaches the single sign-on button.
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(button).toBeFocused();
  await page.waitForLoadState("networkidle");
  const secret = process.env.OIDC_CLIENT_SECRET!;
  expect(secret.length).toBeGreaterThan(10);
  expect(bodies.length).toBeGreaterThan(1);
  expect(bodies.some((b) => b.includes(secret))).toBe(false);
});
