import type { APIRequestContext, Browser, BrowserContext, Page } from "@playwright/test";
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

type RequestOptions = Parameters<APIRequestContext["post"]>[1];

/**
 * The page's signed-in session, for making a test's data through the API as
 * the app's own pages do: a write names the app as its Origin, or the app
 * refuses it as a cross-site request (page.request sends no Origin).
 */
export function sessionApi(page: Page) {
  const origin = new URL(process.env.MARGINALIA_TEST_BASE_URL ?? "http://127.0.0.1:3000").origin;
  const request = page.request;
  const withOrigin = (options?: RequestOptions): RequestOptions => ({ ...options, headers: { origin, ...options?.headers } });
  return {
    get: (url: string, options?: Parameters<APIRequestContext["get"]>[1]) => request.get(url, options),
    post: (url: string, options?: RequestOptions) => request.post(url, withOrigin(options)),
    put: (url: string, options?: RequestOptions) => request.put(url, withOrigin(options)),
    patch: (url: string, options?: RequestOptions) => request.patch(url, withOrigin(options)),
    delete: (url: string, options?: RequestOptions) => request.delete(url, withOrigin(options)),
  };
}
