import path from "node:path";
import { WATER_REPORT } from "./support/fixtures";
import { colorScheme, readerWithReport } from "./support/reader";
import { expectAccessible } from "./support/ui";
import { expect, test } from "./support/test";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

/** The water report with forty paragraphs before its last one, so the last annotation is far down the page. */
const LONGER = WATER_REPORT.replace(
  "Farmers in the south",
  `${Array.from({ length: 40 }, (_, i) => `Background paragraph ${i + 1} on the history of the basin, with nothing in it that anyone annotated.`).join("\n\n")}\n\nFarmers in the south`,
);

test("j j k moves the focus from card to card and never into an editor; r replies, Esc closes from inside the reply, Enter opens, ? lists the keys", async ({
  page,
}) => {
  const { url, annotate } = await readerWithReport(page, "Kai Keys", { content: LONGER });
  const rain = await annotate("fell by a third");
  const dams = await annotate("Upstream dams");
  const farmers = await annotate("Farmers in the south");
  await page.goto(url);
  const text = page.getByTestId("report-text");
  await text.waitFor();
  const card = (id: string) => page.locator(`[data-testid="annotation-card"][data-annotation-id="${id}"]`);

  await page.keyboard.press("j");
  await expect(card(rain.id)).toBeFocused();
  await expect(card(rain.id)).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("j");
  await expect(card(dams.id)).toBeFocused();
  await page.keyboard.press("k");
  await expect(card(rain.id)).toBeFocused();
  await expect(card(rain.id)).toHaveAttribute("aria-current", "true");

  // Far down the page: both the card and its highlight are brought into view.
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(card(farmers.id)).toBeFocused();
  await expect(card(farmers.id)).toBeInViewport();
  await expect(text.locator(`[data-annotation-id="${farmers.id}"]`)).toBeInViewport();
  await page.keyboard.press("k");
  await expect(card(dams.id)).toBeFocused();
  await expect(card(dams.id)).toBeInViewport();
  await expect(text.locator(`[data-annotation-id="${dams.id}"]`)).toBeInViewport();

  // r writes a reply to the focused card; Esc from inside the reply closes the card and keeps the draft.
  await page.keyboard.press("r");
  const reply = card(dams.id).getByRole("textbox", { name: "Reply" });
  await expect(reply).toBeFocused();
  await page.keyboard.type("Started with r");
  await page.keyboard.press("Escape");
  await expect(card(dams.id).getByTestId("thread")).toHaveCount(0);
  await expect(card(dams.id)).toBeFocused();
  // j after Esc goes on from that card.
  await page.keyboard.press("j");
  await expect(card(farmers.id)).toBeFocused();
  await page.keyboard.press("k");
  await expect(card(dams.id)).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(card(dams.id).getByTestId("thread")).toHaveCount(0);
  // Enter opens it again, the focus staying on the card, and the reply waits where it was left.
  await page.keyboard.press("Enter");
  await expect(card(dams.id).getByTestId("thread")).toBeVisible();
  await expect(card(dams.id)).toBeFocused();
  await expect(reply).toContainText("Started with r");

  // ? shows the shortcuts.
  await page.keyboard.press("Escape");
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help).toContainText("Next annotation");
  await expect(help).toContainText("Reply");
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "keyboard-help-1440.png") });
  await colorScheme(page, "dark");
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "keyboard-help-1440-dark.png") });
  await colorScheme(page, "light");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
});

test("a keyboard-only user reaches the text, selects a phrase with the caret and comments on it", async ({ page }) => {
  const { url, report, annotate } = await readerWithReport(page, "Kim Keyboard");
  const dams = await annotate("Upstream dams");
  await page.goto(url);
  const text = page.getByTestId("report-text");
  await text.waitFor();

  // Tab reaches the text; no ¶ number on the way, and the text is one stop.
  const isText = () => text.evaluate((el) => el === document.activeElement);
  for (let i = 0; i < 40 && !(await isText()); i++) {
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("passage-number"))).toBe(false);
  }
  await expect(text).toBeFocused();

  // The ¶ numbers are one tab stop after the text, with the arrow keys inside.
  await expect(text.locator('.passage-number[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Link to paragraph 1", exact: true })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("link", { name: "Link to paragraph 2", exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.classList.contains("passage-number"))).toBe(false);
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("link", { name: "Link to paragraph 2", exact: true })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(text).toBeFocused();

  // The caret starts at the beginning of the text; Shift with the arrows selects, word by word.
  const first = report.passages[0].text;
  const twoWords = first.split(" ").slice(0, 2).join(" ");
  await page.keyboard.press("Control+Shift+ArrowRight");
  await page.keyboard.press("Control+Shift+ArrowRight");
  expect((await page.evaluate(() => document.getSelection()?.toString() ?? "")).trim()).toBe(twoWords);
  await expect(page.getByTestId("selection-toolbar")).toBeVisible();
  await page.keyboard.press("c");
  const composer = page.getByTestId("comment-composer");
  await expect(composer).toContainText(twoWords);
  await expect(composer.getByRole("textbox", { name: "Comment" })).toBeFocused();
  await page.keyboard.type("Written without a mouse.");
  await page.keyboard.press("Control+Enter");
  const created = page.getByTestId("annotation-card").filter({ hasText: "Written without a mouse." });
  await expect(created).toHaveCount(1);
  await expect(created).toContainText(twoWords);
  await expect(text.locator(".hl-comment").first()).toHaveText(twoWords);

  // Highlights are focusable, and a focused highlight opens its card.
  const damsHighlight = text.locator(`[data-annotation-id="${dams.id}"]`);
  await expect(damsHighlight).toHaveAttribute("tabindex", "-1");
  await damsHighlight.focus();
  await expect(page.locator(`[data-testid="annotation-card"][data-annotation-id="${dams.id}"]`)).toHaveAttribute("aria-current", "true");
  await page.screenshot({ path: path.join(SHOTS, "keyboard-comment-1440.png") });
});

test("h and c pressed the moment a selection is made take that selection, not the one the toolbar still shows", async ({ page }) => {
  const { url, report } = await readerWithReport(page, "Quinn Quick");
  await page.goto(url);
  const text = page.getByTestId("report-text");
  await text.waitFor();
  await text.focus();

  // Shift+arrows and then `h` at once: the toolbar waits for the selection to settle, the key does not.
  const twoWords = report.passages[0].text.split(" ").slice(0, 2).join(" ");
  await page.keyboard.press("Control+Shift+ArrowRight");
  await page.keyboard.press("Control+Shift+ArrowRight");
  await page.keyboard.press("h");
  await expect(text.locator(".hl-highlight")).toHaveText([twoWords]);

  // A selection grown by one more word just before `c`: the comment quotes both words, not the one the toolbar showed.
  await text.focus();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Control+Shift+ArrowLeft");
  await expect(page.getByTestId("selection-toolbar")).toBeVisible();
  const selectedNow = async () => (await page.evaluate(() => document.getSelection()?.toString() ?? "")).trim();
  const oneWord = await selectedNow();
  await page.keyboard.press("Control+Shift+ArrowLeft");
  const twoLast = await selectedNow();
  expect(twoLast.length).toBeGreaterThan(oneWord.length);
  await page.keyboard.press("c");
  await expect(page.getByTestId("comment-composer")).toContainText(twoLast);
});
