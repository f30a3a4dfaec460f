/**
 * The `test` and `expect` every spec imports: Playwright's, plus a watch on the
 * Content-Security-Policy. Any violation in any page the test opens (its own
 * `page`, or pages of contexts it makes with `browser.newContext()` or
 * `browser.newPage()`) fails the test, with what was blocked and where, so a
 * script without its nonce, an inline handler, an eval or a blocked socket,
 * style or font shows up as a red test rather than a quietly broken page.
 */
import { test as base, expect, type BrowserContext } from "@playwright/test";

/** What Chromium writes for a violation ("Refused to … because it violates the following Content Security Policy directive …"), and what an eval it blocks throws. */
const MENTIONS_CSP = /content[ -]security[ -]policy/i;

/**
 * Runs in every page before its own scripts: reports each `securitypolicyviolation`
 * event on the console (where the watch below hears it), so a violation is caught
 * even when the browser's own console message about it changes wording.
 */
function reportViolations() {
  addEventListener("securitypolicyviolation", (e) => {
    const where = e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : "";
    console.error(
      `Content Security Policy violation: ${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"}${where}${e.sample ? `: ${e.sample}` : ""}`,
    );
  });
}

async function watch(context: BrowserContext, violations: string[]): Promise<void> {
  await context.addInitScript(reportViolations);
  context.on("console", (message) => {
    if (MENTIONS_CSP.test(message.text()))
      violations.push(`${message.page()?.url() ?? "(no page)"} console.${message.type()}: ${message.text()}`);
  });
  context.on("weberror", (error) => {
    if (MENTIONS_CSP.test(String(error.error()))) violations.push(`${error.page()?.url() ?? "(no page)"} page error: ${error.error()}`);
  });
}

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ browser, context }, runTest) => {
      const violations: string[] = [];
      await watch(context, violations);
      // Most specs open several people's contexts themselves; watch those too, for this test only.
      const newContext = browser.newContext;
      browser.newContext = async (...args) => {
        const made = await newContext.apply(browser, args);
        await watch(made, violations);
        return made;
      };
      try {
        await runTest(violations);
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, "Content Security Policy violations in the browser").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
