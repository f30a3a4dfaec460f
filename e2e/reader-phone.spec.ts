import path from "node:path";
import { colorScheme, readerWithReport, selectText } from "./support/reader";
import { expectAccessible } from "./support/ui";
import { expect, test } from "./support/test";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

test("on a phone: nothing is wider than the screen, a tap on a highlight opens its card, a touch selection shows the toolbar, search is there", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const { url, annotate } = await readerWithReport(page, "Pia Phone", { workspace: "Regional Water Security Desk" });
  const dams = await annotate("Upstream dams", { body: "Which dams? The report names none." });
  await page.goto(url);
  const text = page.getByTestId("report-text");
  await text.waitFor();

  // No horizontal scrolling on any common phone width (with a workspace's long name in the top bar), and the account menu is whole.
  for (const width of [360, 390, 430]) {
    await page.setViewportSize({ width, height: 844 });
    const [scrollWidth, clientWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scrollWidth, `page width at ${width} px`).toBe(clientWidth);
    await expect(page.getByRole("button", { name: /^Account menu/ })).toBeInViewport({ ratio: 1 });
  }
  await page.setViewportSize({ width: 390, height: 844 });

  // A tap on a highlight opens its card in the bottom sheet.
  await text.locator(`[data-annotation-id="${dams.id}"]`).tap();
  const sheet = page.getByRole("complementary", { name: "Annotations" });
  const card = sheet.locator(`[data-testid="annotation-card"][data-annotation-id="${dams.id}"]`);
  await expect(card).toHaveAttribute("aria-current", "true");
  await expect(card).toBeInViewport();
  await expect(card).toContainText("Which dams?");
  await page.screenshot({ path: path.join(SHOTS, "phone-sheet-390.png") });
  await sheet.getByRole("button", { name: /^Annotations · / }).tap();
  await expect(card).toHaveCount(0);

  // A selection made by touch (the system's handles, no mouse events) brings the toolbar, on the screen.
  await text.getByText("Farmers in the south").tap();
  await selectText(text, "left their land");
  const toolbar = page.getByTestId("selection-toolbar");
  await expect(toolbar).toBeVisible();
  const box = (await toolbar.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  // Every button whole on the screen (none cut off at the toolbar's edge), and big enough for a thumb.
  expect(await toolbar.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  for (const button of await toolbar.getByRole("button").all()) {
    const b = (await button.boundingBox())!;
    expect(b.height).toBeGreaterThanOrEqual(44);
    expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width);
    expect(await button.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  }
  await page.screenshot({ path: path.join(SHOTS, "phone-toolbar-390.png") });
  await toolbar.getByRole("button", { name: /^Comment/ }).tap();
  const composer = page.getByTestId("comment-composer");
  await expect(composer).toContainText("left their land");
  await composer.getByRole("textbox", { name: "Comment" }).tap();
  await page.keyboard.type("Written on a phone.");
  await composer.getByRole("button", { name: "Comment", exact: true }).tap();
  await expect(sheet.getByTestId("annotation-card").filter({ hasText: "Written on a phone." })).toHaveCount(1);
  await expectAccessible(page);
  await colorScheme(page, "dark");
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "phone-reader-390-dark.png") });
  await colorScheme(page, "light");

  // Search is reachable from the top bar.
  await page.getByRole("link", { name: "Search" }).tap();
  await expect(page).toHaveURL(/\/search/);
  const query = page.getByRole("searchbox").last();
  await query.fill("rainfall");
  await query.press("Enter");
  await expect(page.getByText(/fell by a third/).first()).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, "phone-search-390.png") });
  const [scrollWidth, clientWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scrollWidth, "search page width").toBe(clientWidth);
  await context.close();
});
