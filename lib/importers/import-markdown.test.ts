import { describe, expect, it } from "vitest";
import { importMarkdown } from "./import-markdown";
import { ImportError, type ImportedPassage } from "./types";

const p = (
  kind: ImportedPassage["kind"],
  text: string,
  level: number | null = null,
  extra: Partial<ImportedPassage> = {},
): ImportedPassage => ({
  kind,
  level,
  text,
  ...extra,
});

describe("importMarkdown", () => {
  it("maps headings, paragraphs, quotes and lists to passages", () => {
    const report = importMarkdown(
      [
        "# Report title",
        "",
        "Intro with **bold**, _emphasis_, ~~gone~~ and `code`.",
        "",
        "## Findings",
        "",
        "> First quoted paragraph",
        "> continues here.",
        ">",
        "> Second quoted *paragraph*.",
        "",
        "### Details",
        "",
        "1. one",
        "2. two",
      ].join("\n"),
    );
    expect(report.title).toBe("Report title");
    expect(report.publishedAt).toBeNull();
    expect(report.passages).toEqual([
      p("paragraph", "Intro with bold, emphasis, gone and code.", null, {
        marks: [
          { type: "bold", start: 11, end: 15 },
          { type: "italic", start: 17, end: 25 },
        ],
      }),
      p("heading", "Findings", 2),
      p("quote", "First quoted paragraph continues here."),
      p("quote", "Second quoted paragraph.", null, { marks: [{ type: "italic", start: 14, end: 23 }] }),
      p("heading", "Details", 3),
      p("list_item", "one", null, { listNumber: 1 }),
      p("list_item", "two", null, { listNumber: 2 }),
    ]);
  });

  it("flattens nested lists in order, including loose and task items", () => {
    const report = importMarkdown("- a\n  - b\n    - c\n  - d\n- e\n\n  more of e\n- [x] done task\n");
    expect(report.passages).toEqual(["a", "b", "c", "d", "e more of e", "done task"].map((t) => p("list_item", t)));
  });

  it("keeps link text and image alt text, never the URLs", () => {
    const report = importMarkdown("See [the annex](https://example.org/a) and ![a chart of &amp; trade](chart.png).");
    expect(report.passages).toEqual([
      p("paragraph", "See the annex and a chart of & trade.", null, {
        marks: [{ type: "link", start: 4, end: 13, href: "https://example.org/a" }],
      }),
    ]);
  });

  it("turns each table row into one paragraph with cells joined by |", () => {
    const report = importMarkdown("| Country | Year |\n|---|---|\n| **Jordan** | 2021 |\n| UAE | 2018 |\n");
    expect(report.passages.map((x) => x.text)).toEqual(["Country | Year", "Jordan | 2021", "UAE | 2018"]);
  });

  it("turns HTML blocks into their text and drops scripts, styles and comments", () => {
    const report = importMarkdown(
      '<div class="note"><p>Hello <em>there</em> &amp; welcome</p><p>Second</p>\n<script>alert(1)</script><!-- hidden --></div>\n\nAfter<br>break <sup>1</sup>.',
    );
    expect(report.passages.map((x) => x.text)).toEqual(["Hello there & welcome", "Second", "After break 1."]);
    expect(report.passages.some((x) => /[<>]|alert|hidden/.test(x.text))).toBe(false);
  });

  it("keeps code blocks as paragraphs of their text", () => {
    const report = importMarkdown("Text.\n\n```js\nconst a = 1;\nconst b = a < 2;\n```\n\n    indented & raw\n");
    expect(report.passages.slice(1)).toEqual([p("paragraph", "const a = 1; const b = a < 2;"), p("paragraph", "indented & raw")]);
  });

  it("marks everything inside a block quote as quote", () => {
    const report = importMarkdown("> ## Said\n> - item\n");
    expect(report.passages).toEqual([p("quote", "Said"), p("quote", "item")]);
  });
});

