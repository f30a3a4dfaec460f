import { Lexer, marked, type Token } from "marked";
import { describe, expect, it } from "vitest";
import { expectGolden } from "./__golden__/expect-golden";
import { exportFixture } from "./fixture";
import { markdownWriter } from "./markdown";
import { streamedChunks, streamedText } from "./streamed";
import type { ExportAnnotation, ExportData } from "./types";

const html = (markdown: string) => marked.parse(markdown, { async: false });
const topLevel = (markdown: string): Token[] => new Lexer().lex(markdown).filter((token) => token.type !== "space");

const markdownOf = (data: ExportData) => streamedText(markdownWriter, data);

function withAnnotation(patch: Partial<ExportAnnotation>, data: ExportData = exportFixture()): ExportData {
  return { ...data, annotations: [{ ...data.annotations[1], ...patch }] };
}

/** The export's lines from the "## Annotations" heading on. */
function annotationsPart(markdown: string): string {
  return markdown.slice(markdown.indexOf("## Annotations"));
}

describe("markdownWriter", () => {
  it("matches the golden file for the fixture", async () => {
    expectGolden("fixture.md", await markdownOf(exportFixture()));
  });

  it("writes the head, then one piece per passage", async () => {
    const data = exportFixture();
    const chunks = await streamedChunks(markdownWriter, data, 1);
    expect(chunks.join("")).toBe(await markdownOf(data));
    expect(chunks).toHaveLength(4);
    expect(chunks[0]).toMatch(/^# Grid Storage and the Winter Peak\n/);
    expect(chunks[0]).toMatch(/## Annotations \(4\)\n$/);
    expect(chunks.slice(1).map((chunk) => /^\n### \[¶ (\d+)\]/.exec(chunk)?.[1])).toEqual(["2", "3", "4"]);
  });

  it("groups annotations under their passage, in reading order", async () => {
    const markdown = await markdownOf(exportFixture());
    expect(markdown.match(/^### \[¶ 2\]/gm)).toHaveLength(1);
    const order = [
      "### [¶ 2](https://marginalia.example/w/energy-desk/r/rep_1#p-2)",
      "> Battery storage grew by 40% in 2022",
      "- **Bob Ruiz** · 2026-11-18 15:00 UTC (edited): Agreed, and @Alice Example the footnote says 2021.",
      "> winter peaks still rely on gas",
      "### [¶ 3](https://marginalia.example/w/energy-desk/r/rep_1#p-3)",
      "> =SUM(A1:A9)",
      "### [¶ 4](https://marginalia.example/w/energy-desk/r/rep_1#p-4)",
      "> سيخفض الأسعار",
    ].map((line) => markdown.indexOf(`\n${line}\n`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("names a heading passage by its text", async () => {
    const data = exportFixture();
    const markdown = await markdownOf(withAnnotation({ passageId: "p1", passageIndex: 1 }, data));
    expect(markdown).toContain("\n### [¶ 1](https://marginalia.example/w/energy-desk/r/rep_1#p-1) · Summary\n");
  });

  it("says what applies to an annotation on its line", async () => {
    const markdown = await markdownOf(exportFixture());
    expect(markdown).toContain("\n**Question** · Alice Example · 2026-11-19 10:00 UTC (edited) · private · resolved · Tags: Methods\n");
    expect(markdown).toContain("\n**Highlight** · Bob Ruiz · 2026-11-18 16:00 UTC\n");
    expect(markdown).toContain(
      "\n**Comment** · سميرة الحسن · originally by acct:hala@hypothes.is (Hala) · 2026-11-20 07:45 UTC · Tags: Prices\n",
    );
    expect(markdown).toContain(
      "\nClaim: Battery storage grew 40% in 2022 · Verdict: **Contested**, set by Bob Ruiz on 2026-11-20 10:00 UTC (1 supports · 2 disputes · 0 needs evidence)\n",
    );
  });

  it("nests the notes' headings under “Team notes”, capped at level 6, leaving code alone", async () => {
    const data = exportFixture();
    data.notes.body = "# Top\n\ntext\n\n##### Deep\n\n```\n# not a heading\n```\n\nSetext\n===";
    const markdown = await markdownOf(data);
    expect(markdown).toContain("## Team notes\n\n### Top\n\ntext\n\n###### Deep\n\n```\n# not a heading\n```\n\n### Setext\n");
    expect(await markdownOf(exportFixture())).toContain("## Team notes\n\n### Where we landed\n");
  });

  it("nests an annotation body's headings under its passage", async () => {
    const markdown = await markdownOf(withAnnotation({ body: "# My point\n\nDetails." }));
    expect(annotationsPart(markdown)).toContain("\n#### My point\n\nDetails.\n");
    expect(annotationsPart(markdown)).not.toMatch(/^#{1,3} My point/m);
  });

  it("closes a code fence a body left open, so the rest of the file is not code", async () => {
    const data = exportFixture();
    data.annotations[0].body = "```\nopen code";
    const tokens = topLevel(annotationsPart(await markdownOf(data)));
    const code = tokens.filter((token) => token.type === "code");
    expect(code).toHaveLength(1);
    expect(code[0].raw).toBe("```\nopen code\n```");
    expect(tokens.some((token) => token.type === "paragraph" && token.raw.startsWith("**Highlight**"))).toBe(true);
  });

  it("says so when there are no team notes, and when they were last edited", async () => {
    const data = exportFixture();
    data.notes = { body: "  \n", updatedAt: null, updatedBy: null };
    const markdown = await markdownOf(data);
    expect(markdown).toContain("## Team notes\n\n*No team notes have been written yet.*\n\n## Annotations (4)");
    expect(markdown).not.toContain("Last edited");
    expect(await markdownOf(exportFixture())).toContain(
      "> Storage is not a substitute for firm capacity.\n\n*Last edited 2026-11-20 09:30 UTC by Alice Example.*\n",
    );
  });

  it("says there are no annotations yet, or none matching the filters", async () => {
    const data = { ...exportFixture(), annotations: [] };
    const none = await markdownOf(data);
    expect(none).toMatch(/## Annotations \(0\)\n\n\*No annotations yet\.\*\n\n## References\n\n.+\n$/);
    expect(none).not.toContain("Filters:");
    expect(await streamedChunks(markdownWriter, data, 1)).toHaveLength(1);

    const filtered = await markdownOf({ ...data, filters: ["kind: claim", "tag: Methods"] });
    expect(filtered).toMatch(/## Annotations \(0\)\n\n\*No annotations match these filters\.\*\n\n## References\n\n.+\n$/);
    expect(filtered).toContain("\n- Filters: kind: claim; tag: Methods\n");
  });

  it("leaves replies out when they were not asked for", async () => {
    const markdown = await markdownOf({ ...exportFixture(), includeReplies: false });
    expect(markdown).not.toContain("Replies:");
    expect(markdown).not.toContain("the footnote says 2021");
    expect(markdown).not.toContain("@attacker");
    expect(await markdownOf(exportFixture())).toContain("the footnote says 2021");
  });

  it("keeps every line of a multi-line quote inside the blockquote", async () => {
    const markdown = await markdownOf(withAnnotation({ quote: "First line\n\n# Second line\n- third" }));
    expect(markdown).toContain("\n> First line\n>\n> \\# Second line\n> \\- third\n\n**Highlight**");
    const tokens = topLevel(annotationsPart(markdown));
    const quote = tokens.find((token) => token.type === "blockquote");
    expect(quote?.raw).toBe("> First line\n>\n> \\# Second line\n> \\- third");
    expect(html(quote!.raw)).toBe("<blockquote>\n<p>First line</p>\n<p># Second line\n- third</p>\n</blockquote>\n");
  });

  it("keeps Markdown in names, tags and quotes from changing the structure", async () => {
    const data = withAnnotation({
      author: { id: "u_x", name: "Bob *the* [builder](x) <b>", emailSha1: null },
      quote: "costs _fell_ by `half` ~40%",
      tags: ["**Bold**"],
    });
    data.report.title = "Storage *and* [peaks]";
    const markdown = await markdownOf(data);
    expect(html(markdown)).toContain("<h1>Storage *and* [peaks]</h1>");
    // The fixture's own notes use emphasis, so only the annotations are checked for markup.
    const rendered = html(annotationsPart(markdown));
    expect(rendered).toContain("Bob *the* [builder](x) &lt;b&gt;");
    expect(rendered).toContain("<p>costs _fell_ by `half` ~40%</p>");
    expect(rendered).toContain("Tags: **Bold**");
    expect(rendered).not.toMatch(/<(em|a href="x"|code|del|b)>/);
  });

  it("indents a multi-line reply under its list item, and starts a block reply on its own line", async () => {
    const data = exportFixture();
    data.annotations[0].replies[0].body = "First line\nsecond line\n\nNew paragraph.";
    data.annotations[0].replies[1].body = "- a list\n- in a reply";
    const markdown = await markdownOf(data);
    expect(markdown).toContain(
      "\n- **Bob Ruiz** · 2026-11-18 15:00 UTC (edited): First line\n  second line\n\n  New paragraph.\n" +
        "- **سميرة الحسن** · 2026-11-19 08:00 UTC:\n\n  - a list\n  - in a reply\n",
    );
    const tokens = topLevel(annotationsPart(markdown));
    const replies = tokens
      .slice(tokens.findIndex((token) => token.type === "paragraph" && token.raw.trim() === "Replies:"))
      .find((token): token is Extract<Token, { type: "list" }> => token.type === "list");
    expect(replies?.items).toHaveLength(2);
    expect(replies?.items[1].tokens.some((token) => token.type === "list")).toBe(true);
  });

  it("lists each stance with its author, note and evidence, after the body", async () => {
    const markdown = await markdownOf(exportFixture());
    expect(markdown).toContain(
      "Their own chart shows 35%, not 40%.\n\nStances:\n\n" +
        "- **Bob Ruiz** disputes: Table A3 says 35%, not \\*40%*. Evidence: [¶ 3](https://marginalia.example/w/energy-desk/r/rep_1#p-3)\n" +
        "- **سميرة الحسن** disputes. Evidence: <https://example.org/grid-storage/appendix#a3>\n" +
        "- **Alice Example** supports: The press release agrees.\n",
    );
    // The note is text: its asterisks do not become emphasis; the evidence links work.
    const html = marked.parse(markdown, { async: false }) as string;
    expect(html).toContain("Table A3 says 35%, not *40%*.");
    expect(html).toContain('<a href="https://marginalia.example/w/energy-desk/r/rep_1#p-3">¶ 3</a>');
    expect(html).toContain('<a href="https://example.org/grid-storage/appendix#a3">https://example.org/grid-storage/appendix#a3</a>');
  });

  it("says nobody set the verdict by leaving the setter out, and lists no stances when there are none", async () => {
    const data = withAnnotation({
      kind: "claim",
      claimSummary: "A claim",
      verdict: "unverified",
      verdictSetBy: null,
      verdictSetAt: null,
      stances: [],
    });
    const markdown = await markdownOf(data);
    expect(markdown).toContain("\nClaim: A claim · Verdict: **Unverified** (0 supports · 0 disputes · 0 needs evidence)\n");
    expect(markdown).not.toContain("Stances:");
  });

  it("writes the editor's Markdown clean: no entities, needless escapes or empty lines", async () => {
    const markdown = await markdownOf(exportFixture());
    expect(markdown).toContain("\nDemand grows ~5% a year while prices < costs.\n\n- Ask @Bob Ruiz for the appendix\n");
    expect(markdown).not.toMatch(/&(lt|gt|amp|nbsp);|\\~|\n\n\n/);
    // What the export escapes itself, it escapes only where it matters.
    const data = withAnnotation({ quote: "about ~5% < 2 GW & a_b" });
    expect(await markdownOf(data)).toContain("\n> about ~5% < 2 GW & a_b\n");
    expect(await markdownOf(withAnnotation({ quote: "~~struck~~ <b>bold</b>" }))).toContain("\n> \\~~struck~~ \\<b>bold\\</b>\n");
  });

  it("writes mentions as names and app links as absolute addresses", async () => {
    const markdown = await markdownOf(exportFixture());
    expect(markdown).toContain("- Ask @Bob Ruiz for the appendix");
    expect(markdown).toContain("See [¶ 2](https://marginalia.example/w/energy-desk/r/rep_1#p-2).");
    expect(markdown).not.toContain("[@ id=");
  });
});
