import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import mammoth from "mammoth";
import { createWorkspaceViaUi, expectAccessible, registerViaUi, selectPhraseWithMouse } from "./support/ui";
import { expect, test } from "./support/test";
import { sessionApi } from "./support/session";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");
const REPORT = [
  "# Grid storage and the winter peak",
  "",
  "Battery storage grew by 40% in 2022, yet winter peaks still rely on gas.",
  "",
  "Prices are expected to fall by a fifth before 2030, the authors say.",
].join("\n");

test("the team writes notes, quotes an annotation into them, and exports Markdown, Word and a printable page", async ({
  page,
  context,
}, testInfo) => {
  test.setTimeout(150_000);
  // No collaboration server answering: the notes fall back to saving through the API, with the conflict check.
  // (Co-editing is e2e/notes-live.spec.ts.)
  await page.routeWebSocket(
    (url) => !url.pathname.startsWith("/_next/"),
    (ws) => ws.close(),
  );
  await registerViaUi(page, "Nora Notes");
  await createWorkspaceViaUi(page, "Energy desk");
  await page.getByRole("link", { name: "Import a report" }).first().click();
  await page.getByRole("radio", { name: "Markdown" }).check({ force: true });
  await page.getByLabel("Report text").fill(REPORT);
  await page.getByRole("button", { name: "Import report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Grid storage and the winter peak" })).toBeVisible();
  const reportUrl = page.url();

  // A comment to quote.
  await selectPhraseWithMouse(page, "grew by 40% in 2022");
  await page.getByRole("button", { name: /Comment/ }).click();
  const composer = page.getByTestId("comment-composer");
  await composer.getByRole("textbox", { name: "Comment" }).click();
  await page.keyboard.type("Their own chart says 35%.");
  await composer.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByTestId("annotation-card")).toHaveCount(1);

  // Notes: write, then quote the annotation into them from its card.
  await page.getByRole("tab", { name: "Team notes" }).click();
  const notes = page.getByRole("textbox", { name: "Team notes" });
  await notes.click();
  await page.getByRole("button", { name: "Heading", exact: true }).click();
  await page.keyboard.type("Where we landed");
  await page.keyboard.press("Enter");
  await page.keyboard.type("The growth figure needs a second source.");
  const status = page.getByTestId("notes-status");
  await expect(status).toHaveText("All changes saved", { timeout: 10_000 });

  await page.getByRole("tab", { name: /Annotations/ }).click();
  // On its header: the middle of an open card is one of its actions (Copy citation, Quote in notes…).
  await page.getByTestId("annotation-card").click({ position: { x: 40, y: 16 } });
  await page.getByRole("button", { name: "Quote in notes" }).click();
  await expect(page.getByRole("tab", { name: "Team notes" })).toHaveAttribute("aria-selected", "true");
  await expect(notes.locator("blockquote")).toContainText("grew by 40% in 2022");
  await expect(notes.locator("blockquote a")).toHaveText("¶ 1");
  await expect(notes).toContainText("Their own chart says 35%.");
  await expect(status).toHaveText("All changes saved", { timeout: 10_000 });
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "notes-1440.png") });

  // Saved: a reload shows them.
  await page.reload();
  await page.getByRole("tab", { name: "Team notes" }).click();
  await expect(page.getByRole("textbox", { name: "Team notes" }).locator("h2")).toHaveText("Where we landed");
  await expect(page.getByRole("textbox", { name: "Team notes" }).locator("blockquote")).toContainText("grew by 40% in 2022");

  // Someone else saves meanwhile: nothing is overwritten; both versions are offered.
  const notesUrl = `/api/v1/reports/${reportUrl.split("/r/")[1]}/notes`;
  const current = await (await page.request.get(notesUrl)).json();
  const theirs = await sessionApi(page).put(notesUrl, {
    data: { body: `${current.body}\n\nAdded by a colleague.`, version: current.version },
  });
  expect(theirs.status()).toBe(200);
  const editor = page.getByRole("textbox", { name: "Team notes" });
  await editor.locator("h2").click();
  await page.keyboard.press("End");
  await page.keyboard.type(" (mine)");
  const conflict = page.getByTestId("notes-conflict");
  await expect(conflict).toContainText("Added by a colleague.", { timeout: 10_000 });
  await expect(page.getByTestId("notes-status")).toHaveText("Not saved: choose a version above");
  await page.screenshot({ path: path.join(SHOTS, "notes-conflict.png") });
  await conflict.getByRole("button", { name: "Keep both" }).click();
  await expect(conflict).toBeHidden();
  await expect(page.getByTestId("notes-status")).toHaveText("All changes saved", { timeout: 10_000 });
  const merged = await (await page.request.get(notesUrl)).json();
  expect(merged.body).toContain("Where we landed (mine)");
  expect(merged.body).toContain("Added by a colleague.");
  expect(merged.version).toBe((await theirs.json()).version + 1);

  // Export: Markdown, then Word, through the dialog.
  await page.getByRole("button", { name: "Export…" }).click();
  const dialog = page.getByRole("dialog", { name: "Export annotations" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "export-dialog.png") });
  await dialog.getByRole("radio", { name: /Markdown/ }).check();
  const [mdDownload] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("link", { name: "Download Markdown" }).click()]);
  expect(mdDownload.suggestedFilename()).toMatch(/^grid-storage-and-the-winter-peak-\d{4}-\d{2}-\d{2}\.md$/);
  const md = await readFile((await mdDownload.path())!, "utf8");
  expect(md).toContain("# Grid storage and the winter peak");
  expect(md).toContain("## Team notes\n\n### Where we landed");
  expect(md).toMatch(/> grew by 40% in 2022/);
  expect(md).toContain("Their own chart says 35%.");

  await dialog.getByRole("radio", { name: /Word/ }).check();
  const [docxDownload] = await Promise.all([
    page.waitForEvent("download"),
    dialog.getByRole("link", { name: "Download Word document" }).click(),
  ]);
  expect(docxDownload.suggestedFilename()).toMatch(/\.docx$/);
  const html = (await mammoth.convertToHtml({ buffer: await readFile((await docxDownload.path())!) })).value;
  expect(html).toContain("<h2>Team notes</h2>");
  expect(html).toContain("<h3>Where we landed</h3>");
  expect(html).toContain("Their own chart says 35%.");

  // The printable page opens in a new tab.
  await dialog.getByRole("radio", { name: /Printable page/ }).check();
  const [print] = await Promise.all([context.waitForEvent("page"), dialog.getByRole("link", { name: /Open printable page/ }).click()]);
  await print.waitForLoadState();
  await expect(print.getByRole("heading", { level: 1, name: "Grid storage and the winter peak" })).toBeVisible();
  await expect(print.getByText("Their own chart says 35%.").first()).toBeVisible();
  // The page ends with the report's reference (Chicago author-date).
  await expect(print.getByRole("heading", { level: 2, name: "References" })).toBeVisible();
  await expect(print.getByRole("region", { name: "References" })).toContainText("“Grid Storage and the Winter Peak.”");
  await expectAccessible(print);
  await print.screenshot({ path: path.join(SHOTS, "print-view.png"), fullPage: true });
  await print.emulateMedia({ media: "print" });
  await expect(print.getByRole("button", { name: /Print/ })).toBeHidden();
  await print.screenshot({ path: path.join(SHOTS, "print-view-print-media.png"), fullPage: true });
  expect(page.url()).toBe(reportUrl);

  await print.close();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // Import the JSON-LD export back: the new annotation appears without a reload.
  const jsonld = await page.request.get(`/api/v1/reports/${reportUrl.split("/r/")[1]}/export?format=jsonld`);
  const file = testInfo.outputPath("annotations.jsonld");
  await writeFile(file, await jsonld.body());
  await page.getByRole("tab", { name: /Annotations/ }).click();
  await page.getByRole("button", { name: "Import annotations…" }).click();
  const importDialog = page.getByRole("dialog", { name: "Import annotations" });
  await importDialog.getByLabel("Annotations file").setInputFiles(file);
  await importDialog.getByRole("button", { name: "Import", exact: true }).click();
  await expect(importDialog.getByText("Imported 1 annotation: 1 placed exactly.")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "import-annotations.png") });
  await importDialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("annotation-card")).toHaveCount(2);

  // On a phone the notes are a tab of the bottom sheet.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: /Annotations · 2/ }).click();
  await page.getByRole("tab", { name: "Team notes" }).click();
  await expect(page.getByRole("textbox", { name: "Team notes" })).toContainText("Added by a colleague.");
  await page.screenshot({ path: path.join(SHOTS, "notes-390.png") });
});
