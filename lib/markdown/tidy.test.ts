import fc from "fast-check";
import { Marked } from "marked";
import { describe, expect, it } from "vitest";
import { markdownToNotesJSON, notesJSONToMarkdown } from "@/lib/collab/notes-markdown";
import { tidyMarkdown } from "./tidy";

const html = (markdown: string) => (new Marked({ async: false }).parse(markdown) as string).replace(/&nbsp;|&#160;/g, "\u00a0");

/** What the notes editor stores for these paragraphs (an empty string is an empty line). */
function editorMarkdown(paragraphs: string[]): string {
  return notesJSONToMarkdown({
    type: "doc",
    content: paragraphs.map((text) => (text ? { type: "paragraph", content: [{ type: "text", text }] } : { type: "paragraph" })),
  });
}

describe("tidyMarkdown", () => {
  it("leaves plain text alone, without looking further", () => {
    expect(tidyMarkdown("Storage grew by 40% in 2022.\n\nA second paragraph.")).toBe("Storage grew by 40% in 2022.\n\nA second paragraph.");
  });

  it("undoes the editor's needless entities and escapes, and keeps what the text says", () => {
    const stored = editorMarkdown(["Prices fall ~5% when demand < supply & storage grows > 2 GW.", "Costs: 5 * 3 = 15, a_b, #1 [draft]"]);
    expect(stored).toContain("&lt;");
    expect(stored).toContain("\\~");
    const tidy = tidyMarkdown(stored);
    // Brackets keep their escape: a reference defined elsewhere in the notes would make them a link.
    expect(tidy).toBe("Prices fall ~5% when demand < supply & storage grows > 2 GW.\n\nCosts: 5 * 3 = 15, a_b, #1 \\[draft\\]");
    expect(markdownToNotesJSON(tidy)).toEqual(markdownToNotesJSON(stored));
  });

  it("keeps the escapes that stop text from becoming markup, as escapes rather than entities", () => {
    const stored = editorMarkdown(["A <b>tag</b> stays text.", "*not emphasis* and ~~not struck~~", "# not a heading", "1. not a list"]);
    const tidy = tidyMarkdown(stored);
    expect(tidy).not.toMatch(/&(lt|gt|amp);/);
    expect(tidy).toContain("A \\<b>tag\\</b> stays text.");
    expect(html(tidy)).toBe(html(stored));
  });

  it("drops the empty lines the editor writes as &nbsp; paragraphs, and runs of blank lines", () => {
    const stored = editorMarkdown(["First.", "", "", "", "Second."]);
    expect(stored).toContain("&nbsp;");
    expect(tidyMarkdown(stored)).toBe("First.\n\nSecond.");
    expect(tidyMarkdown("One.\n\n\n\n\nTwo.\n\n\n- a\n- b")).toBe("One.\n\nTwo.\n\n- a\n- b");
  });

  it("never touches code", () => {
    const code = "```\na &lt; b \\~ c\n\n\n\nd\n```";
    expect(tidyMarkdown(`Text &lt; more.\n\n${code}`)).toBe(`Text < more.\n\n${code}`);
    expect(tidyMarkdown("Use `a &lt; b` here.")).toBe("Use `a &lt; b` here.");
  });

  it("keeps links, mentions and hard line breaks working", () => {
    const md = 'See [¶ 2](/w/x/r/y#p-2) and [@ id="u1" label="Bob"] \\~ now\\\nnext line';
    const tidy = tidyMarkdown(md);
    expect(tidy).toBe('See [¶ 2](/w/x/r/y#p-2) and [@ id="u1" label="Bob"] ~ now\\\nnext line');
    expect(html(tidy)).toBe(html(md));
  });

  it("renders every text the editor writes as it was (property)", () => {
    const piece = fc.constantFrom("a", "b", " ", "<", ">", "&", "~", "*", "_", "#", "[", "]", "`", "\\", "|", "1.", "-", "!", "lt;", "x");
    const line = fc.array(piece, { minLength: 1, maxLength: 12 }).map((parts) => parts.join("").trim() || "x");
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
        const stored = editorMarkdown(lines);
        const tidy = tidyMarkdown(stored);
        expect(markdownToNotesJSON(tidy)).toEqual(markdownToNotesJSON(stored));
        // An entity the person typed as text stays, escaped: \\&lt; reads as "&lt;".
        expect(tidy).not.toMatch(/(?<!\\)&(lt|gt|amp|nbsp);/);
      }),
      { numRuns: 300 },
    );
  });
});
