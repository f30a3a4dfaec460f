import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { nestedForms, readerWithReport, selectText, watchNestedForms } from "./support/reader";
import { selectPhraseWithMouse } from "./support/ui";
import { expect, test } from "./support/test";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

/** Marks the document; a page reload (a form submitted natively) loses the mark. */
async function markDocument(page: Page) {
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
}
async function expectSameDocument(page: Page) {
  expect(
    await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument ?? false),
    "the page was reloaded",
  ).toBe(true);
}

/** In an editor with text typed, links `word` to `url` with the Link button, then Apply (a click) or Enter. */
async function linkWord(box: Locator, editor: Locator, word: string, url: string, how: "Apply" | "Enter") {
  await selectText(editor, word);
  // The editor takes the document's selection on the next selectionchange.
  await editor.page().waitForTimeout(50);
  await box.getByRole("button", { name: "Link", exact: true }).click();
  await box.getByLabel("Link address").fill(url);
  if (how === "Apply") await box.getByRole("button", { name: "Apply" }).click();
  else await box.getByLabel("Link address").press("Enter");
}

test("a link added in the composer and in a reply, with Apply and with Enter, keeps the draft and saves a real link", async ({ page }) => {
  await watchNestedForms(page);
  const { url, annotate } = await readerWithReport(page, "Lina Link");
  const dams = await annotate("Upstream dams");
  await page.goto(url);
  await markDocument(page);

  // The composer.
  await selectPhraseWithMouse(page, "fell by a third");
  await page
    .getByTestId("selection-toolbar")
    .getByRole("button", { name: /^Comment/ })
    .click();
  const composer = page.getByTestId("comment-composer");
  const editor = composer.getByRole("textbox", { name: "Comment" });
  await editor.click();
  await page.keyboard.type("The ministry figures ignore the dams entirely.");
  await linkWord(composer, editor, "figures", "example.org/rain", "Apply");
  await expectSameDocument(page);
  await expect(editor).toContainText("The ministry figures ignore the dams entirely.");
  await expect(editor.locator('a[href="https://example.org/rain"]')).toHaveText("figures");
  await linkWord(composer, editor, "dams", "example.org/dams", "Enter");
  await expectSameDocument(page);
  await expect(editor.locator('a[href="https://example.org/dams"]')).toHaveText("dams");
  await page.screenshot({ path: path.join(SHOTS, "composer-link-1440.png") });
  await composer.getByRole("button", { name: "Comment", exact: true }).click();
  const card = page.getByTestId("annotation-card").filter({ hasText: "fell by a third" });
  await expect(card.locator('a[href="https://example.org/rain"]')).toHaveText("figures");
  await expect(card.locator('a[href="https://example.org/dams"]')).toHaveText("dams");

  // A reply.
  await page.locator(`[data-testid="annotation-card"][data-annotation-id="${dams.id}"]`).click();
  const thread = page.getByTestId("thread");
  const reply = thread.getByRole("textbox", { name: "Reply" });
  await reply.click();
  await page.keyboard.type("See the basin survey and the gauge data.");
  await linkWord(thread, reply, "survey", "example.org/survey", "Apply");
  await expectSameDocument(page);
  await expect(reply.locator('a[href="https://example.org/survey"]')).toHaveText("survey");
  await linkWord(thread, reply, "gauge", "example.org/gauge", "Enter");
  await expectSameDocument(page);
  await expect(reply).toContainText("See the basin survey and the gauge data.");
  await thread.getByRole("button", { name: "Reply", exact: true }).click();
  const saved = thread.getByTestId("reply");
  await expect(saved.locator('a[href="https://example.org/survey"]')).toHaveText("survey");
  await expect(saved.locator('a[href="https://example.org/gauge"]')).toHaveText("gauge");
  await expectSameDocument(page);
  expect(await nestedForms(page)).toEqual([]);
});

