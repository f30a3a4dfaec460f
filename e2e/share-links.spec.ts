import path from "node:path";
import { addMember, call, newAnnotation, newReport, newUser, newWorkspace, randomAddress } from "../lib/testing/api";
import { colorScheme } from "./support/reader";
import { signedIn } from "./support/session";
import { expect, test } from "./support/test";
import { expectAccessible } from "./support/ui";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");
const REPORT = [
  "# Grid storage and the winter peak",
  "",
  "Battery storage grew by 40% in 2022, yet winter peaks still rely on gas, and the grid operator expects that to hold until the end of the decade.",
  "",
  "The appendix table puts the growth at 35% for the same year, a difference the authors do not explain.",
  "",
  "Prices are expected to fall by a fifth before 2030, the authors say, if interconnectors are built on time.",
].join("\n");
const SHARED = "The headline figure and the appendix disagree.";
const PRIVATE = "Private hunch: the 40% is a typo.";

test("an editor shares a read-only link; a stranger reads the team's annotations without signing in; revoked, it is a 404", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const olive = await newUser("Olive Owner");
  const anan = await newUser("Anan Annotator");
  const vera = await newUser("Vera Viewer");
  const ws = await newWorkspace(olive, "Energy desk");
  await addMember(olive, ws.id, anan, "annotator");
  await addMember(olive, ws.id, vera, "viewer");
  const report = await newReport(olive, ws.id, REPORT, "markdown");
  const reportPath = `/w/${ws.slug}/r/${report.id}`;
  const passage = (i: number, phrase: string) => {
    const start = report.passages[i].text.indexOf(phrase);
    return { passageId: report.passages[i].id, start, end: start + phrase.length };
  };
  const shared = await newAnnotation(anan, report, {
    kind: "comment",
    body: SHARED,
    visibility: "workspace",
    ...passage(1, "35% for the same year"),
  });
  await newAnnotation(anan, report, { kind: "comment", body: PRIVATE, visibility: "private", ...passage(0, "grew by 40%") });
  const claim = await newAnnotation(olive, report, {
    kind: "claim",
    claimSummary: "Storage grew by 40% in 2022",
    visibility: "workspace",
    ...passage(0, "Battery storage grew by 40% in 2022"),
  });
  await call("PUT", `/api/v1/annotations/${claim.id}/stance`, { as: anan, json: { stance: "disputes", note: "The appendix says 35%." } });
  await call("PUT", `/api/v1/annotations/${claim.id}/verdict`, { as: olive, json: { verdict: "contested" } });
  await call("POST", `/api/v1/annotations/${shared.id}/replies`, { as: olive, json: { body: "Asking the authors which one **holds**." } });
  await call("PUT", `/api/v1/reports/${report.id}/notes`, {
    as: olive,
    json: { body: "## Conclusion\n\nThe growth figure is contested.", version: 0 },
  });

  // A viewer reads the report but is offered no share links.
  const viewerContext = await signedIn(browser, vera);
  const viewerPage = await viewerContext.newPage();
  await viewerPage.goto(reportPath);
  await expect(viewerPage.getByRole("heading", { name: "Grid storage and the winter peak" })).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: "Share…" })).toHaveCount(0);
  await viewerContext.close();

  // The owner makes a link with the team's annotations and notes.
  const ownerContext = await signedIn(browser, olive);
  const page = await ownerContext.newPage();
  await page.goto(reportPath);
  await page.getByRole("button", { name: "Share…" }).click();
  const dialog = page.getByRole("dialog", { name: "Share a read-only link" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("No links yet")).toBeVisible();
  await dialog.getByLabel("The text with the team's annotations").check();
  await dialog.getByLabel("Include the team notes").check();
  await dialog.getByRole("button", { name: "Create link" }).click();
  const item = dialog.getByTestId("share-link");
  await expect(item).toHaveCount(1);
  await expect(dialog.getByRole("status")).toContainText("Link created");
  await expect(item).toContainText("Text, team annotations and team notes");
  await expect(item).toContainText("0 views");
  const url = (await item.locator("code").textContent())!;
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
  await page.screenshot({ path: path.join(SHOTS, "share-dialog.png") });

  // Someone with the link and no account: a fresh browser, no cookies.
  const visitor = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    extraHTTPHeaders: { "x-forwarded-for": randomAddress() },
  });
  expect(await visitor.cookies()).toEqual([]);
  const guest = await visitor.newPage();
  const calls: string[] = [];
  guest.on("request", (r) => {
    if (new URL(r.url()).pathname.startsWith("/api/")) calls.push(r.url());
  });
  const opened = await guest.goto(url);
  expect(opened?.status()).toBe(200);
  await expect(guest.getByRole("heading", { name: "Grid storage and the winter peak", level: 1 })).toBeVisible();
  await expect(guest.getByText(SHARED)).toBeVisible();
  await expect(guest.getByText("Asking the authors which one")).toBeVisible();
  await expect(guest.getByText("Verdict: Contested")).toBeVisible();
  await expect(guest.getByText("The appendix says 35%.")).toBeVisible();
  await expect(guest.getByText("The growth figure is contested.")).toBeVisible();
  await expect(guest.getByText(PRIVATE)).toHaveCount(0);
  await expect(guest.locator("body")).not.toContainText(anan.email);
  await expect(guest.getByRole("searchbox")).toHaveCount(0);
  await expect(guest.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
  await expect(guest.locator('meta[property="og:title"]')).toHaveAttribute("content", "Grid storage and the winter peak");
  await expectAccessible(guest);
  await guest.screenshot({ path: path.join(SHOTS, "share-page-desktop.png") });
  await colorScheme(guest, "dark");
  await expectAccessible(guest);
  await guest.screenshot({ path: path.join(SHOTS, "share-page-dark.png") });
  expect(calls, "the share page calls no API (no live stream, no search)").toEqual([]);

  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    extraHTTPHeaders: { "x-forwarded-for": randomAddress() },
  });
  const phonePage = await phone.newPage();
  await phonePage.goto(url);
  await expect(phonePage.getByText(SHARED)).toBeVisible();
  expect(await phonePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phonePage.screenshot({ path: path.join(SHOTS, "share-page-phone.png"), fullPage: true });
  await phone.close();

  // The list counts the views; revoking asks first, then the link opens nothing.
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Share…" }).click();
  await expect(item).toContainText("2 views");
  await item.getByRole("button", { name: "Revoke…" }).click();
  await item.getByRole("button", { name: "Revoke link" }).click();
  await expect(dialog.getByTestId("share-link")).toHaveCount(0);
  await expect(dialog.getByText("No links yet")).toBeVisible();
  const gone = await guest.goto(url);
  expect(gone?.status()).toBe(404);
  await expect(guest.getByText(SHARED)).toHaveCount(0);
  await visitor.close();
  await ownerContext.close();
});
