import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { query } from "../lib/testing/db";
import { colorScheme, readerWithReport } from "./support/reader";
import { expectAccessible } from "./support/ui";
import { expect, test } from "./support/test";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

/** What React says (minified in production) when the server's HTML and the browser's first render differ. */
const HYDRATION = /hydrat|Minified React error #(418|419|422|423|425)/i;

test("the reader: one main landmark, times that hydrate without a mismatch, long comments clamped with Show more", async ({ browser }) => {
  // Far east of the server's UTC: a date it writes for 23:30 UTC is the next day here.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: "Pacific/Kiritimati" });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && HYDRATION.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => {
    if (HYDRATION.test(String(e))) problems.push(String(e));
  });

  const { url, annotate } = await readerWithReport(page, "Mira Main");
  const long = Array.from(
    { length: 12 },
    (_, i) => `Point ${i + 1}: the ministry's series and the gauges disagree here, and the report does not say why.`,
  ).join("\n\n");
  const old = await annotate("fell by a third", { body: long });
  const recent = await annotate("Upstream dams", { body: "Short and recent." });
  await query(
    `UPDATE annotations SET created_at = date_trunc('day', now()) - interval '10 days' + interval '23 hours 30 minutes' WHERE id = $1`,
    [old.id],
  );

  await page.goto(url);
  const oldCard = page.locator(`[data-testid="annotation-card"][data-annotation-id="${old.id}"]`);
  const recentCard = page.locator(`[data-testid="annotation-card"][data-annotation-id="${recent.id}"]`);
  await expect(oldCard).toBeVisible();
  await expect(recentCard).toContainText("just now");
  // Let hydration finish (the outline's and the text's boundaries), then look.
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  expect(problems, "hydration errors").toEqual([]);

  // One <main>, and everything inside a landmark.
  await expect(page.getByRole("main")).toHaveCount(1);
  const landmarks = await new AxeBuilder({ page })
    .withRules(["landmark-one-main", "region", "landmark-no-duplicate-main", "landmark-unique"])
    .analyze();
  expect(landmarks.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // A long comment is clamped on its card, so the next cards stay near their highlights; Show more reads it all.
  const body = oldCard.getByTestId("card-body");
  const clamped = (await body.boundingBox())!.height;
  expect(clamped).toBeLessThan(140);
  const lastPointShown = () =>
    body.evaluate((el) => {
      const last = [...el.querySelectorAll("p")].find((p) => p.textContent?.startsWith("Point 12"));
      return !!last && last.getBoundingClientRect().bottom <= el.getBoundingClientRect().bottom + 1;
    });
  expect(await lastPointShown()).toBe(false);
  await oldCard.getByRole("button", { name: "Show more" }).click();
  await expect.poll(lastPointShown).toBe(true);
  expect((await body.boundingBox())!.height).toBeGreaterThan(clamped * 2);
  // Reading more is not opening the thread.
  await expect(oldCard.getByTestId("thread")).toHaveCount(0);
  await oldCard.getByRole("button", { name: "Show less" }).click();
  await expect.poll(lastPointShown).toBe(false);
  await expect(recentCard.getByRole("button", { name: "Show more" })).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "reader-clamped-1440.png") });
  await colorScheme(page, "dark");
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "reader-clamped-1440-dark.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(SHOTS, "reader-clamped-390-dark.png") });
  await context.close();
});
