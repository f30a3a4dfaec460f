import path from "node:path";
import { call, newUser } from "../lib/testing/api";
import { unsubscribeLinks } from "../lib/server/email/unsubscribe";
import { expect, test } from "./support/test";
import { expectAccessible } from "./support/ui";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

test("email settings: chosen with the keyboard, saved, and offered the browser's time zone", async ({ browser }) => {
  const user = await newUser("Maya Settings");
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: "Asia/Beirut" });
  const host = new URL(process.env.MARGINALIA_TEST_BASE_URL!).hostname;
  await context.addCookies(
    user.cookie.split("; ").map((pair) => {
      const [name, ...value] = pair.split("=");
      return { name, value: value.join("="), domain: host, path: "/" };
    }),
  );
  const page = await context.newPage();
  await page.goto("/settings#email");
  const section = page.locator("#email");
  // The test server has no SMTP server: the page says so, and still keeps the choice.
  await expect(section.getByText("This server does not send email yet")).toBeVisible();
  const mode = section.getByLabel("Email me about notifications");
  await expect(mode).toHaveValue("daily");
  // Never chose a zone: the browser's is offered.
  await expect(section.getByLabel("Time zone")).toHaveValue("Asia/Beirut");
  await expect(section.getByLabel("Mentions, assignments and due dates shortly after they happen")).toBeChecked();
  await expectAccessible(page);

  // The keyboard alone: the mode, the box, the hour, then Save.
  await mode.focus();
  await mode.selectOption("weekly");
  await page.keyboard.press("Tab");
  await expect(section.getByRole("checkbox")).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await expect(section.getByLabel("Digest time")).toBeFocused();
  await section.getByLabel("Digest time").selectOption("9");
  await section.getByRole("button", { name: "Save email settings" }).focus();
  await page.keyboard.press("Enter");
  await expect(section.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, "settings-email.png"), fullPage: true });

  const saved = (await call("GET", "/api/v1/me/notification-settings", { as: user })).body;
  expect(saved).toMatchObject({ email: "weekly", digestHour: 9, timeZone: "Asia/Beirut", byKind: {} });

  // As saved, after a reload.
  await page.reload();
  await expect(page.locator("#email").getByLabel("Email me about notifications")).toHaveValue("weekly");
  await expect(page.locator("#email").getByRole("checkbox")).not.toBeChecked();
  await context.close();
});

test("unsubscribe: an email's link turns email off without signing in, after asking; a forged one does nothing", async ({ browser }) => {
  const user = await newUser("Nour Unsubscribe");
  const base = process.env.MARGINALIA_TEST_BASE_URL!;
  // A phone, not signed in: where an email's link is most often opened.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();

  const forged = unsubscribeLinks(base, "someone-else").page.replace(/\.[^.]+$/, ".AAAA");
  await page.goto(forged.replace(base, ""));
  await page.getByRole("button", { name: "Unsubscribe from all email" }).tap();
  await expect(page.getByRole("alert").filter({ hasText: "not valid" })).toBeVisible();

  await page.goto(unsubscribeLinks(base, user.id).page.replace(base, ""));
  // Opening the page changes nothing (link checkers open every link).
  await expect(page.getByRole("heading", { name: "Stop all email from Marginalia?" })).toBeVisible();
  expect((await call("GET", "/api/v1/me/notification-settings", { as: user })).body.email).toBe("daily");
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SHOTS, "unsubscribe-phone.png") });
  await page.getByRole("button", { name: "Unsubscribe from all email" }).tap();
  await expect(page.getByText("You will get no more email from Marginalia.")).toBeVisible();
  expect((await call("GET", "/api/v1/me/notification-settings", { as: user })).body.email).toBe("off");
  await page.screenshot({ path: path.join(SHOTS, "unsubscribe-done-phone.png") });
  await context.close();
});
