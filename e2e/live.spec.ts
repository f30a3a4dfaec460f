import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { WATER_REPORT } from "./support/fixtures";
import { createWorkspaceViaUi, expectAccessible, registerViaUi, selectPhraseWithMouse } from "./support/ui";
import { expect, test } from "./support/test";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");
const REPORT = WATER_REPORT;

async function person(browser: Browser, name: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const account = await registerViaUi(page, name);
  return { page, ...account, close: () => context.close() };
}

async function comment(page: Page, phrase: string, text: string) {
  await selectPhraseWithMouse(page, phrase);
  await page.getByRole("button", { name: /Comment/ }).click();
  const composer = page.getByTestId("comment-composer");
  await composer.getByRole("textbox", { name: "Comment" }).click();
  await page.keyboard.type(text);
  return composer;
}

test("two readers see each other and each other's annotations live, without reloading", async ({ browser }) => {
  test.setTimeout(150_000);
  const alice = await person(browser, "Alice Analyst");
  const bob = await person(browser, "Bob Brennan");

  const slug = await createWorkspaceViaUi(alice.page, "Water desk");
  await alice.page.goto(`/w/${slug}/members`);
  await alice.page.getByLabel("Email").fill(bob.email);
  await alice.page.getByLabel("Role").selectOption("annotator");
  await alice.page.getByRole("button", { name: "Add member" }).click();
  await expect(alice.page.getByText(/was added as/)).toBeVisible();
  await alice.page.goto(`/w/${slug}/import`);
  await alice.page.getByRole("radio", { name: "Markdown" }).check({ force: true });
  await alice.page.getByLabel("Report text").fill(REPORT);
  await alice.page.getByRole("button", { name: "Import report" }).click();
  await expect(alice.page.getByRole("heading", { level: 1, name: "Water and conflict" })).toBeVisible({ timeout: 30_000 });
  const reportUrl = alice.page.url();

  await bob.page.goto(reportUrl);
  await expect(bob.page.getByRole("heading", { level: 1, name: "Water and conflict" })).toBeVisible();

  // Presence: each sees the other.
  await expect(alice.page.getByRole("group", { name: /Also reading now: Bob Brennan/ })).toBeVisible({ timeout: 15_000 });
  await expect(bob.page.getByRole("group", { name: /Also reading now: Alice Analyst/ })).toBeVisible({ timeout: 15_000 });
  await expect(bob.page.getByTestId("reading-now")).toContainText("Live");

  // Bob is half-way through a comment of his own when Alice's arrives.
  const bobComposer = await comment(bob.page, "left their land", "Half-written thought");

  const aliceComposer = await comment(alice.page, "fell by a third", "Ministry figures only.");
  await aliceComposer.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(alice.page.getByTestId("annotation-card")).toHaveCount(1);

  const arrived = bob.page.locator('[data-testid="annotation-card"][data-new="true"]');
  await expect(arrived).toHaveCount(1, { timeout: 15_000 });
  await expect(arrived).toContainText("Ministry figures only.");
  await expect(arrived).toContainText("New");
  await expect(bob.page.locator("[data-annotation-id]").filter({ hasText: "fell by a third" }).first()).toBeVisible();
  // Bob's draft is untouched.
  await expect(bobComposer.getByRole("textbox", { name: "Comment" })).toHaveText("Half-written thought");
  await expectAccessible(bob.page);
  await bob.page.screenshot({ path: path.join(SHOTS, "live-bob.png") });

  // Bob finishes; Alice sees his arrive too, and his reply to her shows in her open thread.
  await bobComposer.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(alice.page.locator('[data-testid="annotation-card"][data-new="true"]')).toContainText("Half-written thought", {
    timeout: 15_000,
  });
  await bob.page.locator('[data-testid="annotation-card"][data-new="true"]').click();
  await expect(bob.page.locator('[data-testid="annotation-card"][data-new="true"]')).toHaveCount(0);
  const thread = bob.page.getByTestId("thread");
  await thread.getByRole("textbox", { name: "Reply" }).click();
  await bob.page.keyboard.type("Agreed, ask for the raw data.");
  await thread.getByRole("button", { name: "Reply", exact: true }).click();
  // Alice has her annotation open: the reply appears in its thread as it is written.
  await expect(alice.page.getByTestId("thread").getByTestId("reply")).toContainText("Agreed, ask for the raw data.", { timeout: 15_000 });
  await alice.page.screenshot({ path: path.join(SHOTS, "live-alice.png") });

  // Bob leaves: Alice stops seeing him within the presence window.
  await bob.close();
  await expect(alice.page.getByRole("group", { name: /Also reading now/ })).toHaveCount(0, { timeout: 40_000 });
  await alice.close();
});
