import type { Locator, Page } from "@playwright/test";
import { WATER_REPORT } from "./fixtures";
import { sessionApi } from "./session";
import { createWorkspaceViaUi, registerViaUi } from "./ui";
import { expect } from "./test";

export interface ReaderPassageJson {
  id: string;
  index: number;
  text: string;
}

/**
 * A new account with a workspace and the water report, imported through the
 * API; `annotate` adds annotations on a phrase of a passage, as the reader
 * would (code point offsets).
 */
export async function readerWithReport(
  page: Page,
  name: string,
  { content = WATER_REPORT, workspace = `${name.split(" ")[0]}'s desk` } = {},
) {
  await registerViaUi(page, name);
  const slug = await createWorkspaceViaUi(page, workspace);
  const api = sessionApi(page);
  const ws = await (await api.get(`/api/v1/workspaces/${slug}`)).json();
  const created = await api.post(`/api/v1/workspaces/${ws.id}/reports`, { data: { format: "markdown", content } });
  expect(created.status()).toBe(201);
  const report = (await (await api.get(`/api/v1/reports/${(await created.json()).id}`)).json()) as {
    id: string;
    passages: ReaderPassageJson[];
  };
  const passageWith = (phrase: string) => {
    const passage = report.passages.find((p) => p.text.includes(phrase));
    if (!passage) throw new Error(`"${phrase}" is in no passage`);
    return passage;
  };
  async function annotate(phrase: string, fields: Record<string, unknown> = {}): Promise<{ id: string }> {
    const passage = passageWith(phrase);
    const start = Array.from(passage.text.slice(0, passage.text.indexOf(phrase))).length;
    const res = await api.post(`/api/v1/reports/${report.id}/annotations`, {
      data: { passageId: passage.id, start, end: start + Array.from(phrase).length, kind: "comment", body: `On ${phrase}`, ...fields },
    });
    expect(res.status()).toBe(201);
    return res.json();
  }
  return { slug, workspaceId: ws.id as string, report, url: `/w/${slug}/r/${report.id}`, api, annotate };
}

/**
 * Selects `needle` inside an element as an operating system does on a touch
 * screen, or as a double-click would: a range set on the document, with no
 * mouse events. Editors and the reader follow the document's selection.
 */
export async function selectText(within: Locator, needle: string): Promise<void> {
  await within.evaluate((root, needle) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(needle);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`"${needle}" is not in ${root.getAttribute("aria-label") ?? root.tagName}`);
  }, needle);
}

/** Records, for the whole life of each page of the context, any <form> that appears inside another: read with nestedForms(page). */
export async function watchNestedForms(page: Page): Promise<void> {
  await page.context().addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __nestedForms: string[] }).__nestedForms = seen;
    const check = () => {
      for (const inner of document.querySelectorAll("form form")) seen.push(inner.outerHTML.slice(0, 200));
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  });
}

export async function nestedForms(page: Page): Promise<string[]> {
  return page.evaluate(() => [...new Set((window as unknown as { __nestedForms?: string[] }).__nestedForms ?? [])]);
}

/**
 * Switches the page to a colour scheme and waits for the colour transitions it
 * starts (buttons fade for 150 ms): axe reading the colours mid-way reports
 * contrast that no one sees.
 */
export async function colorScheme(page: Page, scheme: "light" | "dark"): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a instanceof CSSTransition)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}
