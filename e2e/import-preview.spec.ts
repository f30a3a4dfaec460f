import path from "node:path";
import type { Page } from "@playwright/test";
import { sessionApi } from "./support/session";
import { createWorkspaceViaUi, expectAccessible, registerViaUi } from "./support/ui";
import { expect, test } from "./support/test";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

/** An article as it comes when copied from a news site: title, byline, date, body, then the site's footer. */
const ARTICLE = [
  "Water and Power in the Jordan Basin",
  "By Rana Khalil and Thomas Berger",
  "March 4, 2024",
  "",
  "Editor's note: this piece was updated to correct a figure in the third paragraph.",
  "",
  "Three years of drought have cut the flow of the Yarmouk to a third of its average, and the farms of the valley feel it first.",
  "",
  "The desalination plant planned for Aqaba would supply 300 million cubic metres a year, enough for most of Amman's households.",
  "",
  "Critics say the plant's energy costs will fall on the poorest districts, which already pay the most per cubic metre.",
  "",
  "Related articles",
  "Drought deepens across the Levant",
  "Subscribe to our newsletter",
  "© 2024 Levant Review. All rights reserved.",
].join("\n");

async function openImport(page: Page, name: string): Promise<void> {
  await registerViaUi(page, name);
  await createWorkspaceViaUi(page, `${name} desk`);
  await page.getByRole("link", { name: "Import a report" }).first().click();
}

function passageRows(page: Page) {
  return page.getByTestId("preview-passage");
}

test("the import preview removes passages and sets authors from a byline", async ({ page }) => {
  await openImport(page, "Rana Haddad");
  await page.getByLabel("Report text").fill(ARTICLE);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: "Check what we found" })).toBeVisible();

  // The byline, the date line and the footer are read or dropped before anything is stored.
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Water and Power in the Jordan Basin");
  await expect(page.getByLabel("Authors (comma-separated)")).toHaveValue("Rana Khalil, Thomas Berger");
  await expect(page.getByLabel("Publication date")).toHaveValue("2024-03-04");
  const rows = passageRows(page);
  await expect(rows).toHaveCount(4);
  const list = page.getByTestId("preview-passages");
  for (const chrome of ["By Rana Khalil", "Related articles", "Subscribe to our newsletter", "All rights reserved", "Drought deepens"]) {
    await expect(list).not.toContainText(chrome);
  }
  await expect(rows.first()).toContainText("¶ 1");
  await expect(rows.first()).toContainText("Paragraph");

  // Remove the editor's note with the mouse; the summary says what goes, and undo brings it back.
  await rows.first().getByRole("button", { name: "Remove ¶ 1" }).click();
  const summary = page.getByTestId("preview-summary");
  await expect(summary).toContainText("1 passage will be removed: ¶ 1");
  await expect(rows.first().getByRole("button", { name: "Remove ¶ 1" })).toHaveAttribute("aria-pressed", "true");

  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "import-preview-dark.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  await page.screenshot({ path: path.join(SHOTS, "import-preview-1440.png"), fullPage: true });

  await page.getByRole("button", { name: "Import report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Water and Power in the Jordan Basin" })).toBeVisible();
  await expect(page.getByText("Rana Khalil, Thomas Berger")).toBeVisible();
  const text = page.getByTestId("report-text");
  await expect(text.locator("[data-passage-id]")).toHaveCount(3);
  await expect(text).not.toContainText("Editor's note");
  await expect(text).toContainText("Three years of drought");
});

