import path from "node:path";
import { createWorkspaceViaUi, expectAccessible, registerViaUi } from "./support/ui";
import { expect, test } from "./support/test";
import { sessionApi } from "./support/session";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

test("search from any page with /, see matches highlighted by report, and jump to the passage", async ({ page }) => {
  await registerViaUi(page, "Sami Search");
  await createWorkspaceViaUi(page, "Search desk");
  await page.getByRole("link", { name: "Import a report" }).first().click();
  await page.getByRole("radio", { name: "Markdown" }).check({ force: true });
  await page
    .getByLabel("Report text")
    .fill(
      "# Storage brief\n\nBattery storage grew by 40% in 2022.\n\nقال التقرير إن التخزين سيخفض الأسعار.\n\nInflation kept prices high through the winter.",
    );
  await page.getByRole("button", { name: "Import report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Storage brief" })).toBeVisible({ timeout: 30_000 });

  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox", { name: "Search this workspace" })).toBeFocused();
  await page.keyboard.type("infla");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=infla/);
  const hit = page.getByRole("link", { name: /Report text · ¶ 3/ });
  await expect(hit).toBeVisible();
  await expect(hit.locator("mark")).toHaveText("Inflation");
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "search.png") });

  await page.getByRole("searchbox", { name: "Words to find" }).fill("الأسعار");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByRole("link", { name: /Report text · ¶ 2/ }).locator("mark")).toHaveText("الأسعار");

  await page.getByRole("searchbox", { name: "Words to find" }).fill("zzzz nothing");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByText("Nothing matches “zzzz nothing”")).toBeVisible();

  await page.goBack();
  await page.getByRole("link", { name: /Report text · ¶ 2/ }).click();
  await expect(page).toHaveURL(/#p-2$/);
  await expect(page.getByRole("heading", { level: 1, name: "Storage brief" })).toBeVisible();
});

test("narrow a search by tag and author, kept in the URL, with a way back when nothing is left", async ({ browser }) => {
  // A second member, so that the author filter has someone to tell apart.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  const otherAccount = await registerViaUi(other, "Tariq Turner");

  const context = await browser.newContext();
  const page = await context.newPage();
  await registerViaUi(page, "Farah Filter");
  const slug = await createWorkspaceViaUi(page, "Filter desk");

  // The data goes in through the API with each browser's session: the page under test is the search.
  const api = sessionApi(page);
  const ws = await (await api.get(`/api/v1/workspaces/${slug}`)).json();
  expect((await api.post(`/api/v1/workspaces/${ws.id}/members`, { data: { email: otherAccount.email, role: "annotator" } })).status()).toBe(
    201,
  );
  expect((await api.post(`/api/v1/workspaces/${ws.id}/tags`, { data: { name: "Energy" } })).status()).toBe(201);
  const imported = await (
    await api.post(`/api/v1/workspaces/${ws.id}/reports`, {
      data: { format: "text", content: "Wind brief\n\nTurbine prices fell by half.\n\nThe grid could not take the new turbines." },
    })
  ).json();
  const report = await (await api.get(`/api/v1/reports/${imported.id}`)).json();
  const annotate = async (as: typeof api, body: string, tags: string[] = []) => {
    const res = await as.post(`/api/v1/reports/${report.id}/annotations`, {
      data: { passageId: report.passages[1].id, start: 0, end: 7, kind: "comment", body, tags },
    });
    expect(res.status()).toBe(201);
  };
  await annotate(api, "Turbine costs: which year?", ["Energy"]);
  await annotate(api, "Turbine maintenance is not counted");
  await annotate(sessionApi(other), "Turbine subsidies ended in 2019");

  await page.goto(`/w/${slug}/search?q=turbine`);
  const status = page.getByRole("status");
  await expect(status).toHaveText("5 results in 1 report");
  await expect(page.getByRole("link", { name: /Report text · ¶/ })).toHaveCount(2);

  // Filters are folded away until needed.
  await page.locator("summary", { hasText: "Filters" }).click();
  await page.getByLabel("Tag").selectOption({ label: "Energy" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]tag=Energy(&|$)/);
  await expect(page).not.toHaveURL(/kind=|author=|from=|to=/);
  await expect(status).toHaveText("1 result in 1 report");
  await expect(page.getByRole("link", { name: /Annotation · Comment/ })).toContainText("Turbine costs: which year?");
  await expect(page.getByText("Filters · 1 on")).toBeVisible();

  await page.getByLabel("Tag").selectOption({ label: "Any tag" });
  await page.getByLabel("Author").selectOption({ label: "Tariq Turner" });
  // Enter in the words field applies the filters too.
  await page.getByRole("searchbox", { name: "Words to find" }).press("Enter");
  await expect(page).toHaveURL(/[?&]author=/);
  await expect(page).not.toHaveURL(/tag=/);
  await expect(status).toHaveText("1 result in 1 report");
  await expect(page.getByRole("link", { name: /Annotation · Comment · ¶ \d+ · Tariq Turner/ })).toContainText(
    "Turbine subsidies ended in 2019",
  );

  await page.getByLabel("Tag").selectOption({ label: "Energy" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("Nothing matches “turbine” with these filters")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "search-filters-empty.png") });

  await page.getByRole("link", { name: "Search without filters" }).click();
  await expect(status).toHaveText("5 results in 1 report");
  await expect(page).not.toHaveURL(/tag=|author=/);

  // With filters on, at desktop and phone widths.
  await page.goto(`/w/${slug}/search?q=turbine&tag=Energy&from=2020-01-01`);
  await expect(status).toHaveText("1 result in 1 report");
  await expect(page.getByLabel("From")).toHaveValue("2020-01-01");
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "search-filters.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(SHOTS, "search-filters-phone.png"), fullPage: true });
  await context.close();
  await otherContext.close();
});
