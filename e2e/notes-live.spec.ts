import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { addMember, call, newAnnotation, newReport, newUser, newWorkspace } from "../lib/testing/api";
import { signedIn } from "./support/session";
import { expect, test } from "./support/test";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

test("two people co-edit the team notes, see each other's carets, and typing done offline merges", async ({ browser }) => {
  test.setTimeout(180_000);
  const olive = await newUser("Olive Owner");
  const ws = await newWorkspace(olive, "Energy desk");
  const anan = await newUser("Anan Annotator");
  const vera = await newUser("Vera Viewer");
  await addMember(olive, ws.id, anan, "annotator");
  await addMember(olive, ws.id, vera, "viewer");
  const report = await newReport(
    olive,
    ws.id,
    "# Grid storage\n\nBattery storage grew by 40% in 2022, yet winter peaks still rely on gas.",
    "markdown",
  );
  // A comment on "Battery" (the first 7 characters) to quote into the notes.
  await newAnnotation(olive, report, { body: "Their own chart says 35%.", end: 7 });
  const url = `/w/${ws.slug}/r/${report.id}?panel=notes`;

  const [a, b, v] = await Promise.all([signedIn(browser, olive), signedIn(browser, anan), signedIn(browser, vera)]);
  const [pa, pb, pv] = await Promise.all([a.newPage(), b.newPage(), v.newPage()]);
  // Anan's connection to the collaboration server runs through a switch the test can turn off.
  const collabPort = new URL((await call("GET", `/api/v1/reports/${report.id}/notes/collab`, { as: anan })).body.url).port;
  let offline = false;
  const open: (() => Promise<void>)[] = [];
  await pb.routeWebSocket(
    (u) => u.port === collabPort,
    (socket) => {
      if (offline) return void socket.close();
      const server = socket.connectToServer();
      open.push(async () => (await socket.close(), await server.close()));
    },
  );
  await Promise.all([pa.goto(url), pb.goto(url), pv.goto(url)]);
  await expect(pa.getByTestId("notes-status")).toHaveText("Connected · 3 editing", { timeout: 30_000 });
  await expect(pb.getByTestId("notes-status")).toHaveText("Connected · 3 editing");

  // Both type at once; each sees the other's words and caret, with a name.
  const notesA = pa.getByRole("textbox", { name: "Team notes" });
  const notesB = pb.getByRole("textbox", { name: "Team notes" });
  await notesA.click();
  await pa.keyboard.type("Where we landed. ");
  await expect(notesB).toContainText("Where we landed.");
  await notesB.click();
  await pb.keyboard.press("End");
  await Promise.all([
    pa.keyboard.type("Olive checks the chart.", { delay: 20 }),
    pb.keyboard.type(" Anan asks the authors.", { delay: 20 }),
  ]);
  for (const notes of [notesA, notesB]) {
    await expect(notes).toContainText("Olive checks the chart.");
    await expect(notes).toContainText("Anan asks the authors.");
  }
  await expect(pa.locator(".collab-caret-label", { hasText: "Anan Annotator" })).toBeVisible();
  await expect(pb.locator(".collab-caret-label", { hasText: "Olive Owner" })).toBeVisible();
  // The notes with others' carets in them (the rest of the page is checked by the other specs).
  const axe = await new AxeBuilder({ page: pa }).include('section[aria-label="Team notes"]').analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await pa.screenshot({ path: path.join(SHOTS, "notes-live-1440.png") });

  // "Quote in notes" writes into the shared document.
  await pa.getByRole("tab", { name: /Annotations/ }).click();
  // On its header: the middle of an open card is one of its actions (Copy citation, Quote in notes…).
  await pa.getByTestId("annotation-card").click({ position: { x: 40, y: 16 } });
  await pa.getByRole("button", { name: "Quote in notes" }).click();
  await expect(notesB.locator("blockquote")).toContainText("Battery");
  await expect(notesB).toContainText("Their own chart says 35%.");

  // The viewer follows along, read-only.
  const notesV = pv.getByRole("textbox", { name: "Team notes" });
  await expect(notesV).toContainText("Their own chart says 35%.");
  await expect(notesV).toHaveAttribute("contenteditable", "false");
  await expect(pv.getByRole("toolbar", { name: "Formatting" })).toHaveCount(0);
  await expect(pv.getByTestId("notes-status")).toHaveText("Connected · 3 editing · read only");

  // Anan loses the connection and keeps typing; Olive types too; it all merges when he is back.
  offline = true;
  await b.setOffline(true);
  await Promise.all(open.splice(0).map((close) => close()));
  await expect(pb.getByTestId("notes-status")).toHaveText("Offline — your changes will be merged when you reconnect");
  await notesB.locator("p").last().click();
  await pb.keyboard.press("End");
  await pb.keyboard.type(" Typed offline.");
  await pa.getByRole("tab", { name: "Team notes" }).click();
  await notesA.locator("p").first().click();
  await pa.keyboard.press("End");
  await pa.keyboard.type(" Olive, meanwhile.");
  await pb.getByRole("region", { name: "Team notes" }).screenshot({ path: path.join(SHOTS, "notes-live-offline.png") });
  await expect(notesA).not.toContainText("Typed offline.");
  offline = false;
  await b.setOffline(false);
  await expect(notesA).toContainText("Typed offline.", { timeout: 30_000 });
  await expect(notesB).toContainText("Olive, meanwhile.");
  await expect(pb.getByTestId("notes-status")).toHaveText("Connected · 3 editing");

  // The server keeps the text: the API (and the exports) read it as Markdown.
  await expect
    .poll(async () => (await call("GET", `/api/v1/reports/${report.id}/notes`, { as: vera })).body.body as string, { timeout: 30_000 })
    .toContain("Typed offline.");
  const saved = (await call("GET", `/api/v1/reports/${report.id}/notes`, { as: vera })).body.body as string;
  for (const words of [
    "Where we landed.",
    "Olive checks the chart.",
    "Anan asks the authors.",
    "> Battery",
    "Their own chart says 35%.",
    "Typed offline.",
    "Olive, meanwhile.",
  ]) {
    expect(saved).toContain(words);
  }
  await Promise.all([a.close(), b.close(), v.close()]);
});

