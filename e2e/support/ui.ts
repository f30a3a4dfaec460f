import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { randomAddress } from "../../lib/testing/api";
import { expect } from "./test";

export async function registerViaUi(page: Page, name: string): Promise<{ email: string; password: string }> {
  const email = `e2e-${randomUUID()}@test.local`;
  const password = `pw-${randomUUID().slice(0, 12)}`;
  // An address of its own (the test server trusts one proxy): the per-address limit on new accounts is the run's otherwise.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": randomAddress() });
  await page.goto("/register");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
  return { email, password };
}

/** Creates a workspace from the page the app shows a new account (its form), waits for its page, and returns its slug. */
export async function createWorkspaceViaUi(page: Page, name: string): Promise<string> {
  await page.getByLabel("Workspace name").fill(name);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  return page.url().split("/w/")[1];
}

/** Selects text inside the report with real mouse movements, from the first character of `phrase` to its last. */
export async function selectPhraseWithMouse(page: Page, phrase: string): Promise<void> {
  // The text takes selections once it is ready: a short report's editor has mounted (its code comes
  // with the page, or after a client-side navigation), or a long report's text is there.
  await page.getByTestId("report-text").waitFor();
  const box = await page.evaluate((needle) => {
    const root = document.querySelector("[data-testid=report-text]")!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(needle);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const first = range.getBoundingClientRect();
      range.setStart(node, at + needle.length - 1);
      range.setEnd(node, at + needle.length);
      const last = range.getBoundingClientRect();
      // In right-to-left text a character starts at its right edge.
      const rtl = getComputedStyle(node.parentElement!).direction === "rtl";
      return {
        x1: rtl ? first.right - 1 : first.left + 1,
        y1: first.top + first.height / 2,
        x2: rtl ? last.left + 1 : last.right - 1,
        y2: last.top + last.height / 2,
      };
    }
    return null;
  }, phrase);
  if (!box) throw new Error(`"${phrase}" is not in the report text`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}

/** Fails on serious or critical accessibility violations. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}
