import { describe, expect, it } from "vitest";
import { citationClipboardHtml, citationClipboardText, creatorFromName, creatorName, locatorOf } from "./citations";

describe("creatorFromName", () => {
  it.each([
    ["Rana Haddad", { family: "Haddad", given: "Rana" }],
    ["Ludwig van Beethoven", { family: "van Beethoven", given: "Ludwig" }],
    ["Omar bin Khalid", { family: "bin Khalid", given: "Omar" }],
    ["Institute for Energy Futures", { literal: "Institute for Energy Futures" }],
    ["مركز الدراسات الاستراتيجية", { literal: "مركز الدراسات الاستراتيجية" }],
    ["UNESCO", { literal: "UNESCO" }],
  ])("reads %s", (name, creator) => {
    expect(creatorFromName(name)).toEqual(creator);
    expect(creatorName(creator)).toBe(name);
  });
});

describe("clipboard", () => {
  const citation = {
    quote: "a <b> & c",
    locator: locatorOf({ index: 14, page: 3 }),
    text: "Ref.",
    url: "https://x.org/w/a/r/b?annotation=c&d",
  };
  it("says ¶ and page", () => {
    expect(locatorOf({ index: 14, page: null })).toBe("¶ 14");
    expect(citationClipboardText(citation)).toBe("“a <b> & c” (¶ 14, p. 3)\n\nRef.\nhttps://x.org/w/a/r/b?annotation=c&d\n");
  });
  it("escapes every piece of the HTML", () => {
    expect(citationClipboardHtml(citation)).toBe(
      '<blockquote dir="auto">“a &lt;b&gt; &amp; c” (<a href="https://x.org/w/a/r/b?annotation=c&amp;d">¶ 14, p. 3</a>)</blockquote><p dir="auto">Ref.</p>',
    );
  });
});
