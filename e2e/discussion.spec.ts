import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { WATER_REPORT } from "./support/fixtures";
import { createWorkspaceViaUi, expectAccessible, registerViaUi, selectPhraseWithMouse } from "./support/ui";
import { expect, test } from "./support/test";
import { sessionApi } from "./support/session";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");
const REPORT = WATER_REPORT;

async function person(browser: Browser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const account = await registerViaUi(page, name);
  return { page, ...account, close: () => context.close() };
}

async function addMember(page: Page, slug: string, email: string, role: string) {
  await page.goto(`/w/${slug}/members`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role").selectOption(role);
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByText(/was added as/)).toBeVisible();
}

test("a claim is argued out: mention, notification, a dispute with evidence, a reply, a verdict, resolved", async ({ browser }) => {
  // Three people in three browsers: a long story on a 2-core machine.
  test.setTimeout(180_000);
  const alice = await person(browser, "Alice Analyst");
  const bob = await person(browser, "Bob Brennan");
  const edna = await person(browser, "Edna Editor");

  // Alice sets up the workspace and the report.
  const slug = await createWorkspaceViaUi(alice.page, "Water desk");
  await addMember(alice.page, slug, bob.email, "annotator");
  await addMember(alice.page, slug, edna.email, "editor");
  await alice.page.goto(`/w/${slug}/import`);
  await alice.page.getByRole("radio", { name: "Markdown" }).check({ force: true });
  await alice.page.getByLabel("Report text").fill(REPORT);
  await alice.page.getByRole("button", { name: "Import report" }).click();
  await expect(alice.page.getByRole("heading", { level: 1, name: "Water and conflict" })).toBeVisible();
  const reportUrl = alice.page.url();

  // Alice marks a claim and mentions Bob.
  await selectPhraseWithMouse(alice.page, "fell by a third between 2000 and 2020");
  await alice.page.getByRole("button", { name: "Claim" }).click();
  const composer = alice.page.getByTestId("comment-composer");
  await composer.getByLabel("The claim in one line (optional)").fill("Rainfall fell by a third in twenty years");
  await composer.getByRole("textbox", { name: "Why it matters (optional)" }).click();
  await alice.page.keyboard.type("Source is the ministry only. @Bob");
  await expect(alice.page.getByRole("option", { name: /Bob Brennan/ })).toBeVisible();
  await alice.page.keyboard.press("Enter");
  await alice.page.keyboard.type(" can you check?");
  await composer.getByRole("button", { name: "Mark claim" }).click();
  const aliceCard = alice.page.getByTestId("annotation-card");
  await expect(aliceCard).toHaveCount(1);
  await expect(aliceCard).toContainText("Rainfall fell by a third in twenty years");
  await expect(aliceCard.locator("[data-mention-id]")).toHaveText("@Bob Brennan");
  await expect(aliceCard).toContainText("Verdict: Unverified");

  // Bob sees the notification and follows it to the claim.
  await bob.page.goto("/");
  const bell = bob.page.getByRole("link", { name: "Notifications, 1 unread" });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(bob.page.getByText("Alice Analyst mentioned you")).toBeVisible();
  await expectAccessible(bob.page);
  await bob.page.screenshot({ path: path.join(SHOTS, "notifications.png") });
  await bob.page.getByText("Alice Analyst mentioned you").click();
  await expect(bob.page).toHaveURL(/\/r\/.*annotation=/);
  const bobThread = bob.page.getByTestId("thread");
  await expect(bobThread).toBeVisible();

  // Bob disputes it, pointing at ¶ 2 as evidence.
  await bobThread.getByRole("button", { name: "Note and evidence" }).click();
  await bobThread.getByLabel("Note", { exact: true }).fill("The ministry figure ignores the dams.");
  await bobThread.getByLabel("Evidence (a link, or a paragraph such as ¶ 3)").fill("¶ 2");
  await bobThread.getByRole("button", { name: "Disputes" }).last().click();
  await expect(bobThread.getByTestId("stance-tally")).toContainText("1 disputes");
  await expect(bobThread.getByRole("list", { name: "Who took which stance" })).toContainText(
    "Bob Brennan disputes — The ministry figure ignores the dams.",
  );
  await expect(bobThread.getByRole("link", { name: "¶ 2", exact: true })).toBeVisible();

  // Alice replies.
  await alice.page.goto(reportUrl);
  await alice.page.getByTestId("annotation-card").click();
  const aliceThread = alice.page.getByTestId("thread");
  await aliceThread.getByRole("textbox", { name: "Reply" }).click();
  await alice.page.keyboard.type("Fair point, the dams matter.");
  await aliceThread.getByRole("button", { name: "Reply", exact: true }).click();
  await expect(aliceThread.getByTestId("reply")).toHaveCount(1);
  await expect(aliceThread.getByTestId("reply")).toContainText("Fair point, the dams matter.");

  // Bob hears about the reply too.
  await bob.page.goto("/notifications");
  await expect(bob.page.getByText(/Alice Analyst replied/)).toBeVisible();

  // Edna sets the verdict and resolves the thread.
  await edna.page.goto(reportUrl);
  await edna.page.getByTestId("annotation-card").click();
  const ednaThread = edna.page.getByTestId("thread");
  await ednaThread.getByRole("combobox", { name: /^Verdict/ }).selectOption("contested");
  await expect(edna.page.getByTestId("annotation-card")).toContainText("Verdict: Contested");
  await expect(ednaThread.getByTestId("reply")).toContainText("Fair point");
  await expectAccessible(edna.page);
  await edna.page.getByTestId("annotation-card").screenshot({ path: path.join(SHOTS, "claim-card.png") });
  await ednaThread.getByRole("button", { name: "Resolve" }).click();
  await expect(edna.page.getByTestId("annotation-card")).toHaveAttribute("data-status", "resolved");

  // The filters find it under "contested" and "resolved", and not under "open".
  await edna.page.reload();
  await edna.page.getByRole("button", { name: /^Filter/ }).click();
  const filters = edna.page.getByTestId("filters");
  await filters.getByRole("button", { name: /^Contested/ }).click();
  await expect(edna.page).toHaveURL(/verdict=contested/);
  await expect(edna.page.getByTestId("annotation-card")).toHaveCount(1);
  await filters.getByRole("button", { name: /^Resolved/ }).click();
  await expect(edna.page).toHaveURL(/status=resolved/);
  await expect(edna.page.getByTestId("annotation-card")).toHaveCount(1);
  await expect(edna.page.getByTestId("annotation-card")).toContainText("Resolved");
  const shared = edna.page.url();

  // The filtered URL can be shared: Bob opens it and sees the same thing; "open" hides it.
  await bob.page.goto(shared);
  await expect(bob.page.getByTestId("annotation-card")).toHaveCount(1);
  await bob.page.goto(`${reportUrl}?status=open`);
  await expect(bob.page.getByTestId("annotation-card")).toHaveCount(0);

  // Alice's claim view lists it with its tally and verdict.
  await alice.page.goto(`${reportUrl}/claims`);
  await expect(alice.page.getByText("Rainfall fell by a third in twenty years")).toBeVisible();
  await expect(alice.page.getByText("Verdict: Contested")).toBeVisible();
  await expectAccessible(alice.page);
  await alice.page.screenshot({ path: path.join(SHOTS, "claims-view.png") });

  // The codebook: Edna adds a tag; Alice applies it to her claim.
  await edna.page.goto(`/w/${slug}/tags`);
  await edna.page.getByLabel("Name").fill("Hydrology");
  await edna.page.getByLabel("Description").fill("Water supply, rainfall, river flow");
  await edna.page.getByRole("button", { name: /Add tag/ }).click();
  await expect(edna.page.getByRole("button", { name: "Edit tag Hydrology" })).toBeVisible();
  await expectAccessible(edna.page);
  await edna.page.screenshot({ path: path.join(SHOTS, "tags.png") });
  await alice.page.goto(reportUrl);
  await alice.page.getByTestId("annotation-card").click();
  await alice.page.getByLabel("Add a tag").fill("Hydrology");
  await alice.page.getByLabel("Add a tag").press("Enter");
  await expect(alice.page.getByRole("button", { name: "Remove tag Hydrology" })).toBeVisible();
  await alice.page.goto(`${reportUrl}?tag=hydrology`);
  await expect(alice.page.getByTestId("annotation-card")).toHaveCount(1);

  await Promise.all([alice.close(), bob.close(), edna.close()]);
});

