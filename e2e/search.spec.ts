import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectAccessible, registerViaUi } from "./support/ui";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

test("search from any page with /, see matches highlighted by report, and jump to the passage", async ({ page }) => {
  await registerViaUi(page, "Sami Search");
  await page.getByLabel("Workspace name").fill("Search desk");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name: "Search desk" })).toBeVisible();
  await page.getByRole("link", { name: "Import a report" }).first().click();
  await page.getByRole("radio", { name: "Markdown" }).check({ force: true });
  await page.getByLabel("Report text").fill("# Storage brief\n\nBattery storage grew by 40% in 2022.\n\nقال التقرير إن التخزين سيخفض الأسعار.\n\nInflation kept prices high through the winter.");
  await page.getByRole("button", { name: "Import report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Storage brief" })).toBeVisible({ timeout: 30_000 });

  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox", { name: "Search this workspace" })).toBeFocused();
  await page.keyboard.type("infla");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=infla/);
  const hit = page.getByRole("link", { name: /Report text · ¶ 3/ });
  await expect(hit).toBeVisible();
  await expect(hit.locator("mark")).toHaveText("Inflation");
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "search.png") });

  await page.getByRole("searchbox", { name: "Words to find" }).fill("الأسعار");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByRole("link", { name: /Report text · ¶ 2/ }).locator("mark")).toHaveText("الأسعار");

  await page.getByRole("searchbox", { name: "Words to find" }).fill("zzzz nothing");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByText("Nothing matches “zzzz nothing”")).toBeVisible();

  await page.goBack();
  await page.getByRole("link", { name: /Report text · ¶ 2/ }).click();
  await expect(page).toHaveURL(/#p-2$/);
  await expect(page.getByRole("heading", { level: 1, name: "Storage brief" })).toBeVisible();
});
