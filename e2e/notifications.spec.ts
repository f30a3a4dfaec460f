import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { addMember, call, newAnnotation, newReport, newUser, newWorkspace, type TestUser } from "../lib/testing/api";
import { signedIn } from "./support/session";
import { expect, test } from "./support/test";
import { expectAccessible } from "./support/ui";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");
const REPORT =
  "# Grid storage\n\nBattery storage grew by 40% in 2022, yet winter peaks still rely on gas.\n\nPrices are expected to fall by a fifth before 2030.";

interface Listed {
  type: string;
  actor: { name: string };
  href: string;
  replyId: string | null;
}

async function notificationsOf(user: TestUser): Promise<Listed[]> {
  return (await call("GET", "/api/v1/notifications", { as: user })).body.notifications;
}

/** The notes panel alone, checked by axe (the rest of the page is checked by the other specs). */
async function notesAccessible(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).include("#panel-notes").analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`),
  ).toEqual([]);
}

test("a notes mention and a verdict notify", async ({ browser }) => {
  test.setTimeout(180_000);
  const olive = await newUser("Olive Owner");
  const anan = await newUser("Anan Annotator");
  const edna = await newUser("Edna Editor");
  const ws = await newWorkspace(olive, "Energy desk");
  await addMember(olive, ws.id, anan, "annotator");
  await addMember(olive, ws.id, edna, "editor");
  const report = await newReport(olive, ws.id, REPORT, "markdown");
  // "Battery storage" in ¶ 1.
  const claim = await newAnnotation(olive, report, { kind: "claim", claimSummary: "Storage grew 40%", start: 0, end: 15 }, 0);
  // Anan and Olive (the claim's author) take stances.
  for (const [who, stance] of [
    [anan, "disputes"],
    [olive, "supports"],
  ] as const) {
    expect((await call("PUT", `/api/v1/annotations/${claim.id}/stance`, { as: who, json: { stance } })).status).toBe(200);
  }

  // Olive mentions Anan in the team notes (co-edited: saved by the collaboration server).
  const oliveContext = await signedIn(browser, olive);
  const page = await oliveContext.newPage();
  await page.goto(`/w/${ws.slug}/r/${report.id}?panel=notes`);
  const notes = page.getByRole("textbox", { name: "Team notes" });
  await expect(page.getByTestId("notes-status")).toHaveText(/Connected/, { timeout: 30_000 });
  await notes.click();
  await page.keyboard.type("Where we landed. @Ana");
  await expect(page.getByRole("option", { name: /Anan Annotator/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await page.keyboard.type(" can you find the 2022 table?");

  // One notification, however many saves follow.
  await expect
    .poll(async () => (await notificationsOf(anan)).filter((n) => n.type === "notes_mention").length, { timeout: 30_000 })
    .toBe(1);
  await page.keyboard.type(" And the 2023 one.");
  await expect
    .poll(async () => (await call("GET", `/api/v1/reports/${report.id}/notes`, { as: olive })).body.body, { timeout: 30_000 })
    .toContain("the 2023 one");
  expect((await notificationsOf(anan)).filter((n) => n.type === "notes_mention")).toHaveLength(1);

  // A wider panel to write in: the text stays beside it.
  const panel = page.locator("#panel-notes");
  const narrow = (await panel.boundingBox())!.width;
  await page.getByRole("button", { name: "Wider notes" }).click();
  await expect(page.getByRole("button", { name: "Wider notes" })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => (await panel.boundingBox())!.width).toBeGreaterThan(narrow + 200);
  await expect(page.getByTestId("report-text")).toBeInViewport();
  await notesAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "notes-wide-1440.png") });
  await page.emulateMedia({ colorScheme: "dark" });
  await notesAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "notes-wide-dark-1440.png") });
  await page.emulateMedia({ colorScheme: "light" });
  // The choice is kept, and undone with the same button (from the keyboard too).
  await page.reload();
  await expect(page.getByRole("button", { name: "Wider notes" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Wider notes" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Wider notes" })).toHaveAttribute("aria-pressed", "false");
  // On a phone the notes fill the sheet already: no toggle, nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("button", { name: "Wider notes" })).toBeHidden();
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);

  // Edna sets the verdict: the claim's author and everyone who took a stance hear of it, once each.
  expect((await call("PUT", `/api/v1/annotations/${claim.id}/verdict`, { as: edna, json: { verdict: "contested" } })).status).toBe(200);
  expect((await notificationsOf(olive)).filter((n) => n.type === "verdict" || n.type === "stance_verdict").map((n) => n.type)).toEqual([
    "verdict",
  ]);
  expect((await notificationsOf(anan)).filter((n) => n.type === "stance_verdict")).toHaveLength(1);

  // Anan reads both on the notifications page and follows the mention to the notes.
  const ananContext = await signedIn(browser, anan);
  const ananPage = await ananContext.newPage();
  await ananPage.goto("/notifications");
  await expect(ananPage.getByText("Edna Editor set the verdict of a claim you took a stance on to Contested")).toBeVisible();
  const mention = ananPage.getByText("Olive Owner mentioned you in the team notes");
  await expect(mention).toBeVisible();
  await expect(ananPage.getByText("can you find the 2022 table?")).toBeVisible();
  await expectAccessible(ananPage);
  await ananPage.screenshot({ path: path.join(SHOTS, "notifications-notes-mention.png") });
  await mention.click();
  await expect(ananPage).toHaveURL(/panel=notes/);
  await expect(ananPage.getByRole("tab", { name: "Team notes" })).toHaveAttribute("aria-selected", "true");
  await expect(ananPage.getByRole("textbox", { name: "Team notes" })).toContainText("can you find the 2022 table?");
  await oliveContext.close();
  await ananContext.close();
});

test("a notification about a reply lands on the thread with that reply highlighted and in view", async ({ browser }) => {
  test.setTimeout(150_000);
  const olive = await newUser("Olive Owner");
  const anan = await newUser("Anan Annotator");
  const edna = await newUser("Edna Editor");
  const ws = await newWorkspace(olive, "Energy desk");
  await addMember(olive, ws.id, anan, "annotator");
  await addMember(olive, ws.id, edna, "editor");
  const report = await newReport(olive, ws.id, REPORT, "markdown");
  const comment = await newAnnotation(olive, report, { body: "Is 40% right?", start: 0, end: 15 }, 0);
  // A long thread: the reply the notification is about comes far down it.
  const long = "A long reply that takes a few lines of the sidebar, so that the thread runs past the bottom of the screen. ".repeat(3);
  for (let i = 1; i <= 14; i++) {
    expect((await call("POST", `/api/v1/annotations/${comment.id}/replies`, { as: edna, json: { body: `${i}. ${long}` } })).status).toBe(
      201,
    );
  }
  const target = await call("POST", `/api/v1/annotations/${comment.id}/replies`, {
    as: anan,
    json: { body: "The appendix says 35%: this is the one." },
  });
  expect(target.status).toBe(201);
  for (let i = 15; i <= 20; i++) {
    expect((await call("POST", `/api/v1/annotations/${comment.id}/replies`, { as: edna, json: { body: `${i}. ${long}` } })).status).toBe(
      201,
    );
  }

  const context = await signedIn(browser, olive);
  const page = await context.newPage();
  await page.goto("/notifications");
  await page.getByRole("link", { name: /Anan Annotator replied/ }).click();
  await expect(page).toHaveURL(new RegExp(`reply=${target.body.id}`));
  const reply = page.locator(`[data-reply-id="${target.body.id}"]`);
  await expect(reply).toHaveAttribute("data-linked", "true");
  await expect(reply).toBeInViewport();
  await expect(page.locator("[data-reply-id][data-linked=true]")).toHaveCount(1);
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "reply-landing-1440.png") });
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "reply-landing-dark-1440.png") });
  await context.close();
});
