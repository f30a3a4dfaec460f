import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import { createWorkspaceViaUi, expectAccessible, registerViaUi, selectPhraseWithMouse } from "./support/ui";
import { expect, test } from "./support/test";
import { sessionApi } from "./support/session";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

async function docxFile(name: string, paragraphs: string[]): Promise<string> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: "Grain Corridor Review", heading: HeadingLevel.HEADING_1 }),
          ...paragraphs.map((t) => new Paragraph({ text: t })),
        ],
      },
    ],
  });
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "marginalia-e2e-")), name);
  writeFileSync(file, await Packer.toBuffer(doc));
  return file;
}

test("import a .docx with a preview, annotate, upload a revision, re-attach the orphan", async ({ page }) => {
  test.setTimeout(120_000);
  await registerViaUi(page, "Vera Versions");
  await createWorkspaceViaUi(page, "Grain desk");

  const v1 = await docxFile("review.docx", [
    "Exports through the corridor rose to four million tonnes a month by the autumn.",
    "Insurance costs for ships fell after the first convoys passed without incident.",
    "A clause on inspections was dropped from the final text of the agreement.",
  ]);
  await page.getByRole("link", { name: "Import a report" }).first().click();
  await page.getByRole("radio", { name: "Upload a file" }).check({ force: true });
  await page.getByLabel("Report file").setInputFiles(v1);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Grain Corridor Review");
  await expect(page.getByText("Insurance costs for ships fell")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "import-preview.png") });
  await page.getByRole("button", { name: "Import report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Grain Corridor Review" })).toBeVisible();
  const reportUrl = page.url();

  for (const phrase of ["four million tonnes", "Insurance costs for ships fell", "clause on inspections"]) {
    await selectPhraseWithMouse(page, phrase);
    await page.keyboard.press("h");
    await expect(page.getByTestId("report-text").locator(".hl-highlight", { hasText: phrase })).toBeVisible();
  }
  await expect(page.getByTestId("annotation-card")).toHaveCount(3);
  // Opening a card is not asking to write: its reply box leaves the focus alone (it took it a frame
  // after appearing, and the `h` of the next highlight went into it).
  const reply = page.getByRole("textbox", { name: "Reply" });
  await expect(reply).toBeVisible();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await expect(reply).not.toBeFocused();

  // The revision changes one sentence slightly and drops another.
  const v2 = await docxFile("review-v2.docx", [
    "A new opening paragraph summarises the corridor's first year of operation.",
    "Exports through the corridor rose to four million tonnes a month by the autumn.",
    "Insurance costs for the ships fell after the first convoys passed without incident.",
  ]);
  await page.getByRole("link", { name: "Upload a new version" }).click();
  await page.getByLabel("Revised report").setInputFiles(v2);
  await page.getByRole("button", { name: "Upload new version" }).click();
  const result = page.getByTestId("version-result");
  await expect(result).toContainText("Version 2 is in: 1 annotation kept its place, 1 moved with edited text, 1 could not be placed.");
  await page.screenshot({ path: path.join(SHOTS, "version-result.png") });
  await result.getByRole("link", { name: "Read version 2" }).click();

  const orphans = page.getByTestId("orphans");
  await expect(orphans.getByTestId("orphan")).toHaveCount(1);
  await expect(orphans).toContainText("clause on inspections");
  await expect(page.getByTestId("annotation-card")).toHaveCount(2);
  await page.screenshot({ path: path.join(SHOTS, "orphans.png") });

  await orphans.getByRole("button", { name: "Re-attach" }).click();
  await selectPhraseWithMouse(page, "first year of operation");
  await page.getByRole("button", { name: "Attach here" }).click();
  await expect(page.getByTestId("orphans")).toHaveCount(0);
  await expect(page.getByTestId("annotation-card")).toHaveCount(3);
  await expect(page.getByTestId("report-text").locator(".hl-highlight", { hasText: "first year of operation" })).toBeVisible();

  // The moved highlight says so.
  await expect(page.getByTestId("annotation-card").filter({ hasText: "Insurance costs" })).toContainText("Moved");

  // An editor corrects the details the importer could not find.
  await page.getByRole("link", { name: "Version 2 of 2" }).click();
  // Authors are people (family and given names) or institutions, one row each.
  for (const [i, [family, given]] of [
    ["Koval", "Iryna"],
    ["Said", "Omar"],
  ].entries()) {
    await page.getByRole("button", { name: "Add author" }).click();
    await page.getByLabel(`Author ${i + 1}: family name`).fill(family);
    await page.getByLabel(`Author ${i + 1}: given names`).fill(given);
  }
  await page.getByLabel("Publisher").fill("Black Sea Institute");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("The details were saved.")).toBeVisible();
  await page.goto(reportUrl);
  await expect(page.getByText("Iryna Koval, Omar Said · Black Sea Institute")).toBeVisible();

  // Version 1 still reads as it was.
  await page.goto(`${reportUrl}?version=1`);
  await expect(page.getByText("You are reading version 1")).toBeVisible();
  await expect(page.getByTestId("report-text").locator(".hl-highlight", { hasText: "clause on inspections" })).toBeVisible();
});

