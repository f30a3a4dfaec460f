import path from "node:path";
import type { Page } from "@playwright/test";
import { query } from "../lib/testing/db";
import { createWorkspaceViaUi, expectAccessible, registerViaUi, selectPhraseWithMouse } from "./support/ui";
import { expect, test } from "./support/test";
import { sessionApi } from "./support/session";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");
const PASSAGES = 400;

/** A long report: the passages are imported through the API, the annotations written straight into the database (two per passage). */
async function longReport(page: Page, name: string, workspace: string) {
  await registerViaUi(page, name);
  const slug = await createWorkspaceViaUi(page, workspace);
  const api = sessionApi(page);
  const ws = await (await api.get(`/api/v1/workspaces/${slug}`)).json();
  const me = await (await api.get("/api/v1/me")).json();
  const paragraphs = Array.from(
    { length: PASSAGES - 1 },
    (_, i) => `Passage number ${i + 2} says the water table fell again in the northern basin this year.`,
  );
  const imported = await (
    await api.post(`/api/v1/workspaces/${ws.id}/reports`, {
      data: { format: "text", content: `Long report\n\n${paragraphs.join("\n\n")}` },
    })
  ).json();
  const inserted = await query(
    `INSERT INTO annotations (id, report_id, passage_id, author_id, kind, visibility, body, start, "end", quote, prefix, suffix, updated_at)
     SELECT $3 || '-' || p.index || '-' || g, p.report_id, p.id, $2, 'comment', 'workspace', 'Note ' || p.index || '.' || g,
            g * 8, g * 8 + 7, substr(p.text, g * 8 + 1, 7), '', '', now()
     FROM passages p CROSS JOIN generate_series(0, 1) g WHERE p.report_id = $1 AND length(p.text) >= 20
     RETURNING id`,
    [imported.id, me.id, `e2e-${slug}`],
  );
  const total = inserted.length;
  expect(total).toBeGreaterThanOrEqual((PASSAGES - 1) * 2);
  return { slug, reportId: imported.id as string, total, idPrefix: `e2e-${slug}` };
}

test("a long report: every highlight arrives, the sidebar renders only the cards in view and follows the text", async ({ page }) => {
  test.setTimeout(120_000);
  const { slug, reportId, total, idPrefix } = await longReport(page, "Lena Long", "Long desk");
  const api = sessionApi(page);
  const imported = { id: reportId };

  await page.goto(`/w/${slug}/r/${imported.id}`);
  const text = page.getByTestId("report-text");
  // The first page of cards comes with the page, and every highlight with the text; the other cards are read in the background.
  await expect(text.locator(".hl[data-annotation-id]")).toHaveCount(total, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: `Annotations ${total}` })).toBeVisible();
  await expect(page.getByText("loading more…")).toHaveCount(0);

  // Hundreds of annotations, a few dozen cards in the DOM.
  const cards = page.getByTestId("annotation-card");
  const rendered = await cards.count();
  expect(rendered).toBeGreaterThan(3);
  expect(rendered).toBeLessThan(40);
  await expect(cards.first()).toHaveAttribute("aria-label", /^Comment by Lena Long on paragraph [12]$/);

  // The list follows the text: scrolled to ¶ 250, the cards of ¶ 250 come to the top.
  await page.locator("#p-250").evaluate((el) => el.scrollIntoView({ block: "start" }));
  await expect(page.getByTestId("annotation-list").getByLabel("Comment by Lena Long on paragraph 250").first()).toBeVisible();

  // A highlight deep in the report opens its card, which was not rendered before.
  await page.locator("#p-371").evaluate((el) => el.scrollIntoView({ block: "center" }));
  await text.locator(`[data-annotation-id="${idPrefix}-371-1"]`).click();
  const card = page.locator(`[data-testid="annotation-card"][data-annotation-id="${idPrefix}-371-1"]`);
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute("aria-current", "true");
  await expect(card).toContainText("Note 371.1");
  // j moves on in reading order, to a card the list brings into view.
  await card.focus();
  await page.keyboard.press("j");
  await expect(page.locator(`[data-testid="annotation-card"][data-annotation-id="${idPrefix}-372-0"]`)).toHaveAttribute(
    "aria-current",
    "true",
  );
  await page.screenshot({ path: path.join(SHOTS, "long-report.png") });
  await expectAccessible(page);

  // The API hands the list out in pages: 100 by default, each annotation once.
  const first = await (await api.get(`/api/v1/reports/${imported.id}/annotations`)).json();
  expect(first.annotations).toHaveLength(100);
  expect(first.nextCursor).toEqual(expect.any(String));
});

