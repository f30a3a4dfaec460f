import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { unzipSync } from "fflate";
import { addMember, call, newAnnotation, newReport, newUser, newWorkspace } from "../lib/testing/api";
import { signedIn } from "./support/session";
import { expect, test } from "./support/test";
import { expectAccessible } from "./support/ui";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");
const REPORT = [
  "# Grid storage and the winter peak",
  "",
  "Battery storage grew by 40% in 2022, yet winter peaks still rely on gas.",
  "",
  "The appendix table puts the growth at 35% for the same year.",
  "",
  "Prices are expected to fall by a fifth before 2030, the authors say.",
].join("\n");
const ANAN_NOTE = "The appendix table gives 35%, not 40%.";
const ANAN_LINK = "https://example.org/grid-storage/appendix#a3";
const OLIVE_NOTE = "We need the 2022 source table before we print this.";

const xmlText = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** The text of a .docx's body, and where its hyperlinks lead (Word keeps a fragment as the link's anchor), read from the file itself. */
function readDocx(bytes: Buffer): { text: string; links: string[] } {
  const files = unzipSync(new Uint8Array(bytes));
  const xml = new TextDecoder().decode(files["word/document.xml"]);
  const rels = new TextDecoder().decode(files["word/_rels/document.xml.rels"]);
  const targets = new Map(
    [...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"[^>]*\/>/g)].map((m) => [m[1], xmlText(m[2])]),
  );
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => xmlText(m[1])).join("");
  const links = [...xml.matchAll(/<w:hyperlink ([^>]*)>/g)].map((m) => {
    const anchor = /w:anchor="([^"]+)"/.exec(m[1])?.[1];
    return `${targets.get(/r:id="([^"]+)"/.exec(m[1])?.[1] ?? "") ?? ""}${anchor ? `#${xmlText(anchor)}` : ""}`;
  });
  return { text, links };
}

