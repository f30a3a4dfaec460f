import { createWorkspaceViaUi, expectAccessible, registerViaUi } from "./support/ui";
import { expect, test } from "./support/test";
import { sessionApi } from "./support/session";

test("the workspace's activity: newest first, more on demand, by member, each item opening its place", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await registerViaUi(page, "Olive Owner");
  const slug = await createWorkspaceViaUi(page, "Activity desk");

  // The work itself goes through the API (with this browser's session): the page under test is the feed.
  const api = sessionApi(page);
  const ws = await (await api.get(`/api/v1/workspaces/${slug}`)).json();
  const imported = await (
    await api.post(`/api/v1/workspaces/${ws.id}/reports`, {
      data: { format: "text", content: "Water report\n\nRainfall fell by a third.\n\nDams cut the flow." },
    })
  ).json();
  const report = await (await api.get(`/api/v1/reports/${imported.id}`)).json();
  const annotate = async (body: string, kind = "comment") =>
    (
      await api.post(`/api/v1/reports/${report.id}/annotations`, {
        data: { passageId: report.passages[1].id, start: 0, end: 8, body, kind },
      })
    ).json();
  const claim = await annotate("Check the ministry figure", "claim");
  for (let i = 1; i <= 55; i++) await annotate(`Comment ${i}`);

  await page.goto(`/w/${slug}`);
  await page.getByRole("link", { name: "Activity" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
  const items = page.getByRole("main").getByRole("listitem");
  await expect(items).toHaveCount(50);
  await expect(items.first()).toContainText(`Olive Owner commented on ¶ ${report.passages[1].index}`);
  await expect(items.first()).toContainText("just now");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Show more" }).click();
  await expect(items).toHaveCount(57);
  await expect(items.last()).toContainText("Olive Owner imported the report");
  await expect(page.getByRole("button", { name: "Show more" })).toHaveCount(0);

  // Only Olive is a member, so filtering by her changes nothing; "Everyone" comes back the same.
  await page.getByLabel("Member").selectOption({ label: "Olive Owner" });
  await expect(page).toHaveURL(/actor=/);
  await expect(items).toHaveCount(50);
  await page.getByLabel("Member").selectOption({ label: "Everyone" });
  await expect(page).not.toHaveURL(/actor=/);

  await page.getByRole("button", { name: "Show more" }).click();
  await page.getByRole("link", { name: /marked a claim/ }).click();
  await expect(page).toHaveURL(new RegExp(`/r/${report.id}\\?annotation=${claim.id}`));
  await expect(page.getByTestId("thread")).toBeVisible();
  await context.close();
});
