import path from "node:path";
import { randomUUID } from "node:crypto";
import type { Browser, Locator, Page } from "@playwright/test";
import { randomAddress } from "../lib/testing/api";
import { WATER_REPORT } from "./support/fixtures";
import { createWorkspaceViaUi, expectAccessible, registerViaUi, selectPhraseWithMouse } from "./support/ui";
import { expect, test } from "./support/test";
import { sessionApi } from "./support/session";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const STRONG_PASSWORD = "amber lantern quietly 42";

type ContextOptions = Parameters<Browser["newContext"]>[0];

/** Someone with an account, signed in, in a browser of their own. */
async function person(browser: Browser, name: string, options: ContextOptions = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const account = await registerViaUi(page, name);
  return { page, context, name, ...account };
}

const addViaApi = async (page: Page, slug: string, email: string, role: string) =>
  expect((await sessionApi(page).post(`/api/v1/workspaces/${slug}/members`, { data: { email, role } })).status()).toBe(201);

const memberRow = (page: Page, name: string): Locator =>
  page.getByRole("list", { name: "Members" }).getByRole("listitem").filter({ hasText: name });

/** Presses Tab until the focused element's accessible name (or text) matches, as a keyboard user would. */
async function tabTo(page: Page, name: RegExp, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return "";
      const labelled = el.getAttribute("aria-label") ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null);
      return (labelled ?? el.textContent ?? "").replace(/\s+/g, " ").trim();
    });
    if (name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

/** The focused element shows where it is (an outline or a ring), as keyboard users need. */
async function expectVisibleFocus(page: Page): Promise<void> {
  const style = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow };
  });
  expect(
    style.outline !== "none" && style.width !== "0px" ? true : style.shadow !== "none",
    `focus is visible (${JSON.stringify(style)})`,
  ).toBe(true);
}

test("members: the list shows a new member at once after Add member, without a reload", async ({ browser }) => {
  const owner = await person(browser, "Olive Owner");
  const colleague = await person(browser, "Cara Colleague");
  const slug = await createWorkspaceViaUi(owner.page, "Policy desk");
  const page = owner.page;
  await page.goto(`/w/${slug}/members`);
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  // A slow network: the page's own server requests (React Server Component payloads) take 2 s.
  await page.route(/\/members/, async (route) => {
    if (route.request().headers()["rsc"]) await new Promise((r) => setTimeout(r, 2_000));
    await route.continue();
  });

  await page.getByLabel("Email", { exact: true }).fill(colleague.email);
  await page.getByLabel("Role", { exact: true }).selectOption("editor");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByText("Cara Colleague was added as editor.")).toBeVisible();
  // The list is updated with the message, not some time after it (a slow network would show a stale list meanwhile).
  const row = page.getByRole("listitem").filter({ hasText: colleague.email });
  expect(await row.count(), "the new member is listed as soon as the page says they were added").toBe(1);
  await expect(row).toContainText("editor");
  // The same page, not a reload: what the owner was doing is still there.
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue("");
});