test("a revision that orphans many annotations shows them a page at a time, with their count", async ({ page }) => {
  test.setTimeout(90_000);
  await registerViaUi(page, "Otto Orphans");
  const slug = await createWorkspaceViaUi(page, "Orphan desk");
  const api = sessionApi(page);
  const ws = await (await api.get(`/api/v1/workspaces/${slug}`)).json();
  const doomed = "This whole paragraph about the harbour dues disappears from the second edition of the review.";
  const created = await (
    await api.post(`/api/v1/workspaces/${ws.id}/reports`, {
      data: { format: "text", content: `Harbour Review\n\nThe port opened in spring.\n\n${doomed}` },
    })
  ).json();
  const report = await (await api.get(`/api/v1/reports/${created.id}`)).json();
  const passage = report.passages.find((p: { text: string }) => p.text === doomed);
  const ORPHANS = 25;
  for (let i = 0; i < ORPHANS; i++) {
    const res = await api.post(`/api/v1/reports/${report.id}/annotations`, {
      data: { passageId: passage.id, start: i, end: i + 12, body: `Orphan note ${i + 1}` },
    });
    expect(res.status()).toBe(201);
  }
  const revised = await api.post(`/api/v1/reports/${report.id}/versions`, {
    data: { format: "text", content: "Harbour Review\n\nThe port opened in spring." },
  });
  expect(await revised.json()).toMatchObject({ orphaned: ORPHANS });

  await page.goto(`/w/${slug}/r/${report.id}`);
  const orphans = page.getByTestId("orphans");
  // The count is of all of them; the first 20 come with the page, the rest on demand.
  await expect(orphans.getByRole("button", { name: `Orphans · ${ORPHANS}` })).toBeVisible();
  await expect(orphans.getByTestId("orphan")).toHaveCount(20);
  await page.screenshot({ path: path.join(SHOTS, "orphans-paged.png") });
  await orphans.getByRole("button", { name: "Show more" }).click();
  await expect(orphans.getByTestId("orphan")).toHaveCount(ORPHANS);
  await expect(orphans.getByRole("button", { name: "Show more" })).toHaveCount(0);
  await expect(orphans.getByTestId("orphan").last()).toContainText(`Orphan note ${ORPHANS}`);
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "orphans-all.png") });

  // Re-attaching one takes it off the list and the count.
  await orphans.getByRole("button", { name: "Re-attach" }).first().click();
  await selectPhraseWithMouse(page, "opened in spring");
  await page.getByRole("button", { name: "Attach here" }).click();
  await expect(orphans.getByRole("button", { name: `Orphans · ${ORPHANS - 1}` })).toBeVisible();
  await expect(orphans.getByTestId("orphan")).toHaveCount(ORPHANS - 1);

  // One re-attached elsewhere (here through the API) leaves the open page's list too, live.
  const left = await (await api.get(`/api/v1/reports/${report.id}/orphans?limit=1`)).json();
  const current = await (await api.get(`/api/v1/reports/${report.id}`)).json();
  const moved = await api.put(`/api/v1/annotations/${left.orphans[0].id}/anchor`, {
    data: { passageId: current.passages[0].id, start: 4, end: 8 },
  });
  expect(moved.status()).toBe(200);
  await expect(orphans.getByRole("button", { name: `Orphans · ${ORPHANS - 2}` })).toBeVisible();
  await expect(orphans.getByTestId("orphan")).toHaveCount(ORPHANS - 2);
  await expect(page.getByTestId("annotation-card")).toHaveCount(2);
});
