import { describe, expect, it } from "vitest";
import { markdownToBlocks } from "@/lib/markdown/to-blocks";
import { escapeMarkdownText, quoteMarkdown } from "./quote-markdown";

const base = {
  quote: "Battery storage grew by 40% in 2022",
  passageIndex: 12,
  kind: "comment" as const,
  body: "Their chart says **35%**.",
  claimSummary: null,
  author: { name: "Alice" },
};

describe("quoteMarkdown", () => {
  it("quotes the text in a block quote that links to its passage, then the comment", () => {
    const md = quoteMarkdown(base, "/w/desk/r/r1#p-12");
    expect(md).toBe(
      "> Battery storage grew by 40% in 2022\n>\n> — [¶ 12](/w/desk/r/r1#p-12)\n\n**Alice** commented:\n\nTheir chart says **35%**.",
    );
    const blocks = markdownToBlocks(md);
    expect(blocks[0].type).toBe("quote");
    expect(JSON.stringify(blocks[0])).toContain("/w/desk/r/r1#p-12");
  });

  it("keeps formatting characters in the quote as text", () => {
    const md = quoteMarkdown({ ...base, quote: "# Not a *heading* [x](javascript:alert(1))", body: "" }, "/p");
    const blocks = markdownToBlocks(md);
    expect(blocks).toHaveLength(1);
    const json = JSON.stringify(blocks[0]);
    expect(json).toContain("# Not a *heading* [x](javascript:alert(1))");
    expect(json).not.toContain('"href":"javascript');
  });

  it("keeps every line of a multi-line quote inside the block quote", () => {
    const blocks = markdownToBlocks(quoteMarkdown({ ...base, quote: "line one\nline two", body: "" }, "/p"));
    expect(blocks).toHaveLength(1);
    expect(blocks[0].type).toBe("quote");
  });

  it("names a claim's summary, and says nothing more for a bare highlight", () => {
    expect(quoteMarkdown({ ...base, kind: "claim", claimSummary: "Storage grew 40%", body: "" }, "/p")).toContain(
      "**Alice** marked a claim “Storage grew 40%”.",
    );
    expect(quoteMarkdown({ ...base, kind: "highlight", body: "" }, "/p")).not.toContain("Alice");
  });

  it("brings a claim's verdict, who set it, and every stance with its note and evidence", () => {
    const md = quoteMarkdown(
      {
        ...base,
        kind: "claim",
        claimSummary: "Storage grew 40%",
        body: "",
        verdict: "contested",
        verdictSetBy: { name: "Edna" },
        verdictSetAt: "2026-12-07T06:10:00.000Z",
        stances: [
          {
            user: { name: "Anan" },
            stance: "disputes",
            note: "The table says 35%",
            evidence: { url: "https://example.org/a3", passageId: null, annotationId: null, passage: null },
          },
          {
            user: { name: "Olive" },
            stance: "needs_evidence",
            note: null,
            evidence: {
              url: null,
              passageId: "p3",
              annotationId: null,
              passage: { reportId: "r1", reportTitle: "Grid", index: 3, version: 1, current: true },
            },
          },
        ],
      },
      "/w/desk/r/r1#p-12",
    );
    expect(md).toContain("Verdict: **Contested** (set by Edna on 2026-12-07)");
    expect(md).toContain("- **Anan** disputes: The table says 35%. Evidence: [https://example.org/a3](https://example.org/a3)");
    expect(md).toContain("- **Olive** needs evidence. Evidence: [¶ 3](/w/desk/r/r1#p-3)");
    const list = markdownToBlocks(md).at(-1)!;
    expect(list.type).toBe("list");
  });

  it("escapes list and rule markers at the start of a line", () => {
    expect(escapeMarkdownText("1. first")).toBe("\\1. first");
    expect(escapeMarkdownText("--- rule")).toBe("\\--- rule");
  });
});