test("the import preview merges, removes and takes metadata from passages with the keyboard alone and on a phone", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await openImport(page, "Sami Cohen");
  const pasted = [
    "Desalination Costs",
    "",
    "Rana Khalil and Thomas Berger",
    "",
    "What a plant on the Red Sea would cost, and who would pay.",
    "",
    "The plant would supply most of the capital's water",
    "",
    "by 2030, if the pipeline is finished on time.",
    "",
    "Its energy costs are the largest unknown in the plan, and nobody has said who will bear them.",
    "",
    "Advertisement: try our premium edition",
  ].join("\n");
  await page.getByLabel("Report text").fill(pasted);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: "Check what we found" })).toBeVisible();
  const rows = passageRows(page);
  await expect(rows).toHaveCount(6);

  // The list is one tab stop: Tab lands on the first row's first action, arrows move inside.
  await page.getByRole("button", { name: "Import report" }).focus();
  await page.keyboard.press("Shift+Tab");
  await expect(rows.first().getByRole("button", { name: "Remove ¶ 1" })).toBeFocused();
  await expect(rows.nth(1).getByRole("button", { name: "Remove ¶ 2" })).toHaveAttribute("tabindex", "-1");
  await page.keyboard.press("ArrowRight");
  await expect(rows.first().getByRole("button", { name: "More actions for ¶ 1" })).toBeFocused();
  // The menu opens on its first item: Merge with next, Use as authors, Use as date, Use as subtitle.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Merge with next" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Authors (comma-separated)")).toHaveValue("Rana Khalil, Thomas Berger");
  await expect(rows.first().getByRole("button", { name: "More actions for ¶ 1" })).toBeFocused();

  // ¶ 2 becomes the subtitle.
  await page.keyboard.press("ArrowDown");
  await expect(rows.nth(1).getByRole("button", { name: "More actions for ¶ 2" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("End");
  await expect(page.getByRole("menuitem", { name: "Use as subtitle" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Subtitle")).toHaveValue("What a plant on the Red Sea would cost, and who would pay.");

  // ¶ 3 and ¶ 4 are one sentence split in two.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");

  // The advertisement goes, with a tap.
  await rows.nth(5).getByRole("button", { name: "Remove ¶ 6" }).tap();

  const summary = page.getByTestId("preview-summary");
  await expect(summary).toContainText("¶ 1 becomes the authors");
  await expect(summary).toContainText("¶ 2 becomes the subtitle");
  await expect(summary).toContainText("¶ 3 and ¶ 4 become one passage");
  await expect(summary).toContainText("1 passage will be removed: ¶ 6");

  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "import-preview-390.png"), fullPage: true });

  await page.getByRole("button", { name: "Import report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Desalination Costs" })).toBeVisible();
  await expect(page.getByText("What a plant on the Red Sea would cost")).toBeVisible();
  const text = page.getByTestId("report-text");
  await expect(text.locator("[data-passage-id]")).toHaveCount(2);
  await expect(text.locator("[data-passage-id]").first()).toHaveText(
    /The plant would supply most of the capital's water by 2030, if the pipeline is finished on time\./,
  );
  await expect(text).not.toContainText("Advertisement");
  await context.close();
});

test("the reader shows the bold, italics, links and list numbers of a Markdown brief", async ({ page }) => {
  await registerViaUi(page, "Layla Nasser");
  const slug = await createWorkspaceViaUi(page, "Brief desk");
  const brief = [
    "# Brief: Water prices",
    "",
    "**Date:** 12 March 2024",
    "",
    "Tariffs rose **sharply** in _three_ governorates, says [the ministry](https://example.org/tariffs).",
    "",
    "3. First, publish the tariff table.",
    "4. Then, fund the poorest districts.",
  ].join("\n");
  const api = sessionApi(page);
  const res = await api.post(`/api/v1/workspaces/${slug}/reports`, { data: { format: "markdown", content: brief } });
  expect(res.status()).toBe(201);
  const { id, publishedAt } = (await res.json()) as { id: string; publishedAt: string };
  expect(publishedAt).toBe("2024-03-12");

  await page.goto(`/w/${slug}/r/${id}`);
  const text = page.getByTestId("report-text");
  await expect(text.locator("strong")).toHaveText("sharply");
  await expect(text.locator("em")).toHaveText("three");
  const link = text.locator("a[href='https://example.org/tariffs']");
  await expect(link).toHaveText("the ministry");
  await expect(text.locator("ol").first()).toHaveAttribute("start", "3");
  await expect(text).not.toContainText("**");
  await expect(text).not.toContainText("Date:");
  await page.screenshot({ path: path.join(SHOTS, "reader-markdown-marks.png") });
});
