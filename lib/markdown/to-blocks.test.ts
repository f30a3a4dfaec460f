import { describe, it, expect } from "vitest";
import { markdownToBlocks, markdownToInlines, markdownToPlainText, safeHref, decodeEntities, type Block, type Inline } from "./to-blocks";

const p = (...children: Inline[]): Block => ({ type: "paragraph", children });
const t = (text: string): Inline => ({ type: "text", text });

/** Every link href anywhere in the model. */
function hrefs(blocks: Block[]): string[] {
  const out: string[] = [];
  const inl = (nodes: Inline[]) => {
    for (const n of nodes) {
      if (n.type === "link") out.push(n.href);
      if ("children" in n) inl(n.children);
    }
  };
  const blk = (bs: Block[]) => {
    for (const b of bs) {
      if (b.type === "paragraph" || b.type === "heading") inl(b.children);
      else if (b.type === "quote") blk(b.children);
      else if (b.type === "list") b.items.forEach(blk);
    }
  };
  blk(blocks);
  return out;
}

describe("markdownToBlocks: formatting", () => {
  it("handles empty input", () => {
    expect(markdownToBlocks("")).toEqual([]);
    expect(markdownToBlocks("  \n\n ")).toEqual([]);
  });

  it("parses bold, italic, strikethrough and inline code", () => {
    expect(markdownToBlocks("**b** *i* _j_ ~~d~~ `c`")).toEqual([
      p(
        { type: "strong", children: [t("b")] },
        t(" "),
        { type: "em", children: [t("i")] },
        t(" "),
        { type: "em", children: [t("j")] },
        t(" "),
        { type: "del", children: [t("d")] },
        t(" "),
        { type: "code", text: "c" },
      ),
    ]);
  });

  it("nests emphasis", () => {
    expect(markdownToBlocks("***both***")).toEqual([p({ type: "em", children: [{ type: "strong", children: [t("both")] }] })]);
  });

  it("parses links", () => {
    expect(markdownToBlocks("see [the report](https://example.org/r?a=1&b=2) now")).toEqual([
      p(t("see "), { type: "link", href: "https://example.org/r?a=1&b=2", children: [t("the report")] }, t(" now")),
    ]);
    expect(markdownToBlocks("[**x**](/docs/1#p-3)")).toEqual([
      p({ type: "link", href: "/docs/1#p-3", children: [{ type: "strong", children: [t("x")] }] }),
    ]);
    expect(markdownToBlocks("[ref][r]\n\n[r]: mailto:a@b.org")).toEqual([
      p({ type: "link", href: "mailto:a@b.org", children: [t("ref")] }),
    ]);
  });

  it("parses autolinks", () => {
    expect(markdownToBlocks("<https://example.org>")).toEqual([
      p({ type: "link", href: "https://example.org", children: [t("https://example.org")] }),
    ]);
    expect(hrefs(markdownToBlocks("go to www.example.org or mail me@example.org"))).toEqual([
      "http://www.example.org",
      "mailto:me@example.org",
    ]);
  });

  it("parses paragraphs, hard breaks and soft breaks", () => {
    expect(markdownToBlocks("one  \ntwo\nthree\n\nfour")).toEqual([p(t("one"), { type: "break" }, t("two\nthree")), p(t("four"))]);
  });

  it("parses lists", () => {
    expect(markdownToBlocks("- a\n- **b**")).toEqual([
      {
        type: "list",
        ordered: false,
        items: [[p(t("a"))], [p({ type: "strong", children: [t("b")] })]],
      },
    ]);
    expect(markdownToBlocks("3. c\n4. d")).toEqual([{ type: "list", ordered: true, start: 3, items: [[p(t("c"))], [p(t("d"))]] }]);
  });

  it("parses nested lists", () => {
    expect(markdownToBlocks("1. one\n   - a\n   - b\n2. two")).toEqual([
      {
        type: "list",
        ordered: true,
        start: 1,
        items: [[p(t("one")), { type: "list", ordered: false, items: [[p(t("a"))], [p(t("b"))]] }], [p(t("two"))]],
      },
    ]);
  });

  it("shows task list checkboxes as text", () => {
    expect(markdownToBlocks("- [x] done\n- [ ] todo")).toEqual([
      { type: "list", ordered: false, items: [[p(t("\u2611 done"))], [p(t("\u2610 todo"))]] },
    ]);
  });

  it("parses quotes, including nested blocks", () => {
    expect(markdownToBlocks("> quoted *text*\n>\n> - item")).toEqual([
      {
        type: "quote",
        children: [p(t("quoted "), { type: "em", children: [t("text")] }), { type: "list", ordered: false, items: [[p(t("item"))]] }],
      },
    ]);
    expect(markdownToBlocks("> > inner")).toEqual([{ type: "quote", children: [{ type: "quote", children: [p(t("inner"))] }] }]);
  });

  it("keeps code literal", () => {
    expect(markdownToBlocks("```js\nif (a < b && c) { x = '&amp;'; }\n<b>no</b>\n```")).toEqual([
      { type: "code", text: "if (a < b && c) { x = '&amp;'; }\n<b>no</b>" },
    ]);
    expect(markdownToBlocks("    indented <i>")).toEqual([{ type: "code", text: "indented <i>" }]);
    expect(markdownToBlocks("`&amp; <b>`")).toEqual([p({ type: "code", text: "&amp; <b>" })]);
  });

  it("keeps heading levels", () => {
    expect(markdownToBlocks("# One\n\n### Three *x*")).toEqual([
      { type: "heading", level: 1, children: [t("One")] },
      { type: "heading", level: 3, children: [t("Three "), { type: "em", children: [t("x")] }] },
    ]);
  });

  it("parses rules", () => {
    expect(markdownToBlocks("a\n\n---\n\nb")).toEqual([p(t("a")), { type: "rule" }, p(t("b"))]);
  });

  it("turns images into their alt text", () => {
    expect(markdownToBlocks("look ![a *chart* of x](https://evil.example/track.png) here")).toEqual([p(t("look a chart of x here"))]);
    // An image inside a link keeps the link, with the alt text as its label.
    expect(markdownToBlocks("[![logo](/l.png)](https://example.org)")).toEqual([
      p({ type: "link", href: "https://example.org", children: [t("logo")] }),
    ]);
  });

  it("flattens tables to paragraphs", () => {
    expect(markdownToBlocks("| a | b |\n|---|---|\n| 1 | *2* |")).toEqual([
      p({ type: "strong", children: [t("a")] }, t(" \u00B7 "), { type: "strong", children: [t("b")] }),
      p(t("1 \u00B7 "), { type: "em", children: [t("2")] }),
    ]);
  });

  it("flattens pathologically deep nesting instead of recursing forever", () => {
    const blocks = markdownToBlocks(">".repeat(100) + " deep");
    expect(JSON.stringify(blocks)).toContain("deep");
    const many = markdownToBlocks(">".repeat(20000) + " deep");
    expect(markdownToPlainText(">".repeat(20000) + " deep")).toContain("deep");
    expect(many.length).toBeGreaterThan(0);
  });
});

