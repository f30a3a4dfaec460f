import path from "node:path";
import { createWorkspaceViaUi, expectAccessible, registerViaUi, selectPhraseWithMouse } from "./support/ui";
import { expect, test } from "./support/test";

const SAMPLE = path.join(process.cwd(), "prisma", "seed", "normalization-report-intro.txt");
const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

test("register, create a workspace, import the sample, comment on a phrase, and find it after a reload", async ({ page, browser }) => {
  await registerViaUi(page, "Layla Mansour");
  await expectAccessible(page);

  await createWorkspaceViaUi(page, "Syria desk");
  await expect(page.getByText("No reports yet")).toBeVisible();

  await page.getByRole("link", { name: "Import a report" }).first().click();
  await page.getByLabel("Or upload a file").setInputFiles(SAMPLE);
  await expect(page.getByLabel("Report text")).toHaveValue(/The calamitous earthquake/);
  await page.getByRole("button", { name: "Import report" }).click();

  await expect(page.getByRole("heading", { level: 1, name: /The Political Viability of Rekindling/ })).toBeVisible();
  await expect(page.getByText("Published March 21, 2023")).toBeVisible();
  const text = page.getByTestId("report-text");
  await expect(text.locator("[data-passage-id]")).toHaveCount(4);
  await expect(text.locator("[data-passage-id]").first()).toHaveAttribute("dir", "auto");
  await expect(page.getByRole("link", { name: "Link to paragraph 4" })).toBeVisible();
  const reportUrl = page.url();

  // Comment on a phrase selected with the mouse.
  await selectPhraseWithMouse(page, "poignant humanitarian window");
  await expect(page.getByTestId("selection-toolbar")).toBeVisible();
  await page.getByRole("button", { name: /Comment/ }).click();
  const composer = page.getByTestId("comment-composer");
  await expect(composer).toContainText("poignant humanitarian window");
  await composer.getByRole("textbox", { name: "Comment" }).click();
  await page.keyboard.press("ControlOrMeta+b");
  await page.keyboard.type("Which window?");
  await page.keyboard.press("ControlOrMeta+b");
  await page.keyboard.type(" The report never says.");
  await composer.getByRole("button", { name: "Comment", exact: true }).click();

  const card = page.getByTestId("annotation-card");
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("poignant humanitarian window");
  await expect(card.locator("strong")).toHaveText("Which window?");
  await expect(text.locator(".hl-comment")).toHaveText("poignant humanitarian window");

  // A quick highlight with the keyboard shortcut.
  await selectPhraseWithMouse(page, "underpinned and sponsored by Russia");
  await expect(page.getByTestId("selection-toolbar")).toBeVisible();
  await page.keyboard.press("h");
  await expect(card).toHaveCount(2);

  await page.reload();
  await expect(text.locator(".hl-comment")).toHaveText("poignant humanitarian window");
  await expect(text.locator(".hl-highlight")).toHaveText("underpinned and sponsored by Russia");
  await expect(page.getByTestId("annotation-card")).toHaveCount(2);
  await expect(page.getByTestId("annotation-card").first()).toContainText("The report never says.");

  // Clicking a card focuses its highlight; clicking a highlight focuses its card.
  await page.getByTestId("annotation-card").nth(1).click();
  await expect(text.locator(".hl-focus")).toHaveText("underpinned and sponsored by Russia");
  await text.locator(".hl-comment").click();
  await expect(page.getByTestId("annotation-card").first()).toHaveAttribute("aria-current", "true");

  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "reader-1440.png") });
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "reader-1440-dark.png") });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(SHOTS, "reader-390.png") });
  await page.getByRole("button", { name: /Annotations · 2/ }).click();
  await expect(page.getByRole("complementary", { name: "Annotations" }).getByTestId("annotation-card")).toHaveCount(2);
  await page.screenshot({ path: path.join(SHOTS, "reader-390-sheet.png") });

  // Someone who is not a member gets the 404 page for the same URL.
  const strangerContext = await browser.newContext();
  const stranger = await strangerContext.newPage();
  await registerViaUi(stranger, "Not A Member");
  const res = await stranger.goto(reportUrl);
  expect(res?.status()).toBe(404);
  await expect(stranger.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(stranger.getByText("calamitous")).toHaveCount(0);
  await strangerContext.close();
});

test("a member sees the team's shared comments but not private ones", async ({ page, browser }) => {
  const owner = await registerViaUi(page, "Owner One");
  await createWorkspaceViaUi(page, "Shared reading");
  await page.getByRole("link", { name: "Import a report" }).first().click();
  await page.getByRole("radio", { name: "Markdown" }).check({ force: true });
  await page
    .getByLabel("Report text")
    .fill("# Water report\n\n## Findings\n\nRainfall fell by a third over the decade.\n\n> الماء حق للجميع وليس سلعة.\n");
  await page.getByRole("button", { name: "Import report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Water report" })).toBeVisible();
  const reportUrl = page.url();

  await selectPhraseWithMouse(page, "fell by a third");
  await page.keyboard.press("c");
  await page.getByRole("textbox", { name: "Comment" }).fill("Shared with the team");
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByTestId("annotation-card")).toHaveCount(1);

  await selectPhraseWithMouse(page, "حق للجميع");
  await page.keyboard.press("c");
  await page.getByTestId("comment-composer").getByLabel("Visible to").selectOption("private");
  await page.getByRole("textbox", { name: "Comment" }).fill("Only for me");
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByTestId("annotation-card")).toHaveCount(2);
  await expect(page.getByTestId("annotation-card").nth(1)).toContainText("Only you");
  await expect(page.getByTestId("report-text").locator(".hl-comment").nth(1)).toHaveText("حق للجميع");

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  const colleague = await registerViaUi(other, "Colleague Two");
  await page.goto(page.url().replace(/\/r\/.*$/, "/members"));
  await page.getByLabel("Email").fill(colleague.email);
  await page.getByLabel("Role").selectOption("viewer");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByText("Colleague Two was added as viewer.")).toBeVisible();

  await other.goto(reportUrl);
  await expect(other.getByTestId("annotation-card")).toHaveCount(1);
  await expect(other.getByTestId("annotation-card")).toContainText("Shared with the team");
  await expect(other.getByText("Only for me")).toHaveCount(0);
  // A viewer gets no annotation toolbar.
  await selectPhraseWithMouse(other, "over the decade");
  await expect(other.getByTestId("selection-toolbar")).toHaveCount(0);
  await otherContext.close();
  expect(owner.email).toContain("@");
});
