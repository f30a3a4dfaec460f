import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./support/test";
import { randomAddress } from "../lib/testing/api";
import { createWorkspaceViaUi, expectAccessible, registerViaUi } from "./support/ui";

/** A page on another port of the same host: same site (the Lax cookie goes along), another origin. */
async function serveAttackerPage(html: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

test("a page on another port cannot write as the signed-in user (no workspace, no token, no import)", async ({ page, baseURL }) => {
  await registerViaUi(page, "Cross Site Target");
  const slug = await createWorkspaceViaUi(page, "Targeted team");
  const before = (await (await page.request.get("/api/v1/workspaces")).json()).workspaces.length;
  const app = new URL(baseURL!).origin;
  const { url, server } = await serveAttackerPage(`<!doctype html><title>Free report</title>
    <form id="upload" method="post" enctype="multipart/form-data" action="${app}/api/v1/workspaces/${slug}/reports">
      <input type="hidden" name="title" value="Planted">
      <input type="file" name="file">
    </form>
    <script>
      const json = (path, body) => fetch("${app}" + path, { method: "POST", credentials: "include", mode: "no-cors", body: JSON.stringify(body) });
      Promise.all([
        json("/api/v1/workspaces", { name: "Planted by another site" }),
        json("/api/v1/tokens", { name: "planted" }),
      ]).finally(() => { document.title = "sent"; });
    </script>`);
  try {
    await page.goto(url);
    await expect(page).toHaveTitle("sent");
    // A multipart form: the type the import endpoint takes, so only the origin check stands in its way.
    await page.evaluate(() => (document.getElementById("upload") as HTMLFormElement).submit());
    await expect(page.getByText("cross_origin")).toBeVisible();
  } finally {
    server.close();
  }
  const after = (await (await page.request.get("/api/v1/workspaces")).json()).workspaces;
  expect(after.length).toBe(before);
  expect(after.map((w: { name: string }) => w.name)).not.toContain("Planted by another site");
  const tokens = await (await page.request.get("/api/v1/tokens")).json();
  expect(tokens.tokens.map((t: { name: string }) => t.name)).not.toContain("planted");
  const reports = await (await page.request.get(`/api/v1/workspaces/${slug}/reports`)).json();
  expect(reports.reports).toHaveLength(0);
  // The app's own pages still write.
  await page.goto("/");
  await page.getByLabel("Workspace name").fill("Made here");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name: "Made here" })).toBeVisible();
});

for (const target of ["/%5Cevil.example/x", "/%09/evil.example/x", "//evil.example/x", "https://evil.example/x", "/\\\\evil.example"]) {
  test(`sign-in with callbackUrl=${target} stays on the site`, async ({ page, baseURL }) => {
    const { email, password } = await registerViaUi(page, "Redirect Tester");
    await page.context().clearCookies();
    await page.goto(`/signin?callbackUrl=${target}`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(new URL(page.url()).pathname).toBe("/");
  });
}

test("before any script runs, the sign-in and register forms post: no password in a URL", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": randomAddress() } });
  const page = await context.newPage();
  const sent: { method: string; url: string }[] = [];
  page.on("request", (r) => {
    if (r.isNavigationRequest()) sent.push({ method: r.method(), url: r.url() });
  });
  for (const path of ["/signin", "/register"]) {
    await page.goto(path);
    if (path === "/register") await page.getByLabel("Name").fill("No Script");
    await page.getByLabel("Email").fill("no-script@test.local");
    await page.getByLabel("Password").fill("secret-password-in-the-url");
    await page.getByLabel("Password").press("Enter");
    await page.waitForLoadState();
    const submitted = sent.at(-1)!;
    expect(submitted.method, path).toBe("POST");
    expect(page.url()).not.toContain("secret-password");
    expect(sent.every((r) => !r.url.includes("secret-password"))).toBe(true);
  }
  await context.close();
});

test("settings: change the password, see where you are signed in, sign out one device and then everywhere", async ({ page, browser }) => {
  const { email, password } = await registerViaUi(page, "Settings Keeper");
  // A second browser: the "other device".
  const phone = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": randomAddress() },
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  });
  const phonePage = await phone.newPage();
  await phonePage.goto("/signin");
  await phonePage.getByLabel("Email").fill(email);
  await phonePage.getByLabel("Password").fill(password);
  await phonePage.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(phonePage.getByRole("heading", { name: "Your workspaces" })).toBeVisible();

  await page.goto("/settings");
  const sessions = page.getByRole("list", { name: "Signed-in sessions" });
  await expect(sessions.getByRole("listitem")).toHaveCount(2);
  await expect(sessions.getByText("This browser")).toBeVisible();
  await expect(sessions.getByText("Safari on iOS")).toBeVisible();
  await expectAccessible(page);

  // A guessable new password is refused under its field, with the reason.
  await page.getByLabel("Current password").fill(password);
  await page.getByLabel("New password").fill("password1234");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/easy to guess/)).toBeVisible();
  await page.getByLabel("New password").fill("cedar window morning 58");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/Your password is changed, and you were signed out everywhere else \(1 session\)/)).toBeVisible();
  await phonePage.reload();
  await expect(phonePage).toHaveURL(/\/signin/);

  await page.reload();
  await expect(sessions.getByRole("listitem")).toHaveCount(1);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/signin/);
  await phone.close();
});
