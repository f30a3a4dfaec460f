import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { colorScheme } from "./support/reader";
import { sessionApi } from "./support/session";
import { createWorkspaceViaUi, expectAccessible, registerViaUi, selectPhraseWithMouse } from "./support/ui";
import { expect, test } from "./support/test";

const SAMPLE = readFileSync(path.join(process.cwd(), "prisma", "seed", "normalization-report-intro.txt"), "utf8");
const ARABIC = readFileSync(path.join(process.cwd(), "lib", "domain", "__fixtures__", "normalization-report-intro.ar.txt"), "utf8");
const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

/** A new editor's workspace with the sample report and its Arabic translation, imported through the API. */
async function sampleWithTranslation(page: Page, name: string) {
  await registerViaUi(page, name);
  const slug = await createWorkspaceViaUi(page, `${name.split(" ")[0]}'s desk`);
  const api = sessionApi(page);
  const ws = await (await api.get(`/api/v1/workspaces/${slug}`)).json();
  const english = await api.post(`/api/v1/workspaces/${ws.id}/reports`, { data: { format: "text", content: SAMPLE } });
  expect(english.status()).toBe(201);
  const englishId = (await english.json()).id as string;
  const arabic = await api.post(`/api/v1/reports/${englishId}/translations`, { data: { format: "text", content: ARABIC, language: "ar" } });
  expect(arabic.status()).toBe(201);
  expect(await arabic.json()).toMatchObject({ language: "ar", passageCount: 4, alignment: { pairs: 4, unaligned: 0 } });
  const arabicId = (await arabic.json()).id as string;
  return { api, english: `/w/${slug}/r/${englishId}`, arabic: `/w/${slug}/r/${arabicId}`, englishId, arabicId };
}

