import path from "node:path";
import type { Page } from "@playwright/test";
import { colorScheme, readerWithReport, selectText } from "./support/reader";
import { expect, test } from "./support/test";
import { createWorkspaceViaUi, expectAccessible, registerViaUi, selectPhraseWithMouse } from "./support/ui";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

/** The water report cited as a person and an institution, with a number and a series. */
async function citedReport(page: Page, name: string) {
  // The page copies; the test reads the clipboard back.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const setup = await readerWithReport(page, name);
  const patched = await setup.api.patch(`/api/v1/reports/${setup.report.id}`, {
    data: {
      creators: [{ family: "Haddad", given: "Rana" }, { literal: "مركز الدراسات الاستراتيجية" }],
      publisher: "Policy Institute",
      place: "Amman",
      reportNumber: "WP-7",
      series: "Working Papers",
      publishedAt: "2024-03-21",
    },
  });
  expect(patched.status()).toBe(200);
  return setup;
}

const clipboardText = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const clipboardHtml = (page: Page) =>
  page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return item.types.includes("text/html") ? (await item.getType("text/html")).text() : null;
  });

test.describe("Citations", () => {
  test("copies an annotation's citation from its card, in the style chosen from its menu", async ({ page }) => {
    const { report, url, annotate } = await citedReport(page, "Cora Citer");
    const passage = report.passages.find((p) => p.text.includes("fell by a third"))!;
    const annotation = await annotate("fell by a third");
    await page.goto(url);
    const card = page.locator(`[data-testid=annotation-card][data-annotation-id="${annotation.id}"]`);
    await card.click();
    const copy = card.getByTestId("copy-citation");
    await expect(copy).toBeVisible();

    // Chicago author-date, the default.
    await copy.click();
    await expect(card.getByRole("status")).toHaveText(`Copied: ¶ ${passage.index}, Chicago (author-date)`);
    const text = await clipboardText(page);
    expect(text).toContain(`“fell by a third” (¶ ${passage.index})`);
    expect(text).toContain(
      "Haddad, Rana and مركز الدراسات الاستراتيجية. 2024. “Water and Conflict.” WP-7. Working Papers. Amman: Policy Institute.",
    );
    expect(text).toContain(`${url}?annotation=${annotation.id}`);
    const html = await clipboardHtml(page);
    expect(html).toContain("<blockquote");
    expect(html).toContain(`?annotation=${annotation.id}">¶ ${passage.index}</a>`);

    // The menu: every style, the keyboard moves through it, a screenshot of it open.
    await card.getByRole("button", { name: /Citation style/ }).click();
    const menu = page.getByTestId("citation-menu");
    await expect(menu.getByRole("menuitemradio")).toHaveText(["✓Chicago (author-date)", "APA", "Harvard"]);
    await expect(menu.getByRole("menuitemradio", { name: /Chicago/ })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(menu.getByRole("menuitemradio", { name: "APA" })).toBeFocused();
    await expectAccessible(page);
    await card.screenshot({ path: path.join(SHOTS, "citation-menu.png") });
    await colorScheme(page, "dark");
    await card.screenshot({ path: path.join(SHOTS, "citation-menu-dark.png") });
    await colorScheme(page, "light");
    await page.keyboard.press("Enter");
    await expect(menu).toBeHidden();
    await expect(card.getByRole("status")).toHaveText(`Copied: ¶ ${passage.index}, APA`);
    expect(await clipboardText(page)).toMatch(
      /Haddad, R\.,? & مركز الدراسات الاستراتيجية\. \(2024\)\. Water and conflict \(WP-7; Working Papers\)\. Policy Institute\./,
    );
    // The style chosen is the one the button uses from now on.
    await expect(card.getByRole("button", { name: "Citation style: APA" })).toBeVisible();
  });

  test("copies a citation of a selection from the toolbar, with its ¶", async ({ page }) => {
    const { report, url } = await citedReport(page, "Sami Selector");
    const passage = report.passages.find((p) => p.text.includes("Upstream dams"))!;
    await page.goto(url);
    await selectPhraseWithMouse(page, "Upstream dams reduced");
    await expect(page.getByTestId("selection-toolbar")).toBeVisible();
    await page.getByTestId("selection-toolbar").screenshot({ path: path.join(SHOTS, "citation-selection-toolbar.png") });
    await page.getByTestId("cite-selection").click();
    await expect(page.getByRole("status").filter({ hasText: "Citation copied" })).toContainText(`(¶ ${passage.index})`);
    const text = await clipboardText(page);
    expect(text).toContain(`“Upstream dams reduced” (¶ ${passage.index})`);
    expect(text).toContain("Haddad, Rana and مركز الدراسات الاستراتيجية. 2024.");
    expect(text).toContain(`${url}#p-${passage.index}`);

    // On a phone the toolbar, docked at the bottom, keeps all five buttons on the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await selectText(page.getByTestId("report-text"), "Farmers in the south");
    const toolbar = page.getByTestId("selection-toolbar");
    await expect(toolbar.getByTestId("cite-selection")).toBeInViewport({ ratio: 1 });
    // The earlier "Citation copied" notice has made way for the toolbar.
    await expect(page.getByRole("status").filter({ hasText: "Citation copied" })).toHaveCount(0);
    await page.screenshot({ path: path.join(SHOTS, "citation-selection-toolbar-phone.png") });
  });

  test("the import preview offers the first page's DOI and report number, and the import keeps what was corrected", async ({ page }) => {
    await registerViaUi(page, "Iman Importer");
    await createWorkspaceViaUi(page, "Iman's desk");
    await page.getByRole("link", { name: "Import a report" }).first().click();
    await page
      .getByLabel("Report text")
      .fill(
        [
          "Water Security in the Jordan Basin",
          "Working Paper No. WP-2024/07",
          "doi:10.1234/jordan.2024.07",
          "Demand will exceed supply by 2030.",
        ].join("\n\n"),
      );
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("heading", { name: "Check what we found" })).toBeVisible();
    await expect(page.getByLabel("DOI")).toHaveValue("10.1234/jordan.2024.07");
    await expect(page.getByLabel("Report number")).toHaveValue("WP-2024/07");
    await page.getByLabel("Series").fill("Working Papers");
    await page.getByLabel("Place of publication").fill("Amman");
    await page.getByRole("button", { name: "Import report" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Water Security in the Jordan Basin" })).toBeVisible();
    const reportId = page.url().split("/r/")[1].split(/[?#]/)[0];
    const report = await (await page.request.get(`/api/v1/reports/${reportId}`)).json();
    expect(report).toMatchObject({ doi: "10.1234/jordan.2024.07", reportNumber: "WP-2024/07", series: "Working Papers", place: "Amman" });
  });

  test("the details form edits authors as people or institutions and the citation details", async ({ page }) => {
    const { report, url, api } = await citedReport(page, "Dina Details");
    await page.goto(`${url}/versions`);
    const rows = page.getByTestId("creator-row");
    await expect(rows).toHaveCount(2);
    await expect(page.getByLabel("Publication date")).toHaveValue("2024-03-21");
    await expect(rows.nth(1).getByLabel("Author 2: name of the institution")).toHaveValue("مركز الدراسات الاستراتيجية");
    await page.getByRole("button", { name: "Add author" }).click();
    await rows.nth(2).getByLabel("Author 3 is").selectOption("person");
    await rows.nth(2).getByLabel("Author 3: family name").fill("Berger");
    await rows.nth(2).getByLabel("Author 3: given names").fill("Thomas");
    await page.getByLabel("DOI").fill("https://doi.org/10.1234/water.7");
    await page.getByLabel("Date accessed").fill("2026-12-01");
    // From the top: a full-page shot otherwise paints the sticky top bar where the page was scrolled to.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, "citation-details-form.png"), fullPage: true });
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByText("The details were saved.")).toBeVisible();
    const saved = await (await api.get(`/api/v1/reports/${report.id}`)).json();
    expect(saved.creators).toEqual([
      { family: "Haddad", given: "Rana" },
      { literal: "مركز الدراسات الاستراتيجية" },
      { family: "Berger", given: "Thomas" },
    ]);
    expect(saved).toMatchObject({
      authors: ["Rana Haddad", "مركز الدراسات الاستراتيجية", "Thomas Berger"],
      doi: "10.1234/water.7",
      accessedAt: "2026-12-01",
    });
    await expectAccessible(page);

    // On a phone, dark: nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await colorScheme(page, "dark");
    await page.reload();
    await expect(rows).toHaveCount(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // From the top: a full-page shot otherwise paints the sticky top bar where the page was scrolled to.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, "citation-details-form-phone-dark.png"), fullPage: true });
  });
});
