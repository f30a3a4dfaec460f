import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { colorScheme, readerWithReport } from "./support/reader";
import { expect, test } from "./support/test";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

/** Every violation axe finds, whatever its impact (landmarks and regions included). */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/**
 * The screens a team uses in its first hour, with real content on them: the
 * reader with a claim argued out, the team notes, the Claims view, the import
 * page, the members page and the settings. axe finds nothing on any of them,
 * light or dark, at a desk and on a phone.
 */
test("axe finds no violations on the reader, notes, Claims view, import, members and settings, light and dark", async ({ page }) => {
  test.setTimeout(240_000);
  const { slug, report, url, api, annotate } = await readerWithReport(page, "Noor Saleh");
  const claim = await annotate("fell by a third", {
    kind: "claim",
    claimSummary: "Rainfall fell by a third",
    body: "The ministry's own series says a quarter.",
  });
  await annotate("large numbers");
  const evidence = report.passages[report.passages.length - 1];
  const stance = await api.put(`/api/v1/annotations/${claim.id}/stance`, {
    data: { stance: "disputes", note: "The 2020 series gives a quarter, not a third.", evidence: { passageId: evidence.id } },
  });
  expect(stance.status()).toBe(200);
  expect((await api.put(`/api/v1/annotations/${claim.id}/verdict`, { data: { verdict: "contested" } })).status()).toBe(200);
  const notes = await api.put(`/api/v1/reports/${report.id}/notes`, {
    data: { body: "## Where we landed\n\nThe fall in rainfall is **contested**.", version: 0 },
  });
  expect(notes.status()).toBe(200);

  const screens: { name: string; open: () => Promise<void> }[] = [
    {
      name: "reader",
      open: async () => {
        await page.goto(url);
        await expect(page.getByTestId("report-text")).toContainText("fell by a third");
      },
    },
    {
      name: "notes",
      open: async () => {
        await page.goto(url);
        // On a phone the panels live in the bottom sheet: open it first.
        if (page.viewportSize()!.width < 1024) await page.getByRole("button", { name: /^Annotations · / }).click();
        await page.getByRole("tab", { name: "Team notes" }).click();
        await expect(page.getByRole("textbox", { name: "Team notes" })).toContainText("Where we landed");
      },
    },
    {
      name: "claims",
      open: async () => {
        await page.goto(`${url}/claims`);
        await expect(page.getByText("Rainfall fell by a third").first()).toBeVisible();
      },
    },
    {
      name: "import",
      open: async () => {
        await page.goto(`/w/${slug}/import`);
        await expect(page.getByLabel("Report text")).toBeVisible();
      },
    },
    {
      name: "members",
      open: async () => {
        await page.goto(`/w/${slug}/members`);
        await expect(page.getByText("Noor Saleh").first()).toBeVisible();
      },
    },
    {
      name: "settings",
      open: async () => {
        await page.goto("/settings");
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      },
    },
  ];

  const found: string[] = [];
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    for (const screen of screens) {
      await screen.open();
      for (const scheme of ["light", "dark"] as const) {
        await colorScheme(page, scheme);
        for (const v of await violations(page)) found.push(`${screen.name} ${scheme} ${viewport.width}: ${v}`);
        await page.screenshot({ path: path.join(SHOTS, `screen-${screen.name}-${scheme}-${viewport.width}.png`) });
      }
      await colorScheme(page, "light");
      if (viewport.width === 390) {
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
          `${screen.name} scrolls sideways`,
        ).toBe(0);
      }
    }
  }
  expect(found).toEqual([]);
});