test("read the sample beside its Arabic translation, annotate the Arabic side and see the marker on the English side", async ({ page }) => {
  const { api, english, arabic, englishId } = await sampleWithTranslation(page, "Samira Haddad");
  await page.goto(english);
  const toggle = page.getByTestId("side-by-side-toggle");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  const both = page.getByTestId("side-by-side");
  await expect(both.locator("[data-row]")).toHaveCount(4);
  const theirs = both.locator('[data-side="counterpart"]').first();
  await expect(theirs).toHaveAttribute("dir", "rtl");
  await expect(theirs).toHaveAttribute("lang", "ar");
  await expect(theirs).toContainText("الزلزال المدمّر");
  await expect(both.locator('[data-side="report"]').first()).toHaveAttribute("dir", "ltr");
  await expectAccessible(page);

  // Selecting a phrase on one side shows its aligned passage on the other.
  await selectPhraseWithMouse(page, "poignant humanitarian window");
  await expect(both.locator("[data-row]").first().locator('[data-side="counterpart"]')).toHaveClass(/ring-2/);
  await page.keyboard.press("Escape");

  // The Arabic side, remembered side by side; annotate it there.
  await page.getByRole("link", { name: /الجدوى السياسية/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /الجدوى السياسية/ })).toBeVisible();
  await expect(page.getByTestId("side-by-side-toggle")).toHaveAttribute("aria-pressed", "true");
  const arabicSide = page.getByTestId("side-by-side").locator('[data-side="report"]').first();
  await expect(arabicSide).toHaveAttribute("dir", "rtl");
  await selectPhraseWithMouse(page, "نافذة إنسانية مؤثرة");
  await expect(page.getByTestId("selection-toolbar")).toBeVisible();
  await page.getByRole("button", { name: /Comment/ }).click();
  const composer = page.getByTestId("comment-composer");
  await composer.getByRole("textbox", { name: "Comment" }).click();
  await page.keyboard.type("Is “poignant” in the original?");
  await composer.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByTestId("annotation-card")).toHaveCount(1);
  await expect(arabicSide.locator(".hl-comment")).toHaveText("نافذة إنسانية مؤثرة");
  // The English passage beside it counts it at once.
  const englishMarker = page
    .getByTestId("side-by-side")
    .locator("[data-row]")
    .first()
    .locator('[data-side="counterpart"]')
    .getByTestId("counterpart-marker");
  await expect(englishMarker.getByRole("button", { name: "1 annotation on the Arabic side" })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, "side-by-side-arabic-1440.png") });

  // From the English side: the Arabic highlight beside the text, and the marker opens it.
  await page.goto(english);
  const row = page.getByTestId("side-by-side").locator("[data-row]").first();
  await expect(row.locator('[data-side="counterpart"] .hl-comment')).toHaveText("نافذة إنسانية مؤثرة");
  const marker = row.locator('[data-side="report"]').getByRole("link", { name: "1 annotation on the Arabic side" });
  await expect(marker).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, "side-by-side-1440.png") });
  await colorScheme(page, "dark");
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "side-by-side-dark-1440.png") });
  await colorScheme(page, "light");

  // An editor corrects the alignment from the keyboard: unlink the first row, then link it again.
  const unlink = row.getByRole("group", { name: "Alignment of row 1" }).getByRole("button", { name: "Unlink" });
  await unlink.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("side-by-side").locator("[data-row]")).toHaveCount(5);
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  let saved = await (await api.get(`/api/v1/reports/${englishId}/alignment`)).json();
  expect(saved.pairs).toHaveLength(3);
  expect(saved.unaligned.source).toHaveLength(1);
  const link = page.getByRole("group", { name: "Alignment of row 1" }).getByRole("button", { name: "Link with next row" });
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("side-by-side").locator("[data-row]")).toHaveCount(4);
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  saved = await (await api.get(`/api/v1/reports/${englishId}/alignment`)).json();
  expect(saved.pairs).toHaveLength(4);

  // And with the mouse: unlink the first row again, then drag it by its handle onto the row below.
  const rows = page.getByTestId("side-by-side").locator("[data-row]");
  await rows.first().hover();
  await unlink.click();
  await expect(rows).toHaveCount(5);
  await expect.poll(async () => (await (await api.get(`/api/v1/reports/${englishId}/alignment`)).json()).pairs.length).toBe(3);
  await rows.first().hover();
  // A real mouse drag (Playwright's dragTo moves in one step, which Chromium does not take for the start of a drag).
  const handle = (await page.locator("[data-row-handle='0']").boundingBox())!;
  const below = (await rows.nth(1).boundingBox())!;
  await page.mouse.move(handle.x + 10, handle.y + 10);
  await page.mouse.down();
  await page.mouse.move(handle.x + 20, handle.y + 20, { steps: 5 });
  await page.mouse.move(below.x + 50, below.y + 30, { steps: 10 });
  await page.mouse.up();
  await expect(rows).toHaveCount(4);
  // Saved as the rows show it (the status already said "Saved." for the unlink: ask the API until the PUT is in).
  await expect
    .poll(async () => {
      const a = await (await api.get(`/api/v1/reports/${englishId}/alignment`)).json();
      return [a.pairs.length, a.unaligned.source.length];
    })
    .toEqual([4, 0]);

  // The Markdown export can quote the Arabic passage under each ¶.
  await page.getByRole("button", { name: "Export…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("radio", { name: /Markdown/ }).check();
  await dialog.getByRole("checkbox", { name: "Quote the Arabic passage under each ¶" }).check();
  await dialog.getByText("Address for scripts").click();
  await expect(dialog.getByText(/includeCounterpart=true/).first()).toBeVisible();
  // Word and the printable page offer it too; the Arabic report's printable page quotes the English under its annotated ¶.
  await dialog.getByRole("radio", { name: /Word/ }).check();
  await expect(dialog.getByRole("checkbox", { name: "Quote the Arabic passage under each ¶" })).toBeChecked();
  await page.keyboard.press("Escape");
  await page.goto(`${arabic}/print?includeCounterpart=true`);
  await expect(page.getByText("English, ¶ 1:")).toBeVisible();
  await expect(page.locator('blockquote[lang="en"][dir="ltr"]')).toContainText("poignant humanitarian window");
  await page.goto(english);

  // Search finds both languages and says which side each hit is on.
  await page.goto(`${english.replace(/\/r\/.*$/, "")}/search?q=${encodeURIComponent("الزلزال")}`);
  await expect(page.getByTestId("search-side")).toHaveText(["Arabic translation"]);
  await page.goto(`${english.replace(/\/r\/.*$/, "")}/search?q=earthquake`);
  await expect(page.getByTestId("search-side")).toHaveText(["English original"]);
  await page.goto(english);

  await marker.click();
  await expect(page).toHaveURL(new RegExp(`${arabic}\\?annotation=`));
  await expect(page.getByTestId("annotation-card").first()).toContainText("poignant");

  // So does a click on the Arabic highlight beside the English text.
  await page.goto(english);
  await page.getByTestId("side-by-side").locator('[data-side="counterpart"] .hl-comment').click();
  await expect(page).toHaveURL(new RegExp(`${arabic}\\?annotation=`));
  await expect(page.getByTestId("annotation-card").first()).toContainText("poignant");
});

test("a phone reads one side at a time, with a switch per passage", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const { english } = await sampleWithTranslation(page, "Karim Nassar");
  await page.goto(english);
  await page.getByTestId("side-by-side-toggle").click();
  const row = page.getByTestId("side-by-side").locator("[data-row]").first();
  await expect(row.locator('[data-side="report"]')).toBeVisible();
  await expect(row.locator('[data-side="counterpart"]')).toBeHidden();
  await row.getByRole("button", { name: "Show Arabic" }).click();
  await expect(row.locator('[data-side="counterpart"]')).toBeVisible();
  await expect(row.locator('[data-side="report"]')).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, "side-by-side-390.png") });
  await context.close();
});