test("drafts of a comment and of a reply survive a reload, and Esc never throws typed work away", async ({ page }) => {
  const { url, annotate } = await readerWithReport(page, "Dara Draft");
  const dams = await annotate("Upstream dams");
  await page.goto(url);

  // A comment half written, then the page is reloaded (or the browser crashed).
  await selectPhraseWithMouse(page, "fell by a third");
  await page
    .getByTestId("selection-toolbar")
    .getByRole("button", { name: /^Comment/ })
    .click();
  const composer = page.getByTestId("comment-composer");
  await composer.getByRole("textbox", { name: "Comment" }).click();
  await page.keyboard.type("Half a thought about rainfall");
  await page.reload();
  await expect(composer).toContainText("fell by a third");
  await expect(composer.getByRole("textbox", { name: "Comment" })).toContainText("Half a thought about rainfall");

  // Esc with a draft: the composer closes, and Undo brings the draft back.
  await composer.getByRole("textbox", { name: "Comment" }).click();
  await page.keyboard.press("Escape");
  await expect(composer).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(composer.getByRole("textbox", { name: "Comment" })).toContainText("Half a thought about rainfall");
  await composer.getByRole("textbox", { name: "Comment" }).click();
  await page.keyboard.type(", finished.");
  await composer.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByTestId("annotation-card").filter({ hasText: "Half a thought about rainfall, finished." })).toHaveCount(1);
  // Sent: the draft is gone.
  await page.reload();
  await expect(page.getByTestId("annotation-card")).toHaveCount(2);
  await expect(composer).toHaveCount(0);

  // A reply half written survives a reload too, and goes once sent.
  const damsCard = page.locator(`[data-testid="annotation-card"][data-annotation-id="${dams.id}"]`);
  await damsCard.click();
  await page.getByTestId("thread").getByRole("textbox", { name: "Reply" }).click();
  await page.keyboard.type("A reply in progress");
  await page.reload();
  await damsCard.click();
  const reply = page.getByTestId("thread").getByRole("textbox", { name: "Reply" });
  await expect(reply).toContainText("A reply in progress");
  await page.getByTestId("thread").getByRole("button", { name: "Reply", exact: true }).click();
  await expect(page.getByTestId("thread").getByTestId("reply")).toContainText("A reply in progress");
  await page.reload();
  await damsCard.click();
  await expect(page.getByTestId("thread").getByTestId("reply")).toHaveCount(1);
  await expect(page.getByTestId("thread").getByRole("textbox", { name: "Reply" })).not.toContainText("A reply in progress");
});

test("a reply sent while its thread is still loading stays in the thread when the slow read arrives", async ({ page }) => {
  const { url, annotate } = await readerWithReport(page, "Sami Slow");
  const dams = await annotate("Upstream dams");
  await page.goto(url);
  // The thread's first read of its replies is held until the reply has been saved: as on a busy
  // server, it answers after the reply, without it.
  let saved!: () => void;
  const replySaved = new Promise<void>((resolve) => (saved = resolve));
  let heldReads = 0;
  let answeredReads = 0;
  await page.route(`**/api/v1/annotations/${dams.id}/replies*`, async (route) => {
    if (route.request().method() !== "GET" || heldReads > 0) return route.continue();
    heldReads += 1;
    const response = await route.fetch();
    await replySaved;
    await route.fulfill({ response });
    answeredReads += 1;
  });
  page.on("response", (res) => {
    if (res.request().method() === "POST" && res.url().endsWith(`/annotations/${dams.id}/replies`) && res.status() === 201) saved();
  });
  await page.locator(`[data-testid="annotation-card"][data-annotation-id="${dams.id}"]`).click();
  const thread = page.getByTestId("thread");
  await thread.getByRole("textbox", { name: "Reply" }).click();
  await page.keyboard.type("Sent before the thread had loaded");
  await thread.getByRole("button", { name: "Reply", exact: true }).click();
  await expect.poll(() => answeredReads).toBe(1);
  // Its answer reaches the page's script a moment later: give it that moment before looking.
  await page.waitForTimeout(500);
  await expect(thread.getByTestId("reply")).toHaveCount(1);
  await expect(thread.getByTestId("reply")).toContainText("Sent before the thread had loaded");
});

