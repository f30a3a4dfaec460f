import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { randomAddress } from "../../lib/testing/api";
import { TEST_SSO } from "./oidc-provider";
import { expect } from "./test";

/** A fresh address at the identity provider (every address is an account there: see oidc-provider.ts). */
export function ssoEmail(localPart: string, domain = TEST_SSO.allowedDomains[0]): string {
  return `${localPart}-x${randomUUID().slice(0, 8)}@${domain}`;
}

/**
 * Clicks "Sign in with Test SSO" on the page showing it and signs in at the
 * provider as `email` (its development form: a login and any password).
 */
export async function signInWithSso(page: Page, email: string): Promise<void> {
  // An address of its own (the test server trusts one proxy), as the other specs' sign-ups do.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": randomAddress() });
  // A click that lands before the button has hydrated does nothing: click again until the provider's page
  // opens (and not while the button is busy opening it).
  const button = page.getByRole("button", { name: `Sign in with ${TEST_SSO.name}` });
  const login = page.locator('input[name="login"]');
  await expect(async () => {
    if (await button.isVisible()) await button.click({ timeout: 2_000 });
    await expect(login).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 45_000 });
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill("amber lantern quietly 42");
  await page.getByRole("button", { name: "Sign-in" }).click();
}
