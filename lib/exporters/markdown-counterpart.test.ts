import { describe, expect, it } from "vitest";
import { counterpartFixture, exportFixture } from "./fixture";
import { markdownWriter } from "./markdown";
import { streamedText } from "./streamed";

describe("the Markdown export with the counterpart under each ¶", () => {
  it("quotes the translation's aligned passages under the ¶ heading, and nothing without them", async () => {
    const data = exportFixture();
    const first = data.annotations[0];
    const plain = await streamedText(markdownWriter, data);
    const counterpart = counterpartFixture(first.passageId);
    const withCounterpart = await streamedText(markdownWriter, { ...data, counterpart });
    const heading = `### [¶ ${first.passageIndex}]`;
    const after = withCounterpart.slice(withCounterpart.indexOf(heading));
    expect(after).toContain("*Arabic, ¶ 2, ¶ 3:*\n\n> يقول التقرير إن الطلب سيتجاوز العرض بحلول ٢٠٣٠.\n>\n> \\# ليس عنواناً");
    // Only the ¶s with aligned passages change; without the option the export is as it was.
    expect(withCounterpart.replace(/\*Arabic, [^\n]*\n\n(>[^\n]*\n)+\n/, "")).toBe(plain);
  });
});