test("a long report paints every highlight with the text, before the cards have arrived", async ({ page }) => {
  test.setTimeout(120_000);
  const { slug, reportId, total, idPrefix } = await longReport(page, "Hana Held", "Held desk");
  // The pages of cards after the first are held back until the end of the test.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/v1/reports/${reportId}/annotations?**`, async (route) => {
    await held;
    await route.continue();
  });

  await page.goto(`/w/${slug}/r/${reportId}`);
  const text = page.getByTestId("report-text");
  await expect(text.locator(".hl[data-annotation-id]")).toHaveCount(total, { timeout: 30_000 });
  await expect(page.getByText("loading more…")).toBeVisible();
  // Only the first page's cards are in: the list's count is below the highlights'.
  await expect(page.getByRole("heading", { name: `Annotations ${total}` })).toHaveCount(0);

  // A highlight deep in the text, whose card has not arrived, opens its card all the same.
  await page.locator("#p-380").evaluate((el) => el.scrollIntoView({ block: "center" }));
  await text.locator(`[data-annotation-id="${idPrefix}-380-0"]`).click();
  const card = page.locator(`[data-testid="annotation-card"][data-annotation-id="${idPrefix}-380-0"]`);
  await expect(card).toContainText("Note 380.0");
  await expect(card).toHaveAttribute("aria-current", "true");
  await page.screenshot({ path: path.join(SHOTS, "long-report-loading.png") });

  // Once the cards arrive, the list has them all, and the highlights are still each there once.
  release();
  await expect(page.getByRole("heading", { name: `Annotations ${total}` })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("loading more…")).toHaveCount(0);
  await expect(text.locator(".hl[data-annotation-id]")).toHaveCount(total);
});

test("a link to a passage deep in a long report lands there, and stays there once everything has loaded", async ({ page }) => {
  test.setTimeout(120_000);
  const { slug, reportId } = await longReport(page, "Lior Link", "Link desk");
  await page.goto(`/w/${slug}/r/${reportId}#p-350`);
  await expect(page.getByRole("heading", { name: /^Annotations \d+/ }).first()).toBeVisible();
  await expect(page.getByText("loading more…")).toHaveCount(0, { timeout: 30_000 });
  // The text's DOM is swapped for the editor's and laid out anew meanwhile: ¶ 350 must still be the one at the top.
  const top = () => page.locator("#p-350").evaluate((el) => el.getBoundingClientRect().top);
  await expect.poll(top).toBeGreaterThanOrEqual(0);
  expect(await top()).toBeLessThan(200);
});

test("a long report, read without an editor, is annotated like a short one: a phrase selected with the mouse gets a comment", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { slug, reportId } = await longReport(page, "Sami Select", "Select desk");
  await page.goto(`/w/${slug}/r/${reportId}`);
  const text = page.getByTestId("report-text");
  await expect(page.getByText("loading more…")).toHaveCount(0, { timeout: 30_000 });

  // In ¶ 1, "Passage" and "number " are highlighted; the phrase comes after them, in the same passage.
  await selectPhraseWithMouse(page, "says the water table");
  await expect(page.getByTestId("selection-toolbar")).toBeVisible();
  await page.getByRole("button", { name: /Comment/ }).click();
  const composer = page.getByTestId("comment-composer");
  await expect(composer).toContainText("says the water table");
  await composer.getByRole("textbox", { name: "Comment" }).fill("Which basin?");
  await composer.getByRole("button", { name: "Comment", exact: true }).click();

  const card = page.getByTestId("annotation-card").filter({ hasText: "Which basin?" });
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute("aria-label", "Comment by Sami Select on paragraph 1");
  await expect(card).toContainText("says the water table");
  await expect(text.locator(".hl-comment", { hasText: /^says the water table$/ })).toHaveCount(1);
  // Anchored where the words are: "Passage number 2 " is 17 characters.
  const { annotations } = await (await page.request.get(`/api/v1/reports/${reportId}/annotations?limit=500`)).json();
  const mine = annotations.find((a: { body: string }) => a.body.includes("Which basin?"));
  expect([mine.start, mine.end, mine.quote]).toEqual([17, 37, "says the water table"]);
});
