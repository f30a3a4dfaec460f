import path from "node:path";
import { addMember, call, newAnnotation, newReport, newUser, newWorkspace } from "../lib/testing/api";
import { signedIn } from "./support/session";
import { expect, test } from "./support/test";
import { expectAccessible } from "./support/ui";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");
const REPORT = [
  "# Water tariffs in the dry season",
  "",
  "Households in the north paid twice the tariff of the capital in 2023.",
  "",
  "The utility expects losses to fall by a third once the meters are replaced.",
  "",
  "Tanker water costs five times the piped price, the survey found.",
].join("\n");

test("assign: an owner assigns a thread with a due date; the card, the filters and My work show it", async ({ browser }) => {
  test.setTimeout(180_000);
  const olive = await newUser("Olive Owner");
  const anan = await newUser("Anan Annotator");
  const vera = await newUser("Vera Viewer");
  const ws = await newWorkspace(olive, "Water desk");
  await addMember(olive, ws.id, anan, "annotator");
  await addMember(olive, ws.id, vera, "viewer");
  const report = await newReport(olive, ws.id, REPORT, "markdown");
  const reportPath = `/w/${ws.slug}/r/${report.id}`;
  const fresh = await newAnnotation(olive, report, { kind: "question", body: "Which year is the tariff table from?" }, 0);
  const late = await newAnnotation(olive, report, { kind: "comment", body: "Check the meter programme's dates." }, 1);
  const lateAssigned = await call("PATCH", `/api/v1/annotations/${late.id}`, {
    as: olive,
    json: { assigneeId: anan.id, dueAt: "2020-03-02", version: late.version },
  });
  expect(lateAssigned.status).toBe(200);
  const undated = await newAnnotation(olive, report, { kind: "comment", body: "Find the survey." }, 2);
  await call("PATCH", `/api/v1/annotations/${undated.id}`, { as: olive, json: { assigneeId: anan.id, version: undated.version } });

  // Olive opens the question and, from the keyboard, assigns it to Anan with a due date.
  const context = await signedIn(browser, olive);
  const page = await context.newPage();
  await page.goto(`${reportPath}?annotation=${fresh.id}`);
  const thread = page.getByTestId("thread");
  const assignee = thread.getByLabel("Assignee");
  // A viewer cannot take work: not offered.
  await expect(assignee.locator("option")).toHaveText(["Nobody", "Olive Owner (me)", "Anan Annotator"]);
  await assignee.focus();
  await assignee.selectOption({ label: "Anan Annotator" });
  const card = page.locator(`article[data-annotation-id="${fresh.id}"]`);
  await expect(card.getByTestId("assignment")).toContainText("Anan Annotator");
  const due = thread.getByLabel("Due date");
  await expect(due).toBeEnabled();
  await due.fill("2031-12-12");
  await due.press("Enter");
  await expect(card.getByTestId("assignment")).toContainText("Due 12 Dec 2031");
  await expect(card).toHaveAttribute("aria-label", /assigned to Anan Annotator/);

  // The overdue thread says so in words, not only in red.
  const lateCard = page.locator(`article[data-annotation-id="${late.id}"]`);
  await expect(lateCard.getByTestId("assignment")).toContainText("Overdue");
  await expect(lateCard).toHaveAttribute("aria-label", /overdue/);
  await lateCard.screenshot({ path: path.join(SHOTS, "assignment-overdue-card-1440.png") });
  await expectAccessible(page);
  await card.screenshot({ path: path.join(SHOTS, "assignment-card-1440.png") });
  await page.screenshot({ path: path.join(SHOTS, "assignment-reader-1440.png") });

  // The sidebar's filters: overdue ones only, in the address.
  await page.getByRole("button", { name: /^Filter/ }).click();
  await page
    .getByTestId("filters")
    .getByRole("button", { name: /^Overdue/ })
    .click();
  await expect(page).toHaveURL(/due=overdue/);
  await expect(page.getByTestId("annotation-card")).toHaveCount(1);
  await expect(page.getByTestId("annotation-card")).toHaveAttribute("data-annotation-id", late.id);
  await page.getByRole("button", { name: "Clear filters" }).click();

  // Anan finds their work under My work, soonest due first, and opens it.
  const ananContext = await signedIn(browser, anan);
  const mine = await ananContext.newPage();
  await mine.goto(`${reportPath}?assignee=me`);
  await expect(mine.getByTestId("annotation-card")).toHaveCount(3);
  await mine.goto("/");
  await mine.getByRole("link", { name: "My work" }).click();
  await expect(mine).toHaveURL(/\/my-work$/);
  const items = mine.getByTestId("assignment-list").getByRole("listitem");
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText("Overdue");
  await expect(items.nth(0)).toContainText("Check the meter programme");
  await expect(items.nth(1)).toContainText("Due 12 Dec 2031");
  await expect(items.nth(2)).toContainText("No due date");
  await expectAccessible(mine);
  await mine.screenshot({ path: path.join(SHOTS, "my-work-1440.png"), fullPage: true });
  await mine.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => mine.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await mine.screenshot({ path: path.join(SHOTS, "my-work-390.png"), fullPage: true });
  await mine.setViewportSize({ width: 1440, height: 900 });

  await mine.getByRole("navigation", { name: "My work" }).getByRole("link", { name: "Done", exact: true }).click();
  await expect(mine.getByText("Nothing done yet")).toBeVisible();
  await mine.getByRole("navigation", { name: "My work" }).getByRole("link", { name: "To do", exact: true }).click();
  await items.nth(0).getByRole("link").click();
  await expect(mine).toHaveURL(new RegExp(`annotation=${late.id}`));
  // The assignee marks it done: it moves to the Done tab.
  await mine.getByTestId("thread").getByRole("button", { name: "Mark done (resolve)" }).click();
  await expect(mine.locator(`article[data-annotation-id="${late.id}"]`)).toHaveAttribute("data-status", "resolved");
  await mine.goto("/my-work?tab=done");
  await expect(mine.getByTestId("assignment-list").getByRole("listitem")).toHaveCount(1);
  await expect(mine.getByTestId("assignment-list")).toContainText("Done");

  // On a phone: the card with its assignment, in the bottom sheet, nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(reportPath);
  await page.getByTestId("report-text").locator(`[data-annotation-id="${fresh.id}"]`).click();
  const sheetCard = page.getByRole("complementary", { name: "Annotations" }).locator(`article[data-annotation-id="${fresh.id}"]`);
  await expect(sheetCard.getByTestId("assignment")).toContainText("Anan Annotator");
  await expect(sheetCard).toBeInViewport();
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await page.screenshot({ path: path.join(SHOTS, "assignment-card-390.png") });

  await ananContext.close();
  await context.close();
});