test("the exports contain stance notes and evidence", async ({ browser }) => {
  test.setTimeout(180_000);
  const olive = await newUser("Olive Owner");
  const anan = await newUser("Anan Annotator");
  const edna = await newUser("Edna Editor");
  const ws = await newWorkspace(olive, "Energy desk");
  await addMember(olive, ws.id, anan, "annotator");
  await addMember(olive, ws.id, edna, "editor");
  const report = await newReport(olive, ws.id, REPORT, "markdown");
  const reportPath = `/w/${ws.slug}/r/${report.id}`;
  // "grew by 40% in 2022" in ¶ 1 (the heading is the report's title, not a passage).
  const claim = await newAnnotation(
    olive,
    report,
    { kind: "claim", claimSummary: "Storage grew 40% in 2022", body: "The headline number of the brief.", start: 16, end: 35 },
    0,
  );
  const disputed = await call("PUT", `/api/v1/annotations/${claim.id}/stance`, {
    as: anan,
    json: { stance: "disputes", note: ANAN_NOTE, evidence: { url: ANAN_LINK } },
  });
  expect(disputed.status).toBe(200);

  const context = await signedIn(browser, olive);
  const page = await context.newPage();

  // Olive gives her stance a note and evidence with the form's own Save button.
  await page.goto(`${reportPath}?annotation=${claim.id}`);
  const thread = page.getByTestId("thread");
  await thread.getByRole("button", { name: "Note and evidence" }).click();
  const form = thread.getByRole("form", { name: "Your note and evidence" });
  await form.getByRole("radio", { name: "Needs evidence" }).check();
  await form.getByLabel("Note").fill(OLIVE_NOTE);
  await form.getByLabel(/^Evidence/).fill("¶ 2");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form).toBeHidden();
  const stances = thread.getByRole("list", { name: "Who took which stance" });
  await expect(stances).toContainText(OLIVE_NOTE);
  await expect(stances.getByRole("link", { name: "¶ 2" })).toHaveAttribute("href", /#p-2$/);

  // Edna sets the verdict: who set it, and when, is kept.
  expect((await call("PUT", `/api/v1/annotations/${claim.id}/verdict`, { as: edna, json: { verdict: "contested" } })).status).toBe(200);

  // The Claims view shows the reasoning, not only the tally.
  await page.goto(`${reportPath}/claims`);
  const row = page.getByTestId("claim").filter({ hasText: "Storage grew 40% in 2022" });
  await expect(row).toContainText("Verdict: Contested");
  await expect(row).toContainText(/set by Edna Editor/);
  await expect(row).toContainText("Anan Annotator");
  await expect(row).toContainText(ANAN_NOTE);
  await expect(row).toContainText(OLIVE_NOTE);
  await expect(row.getByRole("link", { name: "¶ 2" })).toHaveAttribute("href", `${reportPath}#p-2`);
  await expect(row.getByRole("link", { name: /example\.org/ })).toHaveAttribute("href", ANAN_LINK);
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "claims-view-1440.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "claims-view-dark-1440.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await page.screenshot({ path: path.join(SHOTS, "claims-view-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  // "Quote in notes" brings the verdict and the stances along.
  await page.goto(`${reportPath}?annotation=${claim.id}`);
  await page.getByTestId("thread").getByRole("button", { name: "Quote in notes" }).click();
  const notes = page.getByRole("textbox", { name: "Team notes" });
  await expect(notes).toContainText("Verdict: Contested");
  await expect(notes).toContainText(`Anan Annotator disputes: ${ANAN_NOTE}`);
  await expect(notes).toContainText(OLIVE_NOTE);

  // Markdown, Word, CSV and JSON-LD, from the export dialog.
  await page.getByRole("button", { name: "Export…" }).click();
  const dialog = page.getByRole("dialog", { name: "Export annotations" });
  const download = async (radio: RegExp, action: string) => {
    await dialog.getByRole("radio", { name: radio }).check();
    const [file] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("link", { name: action }).click()]);
    return readFile((await file.path())!);
  };
  const origin = new URL(page.url()).origin;
  const md = (await download(/Markdown/, "Download Markdown")).toString("utf8");
  expect(md).toContain(`Verdict: **Contested**, set by Edna Editor`);
  expect(md).toContain(`- **Anan Annotator** disputes: ${ANAN_NOTE} Evidence: <${ANAN_LINK}>`);
  expect(md).toContain(`- **Olive Owner** needs evidence: ${OLIVE_NOTE} Evidence: [¶ 2](${origin}${reportPath}#p-2)`);

  const docx = readDocx(await download(/Word/, "Download Word document"));
  expect(docx.text).toContain(ANAN_NOTE);
  expect(docx.text).toContain(OLIVE_NOTE);
  expect(docx.text).toMatch(/Contested, set by Edna Editor/);
  expect(docx.links).toContain(ANAN_LINK);
  expect(docx.links).toContain(`${origin}${reportPath}#p-2`);

  const rows: Record<string, string>[] = parse((await download(/CSV/, "Download CSV")).toString("utf8"), { columns: true, bom: true });
  const stanceRows = rows.filter((r) => r.record_type === "stance");
  expect(stanceRows.map((r) => [r.author, r.stance, r.body, r.evidence_link])).toEqual([
    ["Anan Annotator", "disputes", ANAN_NOTE, ANAN_LINK],
    ["Olive Owner", "needs_evidence", OLIVE_NOTE, `${origin}${reportPath}#p-2`],
  ]);
  expect(rows.find((r) => r.record_type === "annotation")?.verdict_set_by).toBe("Edna Editor");

  const jsonld = JSON.parse((await download(/JSON-LD/, "Download JSON-LD")).toString("utf8"));
  const claimDoc = jsonld.first.items.find((item: { motivation: string }) => item.motivation === "assessing");
  expect(
    claimDoc["marginalia:stances"].map((s: { creator: { name: string }; "marginalia:note"?: string }) => [
      s.creator.name,
      s["marginalia:note"],
    ]),
  ).toEqual([
    ["Anan Annotator", ANAN_NOTE],
    ["Olive Owner", OLIVE_NOTE],
  ]);

  // The printable page says the same.
  await dialog.getByRole("radio", { name: /Printable page/ }).check();
  const [print] = await Promise.all([context.waitForEvent("page"), dialog.getByRole("link", { name: /Open printable page/ }).click()]);
  await print.waitForLoadState();
  // Under the claim (the team notes, which quoted it above, say it too).
  const printedStances = print.getByRole("list", { name: "Stances" });
  await expect(printedStances).toContainText(`Anan Annotator disputes: ${ANAN_NOTE}`);
  await expect(printedStances).toContainText(`Olive Owner needs evidence: ${OLIVE_NOTE}`);
  await expect(printedStances.getByRole("link", { name: "¶ 2" })).toHaveAttribute("href", `${origin}${reportPath}#p-2`);
  await expect(printedStances.getByRole("link", { name: ANAN_LINK })).toHaveAttribute("href", ANAN_LINK);
  await expect(print.getByText(/Contested, set by Edna Editor/).first()).toBeVisible();
  await expectAccessible(print);
  await print.screenshot({ path: path.join(SHOTS, "print-view-stances.png"), fullPage: true });
  await context.close();
});

test("a Markdown export reads clean: no HTML entities, needless escapes or runs of blank lines", async ({ browser }) => {
  test.setTimeout(120_000);
  const olive = await newUser("Olive Owner");
  const ws = await newWorkspace(olive, "Energy desk");
  const report = await newReport(olive, ws.id, REPORT, "markdown");
  const context = await signedIn(browser, olive);
  const page = await context.newPage();
  // Saved through the API when no collaboration server answers: the editor's own Markdown either way.
  await page.routeWebSocket(
    (url) => !url.pathname.startsWith("/_next/"),
    (ws) => ws.close(),
  );
  await page.goto(`/w/${ws.slug}/r/${report.id}?panel=notes`);
  const notes = page.getByRole("textbox", { name: "Team notes" });
  await notes.click();
  await page.keyboard.type("Prices fall ~5% when demand < supply & storage grows.");
  for (let i = 0; i < 4; i++) await page.keyboard.press("Enter");
  await page.keyboard.type("A <b>tag</b> stays text.");
  await expect(page.getByTestId("notes-status")).toHaveText("All changes saved", { timeout: 15_000 });

  const text = await (await page.request.get(`/api/v1/reports/${report.id}/export?format=markdown`)).text();
  expect(text).toContain("Prices fall ~5% when demand < supply & storage grows.");
  // Only what would otherwise turn into HTML keeps its backslash.
  expect(text).toContain("A \\<b>tag\\</b> stays text.");
  expect(text).not.toMatch(/&(lt|gt|amp|nbsp);/);
  expect(text).not.toContain("\\~");
  expect(text).not.toMatch(/\n\n\n/);
  await context.close();
});
