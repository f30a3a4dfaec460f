import { expectAccessible, registerViaUi } from "./support/ui";
import { expect, test } from "./support/test";

test("pages need a session; sign out and sign back in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await expectAccessible(page);

  const { email, password } = await registerViaUi(page, "Sami Cohen");
  // A click that lands before the menu has hydrated does nothing: try again until it opens.
  await expect(async () => {
    await page.getByRole("button", { name: /Account menu/ }).click();
    await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
});

test("a personal access token created on the settings page works with the API", async ({ page, request }) => {
  await registerViaUi(page, "Token Maker");
  await page.goto("/settings");
  await expect(page.getByText("No tokens yet")).toBeVisible();
  await page.getByLabel("Token name").fill("CI script");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^mgl_/);
  const me = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).name).toBe("Token Maker");
  await page.getByRole("button", { name: "Revoke token CI script" }).click();
  await expect(page.getByText("No tokens yet")).toBeVisible();
  expect((await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
});