describe("markdownToBlocks: entities", () => {
  it("decodes entities to real characters", () => {
    expect(markdownToBlocks("a &lt; b &amp; c &#39;x&#39; &#x263A; &copy; &nbsp;")).toEqual([p(t("a < b & c 'x' \u263A \u00A9 \u00A0"))]);
  });

  it("round-trips literal special characters", () => {
    expect(markdownToBlocks("a < b & c")).toEqual([p(t("a < b & c"))]);
    expect(markdownToBlocks(`"quoted" and 'single' > x`)).toEqual([p(t(`"quoted" and 'single' > x`))]);
  });

  it("does not decode backslash-escaped ampersands or unknown names", () => {
    expect(markdownToBlocks("\\&amp; \\*not em\\* &bogus; AT&T")).toEqual([p(t("&amp; *not em* &bogus; AT&T"))]);
  });

  it("decodes entities in link destinations", () => {
    expect(hrefs(markdownToBlocks("[x](https://e.org/?a=1&amp;b=2)"))).toEqual(["https://e.org/?a=1&b=2"]);
  });

  it("decodeEntities handles numeric edge cases", () => {
    expect(decodeEntities("&#0;&#xD800;&#x110000;&#128512;")).toBe("\uFFFD\uFFFD\uFFFD\u{1F600}");
    expect(decodeEntities("&Agrave;&yuml;&Omega;&sigmaf;&colon;")).toBe("\u00C0\u00FF\u03A9\u03C2:");
  });
});

