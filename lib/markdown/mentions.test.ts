import { describe, expect, it } from "vitest";
import { extractMentions, mentionMarkdown, newMentionIds } from "./mentions";

describe("mentions in Markdown", () => {
  it("finds TipTap's mention shortcodes with their ids and labels", () => {
    const md = `Ask ${mentionMarkdown("u1", "Layla Mansour")} and [@ id="u2" label="Sami"] about it.`;
    expect(extractMentions(md)).toEqual([
      { id: "u1", label: "Layla Mansour" },
      { id: "u2", label: "Sami" },
    ]);
  });

  it("counts a person once and ignores links and shortcodes without an id", () => {
    expect(extractMentions('[@ id="u1"] [@ id="u1" label="again"] [link](https://x.org) [@ label="x"]')).toEqual([{ id: "u1", label: "" }]);
  });

  it("tells which mentions an edit added", () => {
    expect(newMentionIds('[@ id="a"] [@ id="b"]', '[@ id="a"]')).toEqual(["b"]);
    expect(newMentionIds('[@ id="a"]', '[@ id="a"]')).toEqual([]);
  });

  it("keeps quotes and brackets out of the shortcode it writes", () => {
    expect(mentionMarkdown('x"y', 'Name "] evil')).toBe('[@ id="xy" label="Name  evil"]');
  });
});