test("bodies are never run as HTML: not in the sidebar, not in notifications", async ({ browser }) => {
  const owner = await person(browser, "Omar Owner");
  const member = await person(browser, "Mona Member");
  const slug = await createWorkspaceViaUi(owner.page, "Safety");
  await addMember(owner.page, slug, member.email, "annotator");
  const ws = await (await owner.page.request.get(`/api/v1/workspaces/${slug}`)).json();
  const imported = await sessionApi(owner.page).post(`/api/v1/workspaces/${ws.id}/reports`, {
    data: { format: "text", content: "Title\n\nA plain paragraph about nothing in particular." },
  });
  const report = await (await owner.page.request.get(`/api/v1/reports/${(await imported.json()).id}`)).json();
  const members = await (await owner.page.request.get(`/api/v1/workspaces/${ws.id}/members`)).json();
  const mona = members.members.find((m: { name: string }) => m.name === "Mona Member");

  const hostile = [
    "<img src=x onerror=window.__xss=1>",
    "[click me](javascript:window.__xss=2)",
    `[@ id="${mona.userId}" label="<img src=y onerror=window.__xss=3>"]`,
  ].join("\n\n");
  const res = await sessionApi(owner.page).post(`/api/v1/reports/${report.id}/annotations`, {
    data: { passageId: report.passages[0].id, start: 0, end: 7, body: hostile },
  });
  expect(res.status()).toBe(201);

  await owner.page.goto(`/w/${slug}/r/${report.id}`);
  const card = owner.page.getByTestId("annotation-card");
  await expect(card).toContainText("<img src=x onerror=window.__xss=1>");
  await expect(card).toContainText("click me");
  await expect(card.locator("img")).toHaveCount(0);
  await expect(card.locator('a[href^="javascript"]')).toHaveCount(0);
  expect(await owner.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  await member.page.goto("/notifications");
  await expect(member.page.getByText("Omar Owner mentioned you")).toBeVisible();
  await expect(member.page.getByText(/<img src=x onerror/).first()).toBeVisible();
  await expect(member.page.locator("main img")).toHaveCount(0);
  expect(await member.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await Promise.all([owner.close(), member.close()]);
});

test("a long thread and a full inbox are read a page at a time", async ({ browser }) => {
  test.setTimeout(180_000);
  const owner = await person(browser, "Paula Pager");
  const member = await person(browser, "Max Many");
  const slug = await createWorkspaceViaUi(owner.page, "Long lists");
  await addMember(owner.page, slug, member.email, "annotator");
  const ws = await (await owner.page.request.get(`/api/v1/workspaces/${slug}`)).json();
  const imported = await sessionApi(owner.page).post(`/api/v1/workspaces/${ws.id}/reports`, {
    data: { format: "text", content: "Title\n\nA paragraph people keep talking about." },
  });
  const report = await (await owner.page.request.get(`/api/v1/reports/${(await imported.json()).id}`)).json();
  // Max comments; Paula answers 103 times: a thread past its first page, and 103 notifications for Max.
  const comment = await (
    await sessionApi(member.page).post(`/api/v1/reports/${report.id}/annotations`, {
      data: { passageId: report.passages[0].id, start: 0, end: 11, body: "Long thread" },
    })
  ).json();
  for (let i = 1; i <= 103; i++) {
    expect(
      (await sessionApi(owner.page).post(`/api/v1/annotations/${comment.id}/replies`, { data: { body: `Reply ${i}` } })).status(),
    ).toBe(201);
  }

  await member.page.goto(`/w/${slug}/r/${report.id}?annotation=${comment.id}`);
  const thread = member.page.getByTestId("thread");
  const replies = thread.getByTestId("reply");
  await expect(replies).toHaveCount(100);
  await expect(replies.last()).toContainText("Reply 100");
  await thread.getByRole("button", { name: "Show more replies" }).click();
  await expect(replies).toHaveCount(103);
  await expect(replies.last()).toContainText("Reply 103");
  await expect(thread.getByRole("button", { name: "Show more replies" })).toHaveCount(0);

  // A new reply goes at the end, after the ones not yet shown, never after a gap.
  await member.page.reload();
  await expect(replies).toHaveCount(100);
  await thread.getByRole("textbox", { name: "Reply" }).click();
  await member.page.keyboard.type("The last word");
  await thread.getByRole("button", { name: "Reply", exact: true }).click();
  await expect(replies).toHaveCount(104);
  await expect(replies.nth(102)).toContainText("Reply 103");
  await expect(replies.last()).toContainText("The last word");

  await member.page.goto("/notifications");
  const inbox = member.page.locator("main li");
  const more = member.page.getByRole("button", { name: "Show more" });
  await expect(inbox).toHaveCount(50);
  await more.click();
  await expect(inbox).toHaveCount(100);
  await more.click();
  await expect(inbox).toHaveCount(103);
  await expect(more).toHaveCount(0);
  await expect(member.page.getByText("103 unread")).toBeVisible();
  await expectAccessible(member.page);

  // 55 claims: the claims page shows the first 50 in reading order, the counts of all, and the rest on demand.
  const claimIds: string[] = [];
  for (let i = 1; i <= 55; i++) {
    const res = await sessionApi(member.page).post(`/api/v1/reports/${report.id}/annotations`, {
      data: {
        passageId: report.passages[0].id,
        start: 0,
        end: 11,
        kind: "claim",
        claimSummary: `Claim ${String(i).padStart(2, "0")}`,
        body: `Why ${i}`,
      },
    });
    expect(res.status()).toBe(201);
    claimIds.push((await res.json()).id);
  }
  for (const id of claimIds.slice(-2)) {
    expect((await sessionApi(owner.page).put(`/api/v1/annotations/${id}/verdict`, { data: { verdict: "contested" } })).status()).toBe(200);
  }
  await member.page.goto(`/w/${slug}/r/${report.id}/claims`);
  const claims = member.page.locator("main ol > li");
  await expect(claims).toHaveCount(50);
  await expect(member.page.getByRole("link", { name: "All 55" })).toBeVisible();
  await expect(member.page.getByRole("link", { name: "Contested 2" })).toBeVisible();
  await expect(claims.first()).toContainText("Claim 01");
  await more.click();
  await expect(claims).toHaveCount(55);
  await expect(claims.last()).toContainText("Claim 55");
  await expect(more).toHaveCount(0);
  await member.page.getByRole("link", { name: "Contested 2" }).click();
  await expect(claims).toHaveCount(2);
  await expect(claims.first()).toContainText("Claim 54");
  await expect(more).toHaveCount(0);
  await expectAccessible(member.page);
  await Promise.all([owner.close(), member.close()]);
});