test("no form inside another form in any dialog or editor of the reader", async ({ page }) => {
  await watchNestedForms(page);
  const { url, annotate } = await readerWithReport(page, "Nora Nested");
  const claim = await annotate("Upstream dams", { kind: "claim", body: "", claimSummary: "Dams cut the flow" });
  const comment = await annotate("Farmers in the south");
  await page.goto(url);
  const noNesting = async (where: string) => expect(await page.locator("form form").count(), where).toBe(0);
  const card = (id: string) => page.locator(`[data-testid="annotation-card"][data-annotation-id="${id}"]`);

  // Each kind of composer, with its link box open.
  for (const kind of ["Comment", "Question", "Claim"]) {
    await selectPhraseWithMouse(page, "fell by a third");
    await page
      .getByTestId("selection-toolbar")
      .getByRole("button", { name: new RegExp(`^${kind}`) })
      .click();
    const composer = page.getByTestId("comment-composer");
    await composer.getByRole("button", { name: "Link", exact: true }).click();
    await expect(composer.getByLabel("Link address")).toBeVisible();
    await noNesting(`the ${kind.toLowerCase()} composer`);
    await composer.getByRole("button", { name: "Cancel" }).click();
    await expect(composer).toHaveCount(0);
  }

  // A comment's thread: the reply box and its link box, the edit form and its link box.
  await card(comment.id).click();
  const thread = page.getByTestId("thread");
  await thread.getByRole("textbox", { name: "Reply" }).click();
  await thread.getByRole("button", { name: "Link", exact: true }).click();
  await noNesting("the reply box");
  await thread.getByRole("button", { name: "Edit", exact: true }).click();
  await thread.getByRole("button", { name: "Link", exact: true }).first().click();
  await noNesting("the edit form");
  await thread.getByRole("button", { name: "Cancel" }).click();

  // A claim's stance form.
  await card(claim.id).click();
  await page.getByTestId("thread").getByRole("button", { name: "Note and evidence" }).click();
  await noNesting("the stance form");

  // The dialogs.
  await page.getByRole("button", { name: /^Export/ }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await noNesting("the export dialog");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: /^Import annotations/ }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await noNesting("the import dialog");
  await page.keyboard.press("Escape");
  await page.getByTestId("report-text").click();
  await page.keyboard.press("Escape");
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await noNesting("the keyboard help");
  await page.keyboard.press("Escape");

  // The team notes, with their link box.
  await page.getByRole("tab", { name: "Team notes" }).click();
  const notes = page.locator("#panel-notes");
  await notes.getByRole("button", { name: "Link", exact: true }).click();
  await noNesting("the team notes");

  expect(await nestedForms(page)).toEqual([]);
});

test("a stance note and its evidence, half written, survive a reload and go once saved", async ({ page }) => {
  const { url, annotate } = await readerWithReport(page, "Omar Draft");
  const claim = await annotate("Upstream dams", { kind: "claim", body: "", claimSummary: "Dams cut the flow" });
  await page.goto(url);
  const card = page.locator(`[data-testid="annotation-card"][data-annotation-id="${claim.id}"]`);
  await card.click();
  const thread = page.getByTestId("thread");
  await thread.getByRole("button", { name: "Note and evidence" }).click();
  const form = thread.getByRole("form", { name: "Your note and evidence" });
  await form.getByLabel("Disputes").check();
  await form.getByLabel("Note").fill("No gauge data upstream of the dams.");
  await form.getByLabel(/^Evidence/).fill("¶ 3");

  await page.reload();
  await card.click();
  await expect(form).toBeVisible();
  await expect(form.getByLabel("Disputes")).toBeChecked();
  await expect(form.getByLabel("Note")).toHaveValue("No gauge data upstream of the dams.");
  await expect(form.getByLabel(/^Evidence/)).toHaveValue("¶ 3");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form).toHaveCount(0);
  await expect(thread).toContainText("No gauge data upstream of the dams.");

  // Saved, the draft is gone: the form opens on the saved stance, not on a stale draft.
  await page.reload();
  await card.click();
  await expect(form).toHaveCount(0);
  await thread.getByRole("button", { name: "Note and evidence" }).click();
  await expect(form.getByLabel("Note")).toHaveValue("No gauge data upstream of the dams.");
  await form.getByLabel("Note").fill("Something I will not keep");
  await form.getByRole("button", { name: "Cancel" }).click();
  await page.reload();
  await card.click();
  await expect(form).toHaveCount(0);
});
