import type { Browser, BrowserContext } from "@playwright/test";
import type { TestUser } from "../../lib/testing/api";

/** A browser context signed in as `user` (the API helpers signed them in), at a desktop size. */
export async function signedIn(browser: Browser, user: TestUser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const host = new URL(process.env.MARGINALIA_TEST_BASE_URL!).hostname;
  await context.addCookies(
    user.cookie.split("; ").map((pair) => {
      const [name, ...value] = pair.split("=");
      return { name, value: value.join("="), domain: host, path: "/" };
    }),
  );
  return context;
}