describe("importMarkdown title and date", () => {
  it("uses the first heading of any level when no H1 opens the document, keeping it as a passage", () => {
    const report = importMarkdown("## Summary\n\nBody.\n\n# Later H1\n");
    expect(report.title).toBe("Summary");
    expect(report.passages[0]).toEqual(p("heading", "Summary", 2));
  });

  it("keeps an H1 that is not the first block as a passage", () => {
    const report = importMarkdown("Preface.\n\n# Main\n\nBody.");
    expect(report.title).toBe("Main");
    expect(report.passages.map((x) => x.kind)).toEqual(["paragraph", "heading", "paragraph"]);
  });

  it("has no title without headings", () => {
    expect(importMarkdown("Just text.").title).toBeNull();
  });

  it("reads title and date from front matter and drops the H1 that repeats it", () => {
    const report = importMarkdown('---\ntitle: "Syria report"\nauthor: Someone\ndate: 2023-03-21T08:00:00Z\n---\n# Syria report\n\nBody.');
    expect(report).toEqual({
      title: "Syria report",
      publishedAt: "2023-03-21",
      passages: [p("paragraph", "Body.")],
      authors: [],
      titlePassage: p("heading", "Syria report", 1),
    });
  });

  it("ignores a front matter date that does not exist", () => {
    const report = importMarkdown("---\ndate: 2023-02-30\n---\n\nBody.");
    expect(report.publishedAt).toBeNull();
    expect(report.passages).toEqual([p("paragraph", "Body.")]);
  });

  it("does not mistake horizontal rules around prose for front matter", () => {
    const report = importMarkdown("---\nA sentence, not YAML.\n---\n\nBody.");
    expect(report.passages.map((x) => x.text)).toEqual(["A sentence, not YAML.", "Body."]);
  });

  it("keeps right-to-left text intact and in order", () => {
    const heading = "تقرير عن سوريا";
    const body = "قال التقرير إن 12 دولة عربية شاركت عام 2023 في المبادرة.";
    const report = importMarkdown(`# ${heading}\n\n> ${body}\n\n- עברית 42 בדיקה`);
    expect(report.title).toBe(heading);
    expect(report.passages).toEqual([p("quote", body), p("list_item", "עברית 42 בדיקה")]);
  });

  it("refuses a document with nothing but a title", () => {
    expect(() => importMarkdown("# Only a title\n\n---\n\n<!-- nothing -->")).toThrow(ImportError);
  });
});

describe("a Markdown brief", () => {
  it("finds the date line and the byline under the title, in the forms briefs use", () => {
    for (const front of ["**Date:** 12 March 2024", "_12 March 2024_", "Published: March 12, 2024", "*By Rana Khalil* · 12 March 2024"]) {
      const report = importMarkdown(`# Brief: Water prices\n\n${front}\n\nTariffs rose sharply in three governorates.`);
      expect(report.publishedAt, front).toBe("2024-03-12");
      expect(
        report.passages.map((x) => x.text),
        front,
      ).toEqual(["Tariffs rose sharply in three governorates."]);
    }
    expect(importMarkdown("# Brief\n\nBy Rana Khalil and Thomas Berger\n\nText of the brief.").authors).toEqual([
      "Rana Khalil",
      "Thomas Berger",
    ]);
  });

  it("keeps the number an ordered list starts from", () => {
    const report = importMarkdown("Steps.\n\n3. Publish the tariff table.\n4. Fund the poorest districts.\n\n- a bullet");
    expect(report.passages.map((x) => x.listNumber ?? null)).toEqual([null, 3, 4, null]);
  });

  it("keeps only safe link addresses", () => {
    const report = importMarkdown("[run](javascript:alert(1)) and [mail](mailto:desk@example.org) and [page](https://example.org/a).");
    expect(report.passages[0].marks).toEqual([
      { type: "link", start: 8, end: 12, href: "mailto:desk@example.org" },
      { type: "link", start: 17, end: 21, href: "https://example.org/a" },
    ]);
  });

  it("remembers the leading H1 it took as the title", () => {
    expect(importMarkdown("# The **real** title\n\nBody.").titlePassage).toEqual({
      kind: "heading",
      level: 1,
      text: "The real title",
      marks: [{ type: "bold", start: 4, end: 8 }],
    });
  });
});