test("a quote sent to the team notes before they were ever shown lands in them once their editor has loaded", async ({ browser }) => {
  test.setTimeout(90_000);
  const olive = await newUser("Olive Owner");
  const ws = await newWorkspace(olive, "Water desk");
  const report = await newReport(olive, ws.id, "# Aquifers\n\nThe water table fell by two metres in a decade.", "markdown");
  await newAnnotation(olive, report, { body: "Which wells were measured?", end: 9 });
  const context = await signedIn(browser, olive);
  const page = await context.newPage();
  await page.goto(`/w/${ws.slug}/r/${report.id}`);
  await expect(page.getByTestId("annotation-card")).toHaveCount(1);
  // The notes (their editor and their connection) are made when first shown, not with the page.
  await expect(page.getByTestId("notes-status")).toHaveCount(0);

  await page.getByTestId("annotation-card").click({ position: { x: 40, y: 16 } });
  await page.getByRole("button", { name: "Quote in notes" }).click();
  await expect(page.getByRole("tab", { name: "Team notes" })).toHaveAttribute("aria-selected", "true");
  const notes = page.getByRole("textbox", { name: "Team notes" });
  await expect(notes.locator("blockquote")).toContainText("The water");
  await expect(notes).toContainText("Which wells were measured?");
  await expect(page.getByTestId("notes-status")).toHaveText("Connected · 1 editing", { timeout: 30_000 });
  await expect
    .poll(async () => (await call("GET", `/api/v1/reports/${report.id}/notes`, { as: olive })).body.body as string, { timeout: 30_000 })
    .toContain("> The water");
  await context.close();
});