test("members: a role change and an invitation work end to end (a new person opens the link, registers, lands in the workspace)", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const owner = await person(browser, "Olive Owner");
  const colleague = await person(browser, "Cara Colleague");
  await owner.context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const slug = await createWorkspaceViaUi(owner.page, "Research desk");
  await addViaApi(owner.page, slug, colleague.email, "annotator");
  const page = owner.page;
  await page.goto(`/w/${slug}/members`);

  // The owner makes Cara a viewer.
  await memberRow(page, "Cara Colleague").getByRole("button", { name: "Change role" }).click();
  const dialog = page.getByRole("dialog", { name: "Change Cara Colleague’s role" });
  await expect(dialog.getByRole("radio", { name: /Annotator/ })).toBeChecked();
  await dialog.getByRole("radio", { name: /Viewer/ }).check();
  await dialog.getByRole("button", { name: "Save role" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Cara Colleague is now a viewer.")).toBeVisible();
  await expect(memberRow(page, "Cara Colleague")).toContainText("viewer");
  const asCara = await sessionApi(colleague.page).get(`/api/v1/workspaces/${slug}`);
  expect((await asCara.json()).role).toBe("viewer");

  // The last owner cannot step down: the dialog says so rather than offering it.
  await memberRow(page, "Olive Owner").getByRole("button", { name: "Change role" }).click();
  const own = page.getByRole("dialog", { name: "Change your role" });
  await expect(own.getByRole("radio", { name: /Viewer/ })).toBeDisabled();
  await expect(own).toContainText("A workspace needs an owner");
  await own.getByRole("button", { name: "Cancel" }).click();
  await expect(memberRow(page, "Olive Owner")).toContainText("Make someone else an owner to leave");

  // Nadia has no account: Add member offers an invitation link instead.
  const nadiaEmail = `nadia-${randomUUID()}@test.local`;
  await page.getByLabel("Email", { exact: true }).fill(nadiaEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("annotator");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByText(`No one has registered with ${nadiaEmail} yet.`)).toBeVisible();
  await page.getByRole("button", { name: "Invite them with a link" }).click();
  const link = page.getByLabel("Invitation link", { exact: true });
  await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  const url = await link.inputValue();
  expect(new URL(url).origin).toBe(new URL(page.url()).origin);
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByText("Copied")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  const pending = page.getByRole("list", { name: "Pending invitations" });
  await expect(pending.getByRole("listitem").filter({ hasText: nadiaEmail })).toContainText("annotator");
  await page.screenshot({ path: path.join(SHOTS, "members-invitation-1440.png"), fullPage: true });

  // Nadia opens the link in a browser that has never seen the app.
  const nadiaContext = await browser.newContext();
  const nadia = await nadiaContext.newPage();
  await nadia.setExtraHTTPHeaders({ "x-forwarded-for": randomAddress() });
  await nadia.goto(url);
  await expect(nadia.getByRole("heading", { level: 1, name: "Join Research desk" })).toBeVisible();
  await expect(nadia.getByText("Olive Owner invited you to Research desk as an annotator")).toBeVisible();
  await expect(nadia.getByLabel("Email", { exact: true })).toHaveValue(nadiaEmail);
  await expect(nadia.getByLabel("Email", { exact: true })).not.toBeEditable();
  await expectAccessible(nadia);
  await nadia.screenshot({ path: path.join(SHOTS, "invite-1440.png"), fullPage: true });
  await nadia.getByLabel("Name").fill("Nadia Newcomer");
  await nadia.getByLabel("Password").fill(STRONG_PASSWORD);
  await nadia.getByRole("button", { name: "Create account and join" }).click();
  await expect(nadia).toHaveURL(new RegExp(`/w/${slug}$`), { timeout: 20_000 });
  await expect(nadia.getByRole("heading", { level: 1, name: "Research desk" })).toBeVisible();
  await expect(nadia.getByText("Your role: annotator")).toBeVisible();

  // The link worked once.
  await nadia.goto(url);
  await expect(nadia.getByRole("heading", { level: 1, name: "This invitation has already been used" })).toBeVisible();
  await nadiaContext.close();

  // The owner sees Nadia as a member, and no longer as invited.
  await page.reload();
  await expect(memberRow(page, "Nadia Newcomer")).toContainText("annotator");
  await expect(page.getByRole("list", { name: "Pending invitations" })).toHaveCount(0);
  await expect(page.getByText("No pending invitations")).toBeVisible();
});

test("members: an owner removes a member and revokes an invitation; a member leaves; the wrong account is told", async ({ browser }) => {
  test.setTimeout(180_000);
  const owner = await person(browser, "Olive Owner");
  const cara = await person(browser, "Cara Colleague");
  const lee = await person(browser, "Lee Leaving");
  const slug = await createWorkspaceViaUi(owner.page, "Field desk");
  await addViaApi(owner.page, slug, cara.email, "editor");
  await addViaApi(owner.page, slug, lee.email, "viewer");
  const page = owner.page;
  await page.goto(`/w/${slug}/members`);

  // Removing asks first, and a cancel changes nothing.
  await memberRow(page, "Cara Colleague").getByRole("button", { name: "Remove" }).click();
  const confirm = page.getByRole("dialog", { name: "Remove Cara Colleague?" });
  await expect(confirm).toContainText("Field desk");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(memberRow(page, "Cara Colleague")).toBeVisible();
  await memberRow(page, "Cara Colleague").getByRole("button", { name: "Remove" }).click();
  await confirm.getByRole("button", { name: "Remove from workspace" }).click();
  await expect(memberRow(page, "Cara Colleague")).toHaveCount(0);
  await expect(page.getByText("Cara Colleague was removed.")).toBeVisible();
  await cara.page.goto(`/w/${slug}`);
  await expect(cara.page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  // An invitation made by the "Invite with a link" button, then revoked: its link says so, calmly.
  const email = `someone-${randomUUID()}@test.local`;
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Invite with a link" }).click();
  const url = await page.getByLabel("Invitation link", { exact: true }).inputValue();
  const row = page.getByRole("list", { name: "Pending invitations" }).getByRole("listitem").filter({ hasText: email });
  await expect(row).toContainText("viewer");
  await expect(row).toContainText(/Expires/);
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText(`The invitation for ${email} was revoked.`)).toBeVisible();
  await expect(page.getByText("No pending invitations")).toBeVisible();
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(url);
  await expect(strangerPage.getByRole("heading", { level: 1, name: "This invitation was withdrawn" })).toBeVisible();
  await expect(strangerPage.getByLabel("Password")).toHaveCount(0);
  await stranger.close();

  // A link for someone else, opened by a signed-in member of another account, says whose it is.
  await page.getByLabel("Email", { exact: true }).fill(`another-${randomUUID()}@test.local`);
  await page.getByRole("button", { name: "Invite with a link" }).click();
  const other = await page.getByLabel("Invitation link", { exact: true }).inputValue();
  await lee.page.goto(other);
  await expect(lee.page.getByRole("heading", { level: 1, name: "This invitation is for someone else" })).toBeVisible();
  await expect(lee.page.getByText(`You are signed in as ${lee.email}`)).toBeVisible();
  await expect(lee.page.getByRole("button", { name: /^Join/ })).toHaveCount(0);

  // Lee leaves by themselves.
  await lee.page.goto(`/w/${slug}/members`);
  await expect(lee.page.getByRole("button", { name: "Change role" })).toHaveCount(0);
  await memberRow(lee.page, "Lee Leaving").getByRole("button", { name: "Leave" }).click();
  await lee.page.getByRole("dialog", { name: "Leave Field desk?" }).getByRole("button", { name: "Leave workspace" }).click();
  await expect(lee.page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
  await expect(lee.page.getByRole("link", { name: "Field desk" })).toHaveCount(0);
  await page.reload();
  await expect(memberRow(page, "Lee Leaving")).toHaveCount(0);
});

test("members: a viewer sees their role by the report's title and is told why selecting text does nothing", async ({ browser }) => {
  const owner = await person(browser, "Olive Owner");
  const viewer = await person(browser, "Vera Viewer");
  const slug = await createWorkspaceViaUi(owner.page, "Water desk");
  await addViaApi(owner.page, slug, viewer.email, "viewer");
  const imported = await sessionApi(owner.page).post(`/api/v1/workspaces/${slug}/reports`, {
    data: { format: "markdown", content: WATER_REPORT },
  });
  expect(imported.status()).toBe(201);
  const reportUrl = `/w/${slug}/r/${(await imported.json()).id}`;

  const page = viewer.page;
  await page.goto(reportUrl);
  await expect(page.getByRole("link", { name: "Your role: viewer" })).toBeVisible();
  await selectPhraseWithMouse(page, "Upstream dams");
  const hint = page.getByTestId("viewer-hint");
  await expect(hint).toBeVisible();
  await expect(hint).toContainText("Viewers read");
  await expect(hint).toContainText("ask an owner");
  await expect(page.getByTestId("selection-toolbar")).toHaveCount(0);
  await page.screenshot({ path: path.join(SHOTS, "reader-viewer-hint-1440.png") });
  // Reading goes on: the text stays selected (it can be copied), and the hint leaves with the selection.
  expect(await page.evaluate(() => String(window.getSelection()))).toBe("Upstream dams");
  await page.getByRole("heading", { level: 1 }).click();
  await expect(hint).toBeHidden();

  // The owner gets the toolbar, never the hint.
  await owner.page.goto(reportUrl);
  await expect(owner.page.getByRole("link", { name: "Your role: owner" })).toBeVisible();
  await selectPhraseWithMouse(owner.page, "Upstream dams");
  await expect(owner.page.getByTestId("selection-toolbar")).toBeVisible();
  await expect(owner.page.getByTestId("viewer-hint")).toHaveCount(0);

  // On a phone, a viewer's selection (made by touch, without a mouseup) gets the same hint.
  const phone = await browser.newContext({ ...PHONE, storageState: await viewer.context.storageState() });
  const small = await phone.newPage();
  await small.goto(reportUrl);
  await expect(small.getByRole("link", { name: "Your role: viewer" })).toBeVisible();
  await small.getByTestId("report-text").waitFor();
  await small.evaluate(() => {
    const root = document.querySelector("[data-testid=report-text]")!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf("Upstream dams");
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + "Upstream dams".length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
  });
  await expect(small.getByTestId("viewer-hint")).toBeVisible();
  expect(await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await small.screenshot({ path: path.join(SHOTS, "reader-viewer-hint-390.png") });
  await phone.close();
});

test("members: keyboard alone changes a role, invites, copies the link and revokes it", async ({ browser }) => {
  test.setTimeout(150_000);
  const owner = await person(browser, "Olive Owner");
  const cara = await person(browser, "Cara Colleague");
  await owner.context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const slug = await createWorkspaceViaUi(owner.page, "Keys desk");
  await addViaApi(owner.page, slug, cara.email, "annotator");
  const page = owner.page;
  await page.goto(`/w/${slug}/members`);
  await page.getByRole("heading", { level: 1, name: "Members" }).waitFor();

  await tabTo(page, /^Change role for Cara Colleague$/);
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Change Cara Colleague’s role" });
  await expect(dialog).toBeVisible();
  // Focus starts on the role held now; arrows move through the roles, as in any radio group.
  await expect(dialog.getByRole("radio", { name: /Annotator/ })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(dialog.getByRole("radio", { name: /Viewer/ })).toBeChecked();
  // Esc leaves without changing anything, and focus goes back where it was.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(memberRow(page, "Cara Colleague")).toContainText("annotator");
  await expect(page.getByRole("button", { name: "Change role for Cara Colleague" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowUp");
  await expect(dialog.getByRole("radio", { name: /Editor/ })).toBeChecked();
  await tabTo(page, /^Save role$/);
  await page.keyboard.press("Enter");
  await expect(page.getByText("Cara Colleague is now an editor.")).toBeVisible();
  await expect(memberRow(page, "Cara Colleague")).toContainText("editor");

  const email = `keys-${randomUUID()}@test.local`;
  await tabTo(page, /^Email$/);
  await page.keyboard.type(email);
  await tabTo(page, /^Invite with a link$/);
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  const link = page.getByLabel("Invitation link", { exact: true });
  await expect(link).toHaveValue(/\/invite\//);
  await tabTo(page, /^Copy link$/);
  await page.keyboard.press("Enter");
  await expect(page.getByText("Copied")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await link.inputValue());
  await tabTo(page, new RegExp(`^Revoke the invitation for ${email.replace(/[.]/g, "\\.")}$`));
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page.getByText(`The invitation for ${email} was revoked.`)).toBeVisible();
});

test("members: a dialog closed with Esc opens again at once, even when the browser announces the close late", async ({ browser }) => {
  test.setTimeout(120_000);
  const owner = await person(browser, "Olive Owner");
  const cara = await person(browser, "Cara Colleague");
  const slug = await createWorkspaceViaUi(owner.page, "Late close desk");
  await addViaApi(owner.page, slug, cara.email, "annotator");
  const page = owner.page;
  await page.goto(`/w/${slug}/members`);
  await page.getByRole("heading", { level: 1, name: "Members" }).waitFor();
  // A loaded browser may run the next key press before the dialog's queued "close" event:
  // hold every close event in the page back 400 ms, as such a browser would.
  await page.evaluate(() => {
    const late = new WeakSet<Event>();
    const count = (name: "held" | "sent") => {
      const data = document.documentElement.dataset;
      data[name] = String(Number(data[name] ?? 0) + 1);
    };
    window.addEventListener(
      "close",
      (e) => {
        if (late.has(e)) return;
        e.stopImmediatePropagation();
        count("held");
        const target = e.target!;
        setTimeout(() => {
          const again = new Event("close");
          late.add(again);
          target.dispatchEvent(again);
          count("sent");
        }, 400);
      },
      true,
    );
  });
  const open = page.getByRole("button", { name: "Change role for Cara Colleague" });
  const dialog = page.getByRole("dialog", { name: "Change Cara Colleague’s role" });
  await open.focus();
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("radio", { name: /Annotator/ })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(open).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("radio", { name: /Annotator/ })).toBeFocused();
  // Any close event held back from the first opening arrives before this goes on; it must not close the second.
  await expect
    .poll(() =>
      page.evaluate(() => Number(document.documentElement.dataset.held ?? 0) - Number(document.documentElement.dataset.sent ?? 0)),
    )
    .toBe(0);
  await expect(dialog).toBeVisible();
  await page.keyboard.press("ArrowUp");
  await expect(dialog.getByRole("radio", { name: /Editor/ })).toBeChecked();
  await page.getByRole("button", { name: "Save role" }).click();
  await expect(page.getByText("Cara Colleague is now an editor.")).toBeVisible();
  await expect(dialog).toBeHidden();
});

test("members: on a phone (390×844) the members page fits the screen and its actions take a thumb", async ({ browser }) => {
  test.setTimeout(150_000);
  const owner = await person(browser, "Olive Owner With A Rather Long Name", PHONE);
  const cara = await person(browser, "Cara Colleague");
  const slug = await createWorkspaceViaUi(owner.page, "Phone desk");
  await addViaApi(owner.page, slug, cara.email, "annotator");
  const page = owner.page;
  const invited = await sessionApi(page).post(`/api/v1/workspaces/${slug}/invitations`, {
    data: { email: `a-rather-long-address-${randomUUID()}@example.org`, role: "editor" },
  });
  expect(invited.status()).toBe(201);
  await page.goto(`/w/${slug}/members`);
  await expect(page.getByRole("list", { name: "Pending invitations" }).getByRole("listitem")).toHaveCount(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  for (const name of ["Change role for Cara Colleague", "Remove Cara Colleague", "Add member", "Invite with a link"]) {
    const box = await page.getByRole("button", { name }).boundingBox();
    expect(box!.height, name).toBeGreaterThanOrEqual(44);
  }
  await page.screenshot({ path: path.join(SHOTS, "members-390.png"), fullPage: true });

  await memberRow(page, "Cara Colleague").getByRole("button", { name: "Change role" }).tap();
  const dialog = page.getByRole("dialog", { name: "Change Cara Colleague’s role" });
  await dialog.getByText("Viewer", { exact: true }).tap();
  await page.screenshot({ path: path.join(SHOTS, "members-role-390.png") });
  await dialog.getByRole("button", { name: "Save role" }).tap();
  await expect(memberRow(page, "Cara Colleague")).toContainText("viewer");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);

  // The invitation page fits a phone too.
  const url = (await invited.json()).url as string;
  const fresh = await browser.newContext(PHONE);
  const newcomer = await fresh.newPage();
  await newcomer.goto(url);
  await expect(newcomer.getByRole("heading", { level: 1, name: "Join Phone desk" })).toBeVisible();
  expect(await newcomer.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await newcomer.screenshot({ path: path.join(SHOTS, "invite-390.png"), fullPage: true });
  await fresh.close();
});

test("members: axe finds nothing serious on the members and invitation pages, light and dark", async ({ browser }) => {
  test.setTimeout(150_000);
  const owner = await person(browser, "Olive Owner");
  const cara = await person(browser, "Cara Colleague");
  const slug = await createWorkspaceViaUi(owner.page, "Quiet desk");
  await addViaApi(owner.page, slug, cara.email, "viewer");
  const invited = await sessionApi(owner.page).post(`/api/v1/workspaces/${slug}/invitations`, {
    data: { email: `axe-${randomUUID()}@test.local`, role: "annotator" },
  });
  expect(invited.status()).toBe(201);
  const url = (await invited.json()).url as string;
  const state = await owner.context.storageState();

  for (const colorScheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ colorScheme, storageState: state, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`/w/${slug}/members`);
    await expect(page.getByRole("list", { name: "Pending invitations" })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: path.join(SHOTS, `members-${colorScheme}-1440.png`), fullPage: true });
    await memberRow(page, "Cara Colleague").getByRole("button", { name: "Change role" }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: path.join(SHOTS, `members-role-dialog-${colorScheme}-1440.png`) });
    await context.close();

    const signedOut = await browser.newContext({ colorScheme, viewport: { width: 1440, height: 900 } });
    const invite = await signedOut.newPage();
    await invite.goto(url);
    await expect(invite.getByRole("heading", { level: 1, name: "Join Quiet desk" })).toBeVisible();
    await expectAccessible(invite);
    await invite.screenshot({ path: path.join(SHOTS, `invite-${colorScheme}-1440.png`) });
    await invite.goto(url.replace(/[^/]+$/, "x".repeat(43)));
    await expect(invite.getByRole("heading", { level: 1, name: "This invitation link does not work" })).toBeVisible();
    await expectAccessible(invite);
    await signedOut.close();
  }
});