describe("markdownToBlocks: XSS", () => {
  it("shows an HTML block as its literal source", () => {
    expect(markdownToBlocks("<img src=x onerror=alert(1)>")).toEqual([p(t("<img src=x onerror=alert(1)>"))]);
  });

  it("shows a script block as text", () => {
    expect(markdownToBlocks("<script>alert(1)</script>")).toEqual([p(t("<script>alert(1)</script>"))]);
  });

  it("shows multi-line HTML blocks line by line", () => {
    expect(markdownToBlocks('<div onclick="x()">\nhi\n</div>')).toEqual([
      p(t('<div onclick="x()">'), { type: "break" }, t("hi"), { type: "break" }, t("</div>")),
    ]);
  });

  it("shows inline HTML as text", () => {
    expect(markdownToBlocks("hello <img src=x onerror=alert(1)> <b>there</b>")).toEqual([
      p(t("hello <img src=x onerror=alert(1)> <b>there</b>")),
    ]);
    expect(markdownToBlocks("a <!-- hidden --> b")).toEqual([p(t("a <!-- hidden --> b"))]);
  });

  it.each([
    "[x](javascript:alert(1))",
    "[x]( JaVaScRiPt:alert(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "[x](//evil.example)",
    "[x](/\\evil.example)",
    "[x](&#106;avascript:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](java&#x09;script:alert(1))",
    "[x](<java\tscript:alert(1)>)",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "[x](file:///etc/passwd)",
  ])("drops the unsafe link in %j and keeps its text", (src) => {
    const blocks = markdownToBlocks(src);
    expect(hrefs(blocks)).toEqual([]);
    expect(blocks[0]).toEqual(p(t("x")));
  });

  it("drops unsafe autolinks", () => {
    const blocks = markdownToBlocks("<javascript:alert(1)> <data:text/html,x>");
    expect(hrefs(blocks)).toEqual([]);
    expect(blocks).toEqual([p(t("javascript:alert(1) data:text/html,x"))]);
  });
});

describe("safeHref", () => {
  it.each([
    "http://example.org",
    "https://example.org/a?b=c#d",
    "HTTPS://EXAMPLE.ORG",
    "mailto:someone@example.org",
    "/docs/1",
    "/",
    "#p-12",
  ])("accepts %j", (href) => {
    expect(safeHref(href)).toBe(href);
  });

  it.each([
    "",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\u0001javascript:alert(1)",
    "\tjavascript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    " https://example.org",
    "\u00A0https://example.org",
    "&#106;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "&#x2F;&#x2F;evil.example",
    "/&#x2F;evil.example",
    "ftp://example.org",
    "relative/path",
    "file:///etc/passwd",
  ])("rejects %j", (href) => {
    expect(safeHref(href)).toBeNull();
  });
});

describe("right-to-left text", () => {
  it("keeps Arabic and Hebrew text intact", () => {
    expect(markdownToBlocks("مرحبا **بالعالم**")).toEqual([p(t("مرحبا "), { type: "strong", children: [t("بالعالم")] })]);
    expect(markdownToBlocks("- שלום\n- עולם")).toEqual([{ type: "list", ordered: false, items: [[p(t("שלום"))], [p(t("עולם"))]] }]);
    expect(markdownToPlainText("> هذا *اقتباس* مهم")).toBe("هذا اقتباس مهم");
  });
});

describe("markdownToPlainText", () => {
  it("strips formatting and collapses whitespace", () => {
    expect(
      markdownToPlainText("# Title\n\nSome **bold**   and [a link](https://x.org).\n\n- one\n- two\n\n---\n\n```\ncode  block\n```"),
    ).toBe("Title Some bold and a link. one two code block");
  });

  it("keeps HTML as literal text and decodes entities", () => {
    expect(markdownToPlainText("<img src=x onerror=alert(1)> &amp; a &lt; b")).toBe("<img src=x onerror=alert(1)> & a < b");
  });

  it("returns an empty string for empty input", () => {
    expect(markdownToPlainText("")).toBe("");
    expect(markdownToPlainText("\n\n")).toBe("");
  });
});

describe("mentions", () => {
  const mention = (id: string, label: string): Inline => ({ type: "mention", id, label });

  it("turns TipTap's shortcode in a paragraph into a mention node", () => {
    expect(markdownToBlocks('Ask [@ id="u1" label="Layla Mansour"] about it.')).toEqual([
      p(t("Ask "), mention("u1", "Layla Mansour"), t(" about it.")),
    ]);
    expect(markdownToBlocks("[@ id='u2' label='Sami']")).toEqual([p(mention("u2", "Sami"))]);
  });

  it("finds mentions in lists, quotes and emphasis", () => {
    expect(markdownToBlocks('- check with [@ id="u1" label="Layla"]\n- and [@ id="u2" label="Sami"] too')).toEqual([
      {
        type: "list",
        ordered: false,
        items: [[p(t("check with "), mention("u1", "Layla"))], [p(t("and "), mention("u2", "Sami"), t(" too"))]],
      },
    ]);
    expect(markdownToBlocks('> **[@ id="u1" label="Layla"]**')).toEqual([
      { type: "quote", children: [p({ type: "strong", children: [mention("u1", "Layla")] })] },
    ]);
  });

  it("keeps an Arabic label intact", () => {
    expect(markdownToBlocks('شكرا [@ id="u3" label="ليلى منصور"]')).toEqual([p(t("شكرا "), mention("u3", "ليلى منصور"))]);
    expect(markdownToPlainText('شكرا [@ id="u3" label="ليلى منصور"]')).toBe("شكرا @ليلى منصور");
  });

  it("keeps a label that looks like HTML as text", () => {
    const src = '[@ id="u4" label="<img src=x onerror=alert(1)>"] hi';
    expect(markdownToBlocks(src)).toEqual([p(mention("u4", "<img src=x onerror=alert(1)>"), t(" hi"))]);
    expect(markdownToPlainText(src)).toBe("@<img src=x onerror=alert(1)> hi");
  });

  it("reads Markdown characters in a label as part of the label", () => {
    expect(markdownToBlocks('*hi [@ id="u5" label="a*"] there*')).toEqual([
      p({ type: "em", children: [t("hi "), mention("u5", "a*"), t(" there")] }),
    ]);
    expect(markdownToBlocks('[@ id="u6" label="_x_ `y`"]')).toEqual([p(mention("u6", "_x_ `y`"))]);
  });

  it("leaves shortcodes in code spans, code blocks and after a backslash literal", () => {
    expect(markdownToBlocks('`[@ id="u1" label="L"]` and ``x [@ id="u2" label="S"]``')).toEqual([
      p({ type: "code", text: '[@ id="u1" label="L"]' }, t(" and "), { type: "code", text: 'x [@ id="u2" label="S"]' }),
    ]);
    expect(markdownToBlocks('```\n[@ id="u1" label="L"]\n```')).toEqual([{ type: "code", text: '[@ id="u1" label="L"]' }]);
    expect(markdownToBlocks('\\[@ id="u1" label="L"]')).toEqual([p(t('[@ id="u1" label="L"]'))]);
  });

  it("leaves a shortcode without an id, or unclosed, as text", () => {
    expect(markdownToBlocks('[@ label="nobody"] and [@]')).toEqual([p(t('[@ label="nobody"] and [@]'))]);
    expect(markdownToBlocks('[@ id="u1" label="L')).toEqual([p(t('[@ id="u1" label="L'))]);
  });

  it("stays fast on many unclosed shortcodes", () => {
    const start = performance.now();
    expect(markdownToPlainText("[@ ".repeat(6000))).toBe("[@ ".repeat(6000).trim());
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it("shows a mention as @Label in plain text, or @id when the label is missing", () => {
    expect(markdownToPlainText('Ask [@ id="u1" label="Layla Mansour"] and [@ id="u2"].')).toBe("Ask @Layla Mansour and @u2.");
  });

  it("parses mentions in inline Markdown", () => {
    expect(markdownToInlines('cc [@ id="u1" label="Layla"]')).toEqual([t("cc "), mention("u1", "Layla")]);
  });
});
