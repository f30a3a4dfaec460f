import { isRightToLeft } from "@/lib/format/text-direction";
import { strFromU8, unzipSync } from "fflate";
import { JSDOM } from "jsdom";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { WordParts, docxPackage } from "./docx-package";
import { MARKDOWN_CHARACTER_STYLES, MARKDOWN_PARAGRAPH_STYLES, markdownToDocx, type MarkdownPlacement } from "./markdown-to-docx";

const BASE = "https://marginalia.example/w/desk/r/rep_1";

/** The paragraphs in a document of their own, opened back: HTML (as mammoth reads it) and the raw document.xml. */
async function readBack(markdown: string, placement: Partial<MarkdownPlacement> = {}) {
  async function* body(parts: WordParts) {
    yield markdownToDocx(markdown, { baseUrl: BASE, headingOffset: 0, ...placement }, parts);
  }
  const chunks: Uint8Array[] = [];
  for await (const chunk of docxPackage(
    { styles: { paragraphStyles: MARKDOWN_PARAGRAPH_STYLES, characterStyles: MARKDOWN_CHARACTER_STYLES } },
    body,
  ))
    chunks.push(chunk);
  const buffer = Buffer.concat(chunks);
  const { value } = await mammoth.convertToHtml(
    { buffer },
    { styleMap: ["p[style-name='Quote'] => blockquote > p:fresh", "r[style-name='Code'] => code"] },
  );
  const files = unzipSync(new Uint8Array(buffer));
  const xml = (name: string) => new JSDOM(strFromU8(files[name]), { contentType: "text/xml" }).window.document;
  return { html: new JSDOM(value).window.document.body, documentXml: xml("word/document.xml"), numberingXml: xml("word/numbering.xml") };
}

const texts = (root: Element, selector: string) => [...root.querySelectorAll(selector)].map((e) => e.textContent);

describe("markdownToDocx", () => {
  it("returns no paragraphs for empty Markdown", () => {
    expect(markdownToDocx("  \n", { baseUrl: BASE, headingOffset: 2 }, new WordParts())).toBe("");
  });

  it("moves headings down by the offset and stops at Heading 6", async () => {
    const { html } = await readBack("# One\n\n## Two\n\n##### Five", { headingOffset: 2 });
    expect(texts(html, "h3")).toEqual(["One"]);
    expect(texts(html, "h4")).toEqual(["Two"]);
    expect(texts(html, "h6")).toEqual(["Five"]);
    expect(html.querySelector("h1, h2")).toBeNull();
  });

  it("keeps emphasis, strike-through, inline code and hard line breaks", async () => {
    const { html } = await readBack("**bold** and *it* and ~~gone~~ and `x < y`  \nnext line");
    expect(texts(html, "strong")).toEqual(["bold"]);
    expect(texts(html, "em")).toEqual(["it"]);
    expect(texts(html, "s")).toEqual(["gone"]);
    expect(texts(html, "code")).toEqual(["x < y"]);
    expect(html.querySelector("p > br")).not.toBeNull();
    expect(html.querySelector("p")?.textContent).toContain("next line");
  });

  it("writes lists as Word lists, nested, each ordered list counting from its own start", async () => {
    const { html, numberingXml } = await readBack("- a\n  1. a1\n  2. a2\n- b\n\nbetween\n\n3. three\n4. four");
    expect(texts(html, "ul > li > ol > li")).toEqual(["a1", "a2"]);
    expect(html.querySelector("ul > li")?.firstChild?.textContent).toBe("a");
    expect(texts(html, "body > ol > li")).toEqual(["three", "four"]);
    const starts = [...numberingXml.getElementsByTagName("w:startOverride")].map((e) => e.getAttribute("w:val"));
    expect(starts).toContain("3");
  });

  it("starts each ordered list again, even when it starts at the same number as the one before", async () => {
    const { documentXml } = await readBack("1. a\n2. b\n\nbetween\n\n1. c");
    const numId = (text: string) =>
      [...documentXml.getElementsByTagName("w:p")]
        .find((p) => p.textContent === text)
        ?.getElementsByTagName("w:numId")[0]
        ?.getAttribute("w:val");
    expect(numId("a")).toBeDefined();
    expect(numId("b")).toBe(numId("a"));
    expect(numId("c")).not.toBe(numId("a"));
  });

  it("writes block quotes in the Quote style, nested ones further in", async () => {
    const { html, documentXml } = await readBack("> outer\n>\n> > inner");
    expect(texts(html, "blockquote > p")).toEqual(["outer", "inner"]);
    const indents = [...documentXml.getElementsByTagName("w:ind")].map((e) => e.getAttribute("w:left"));
    expect(indents).toEqual(["720", "1440"]);
  });

  it("links with absolute addresses, resolving in-app paths against the base, and drops unsafe ones", async () => {
    const { html } = await readBack("[app](/w/desk/r/rep_1#p-2) [frag](#p-3) [web](https://example.org/a) [bad](javascript:alert(1))");
    const links = [...html.querySelectorAll("a")].map((a) => [a.textContent, a.getAttribute("href")]);
    expect(links).toEqual([
      ["app", `${BASE}#p-2`],
      ["frag", `${BASE}#p-3`],
      ["web", "https://example.org/a"],
    ]);
    expect(html.textContent).toContain("bad");
  });

  it("writes raw HTML as its text", async () => {
    const { html } = await readBack('<div onclick="x()">block</div>\n\nInline <b>bold?</b> <img src="https://t.example/p.png">');
    expect(html.querySelector("div, b, img, strong")).toBeNull();
    expect(html.textContent).toContain('<div onclick="x()">block</div>');
    expect(html.textContent).toContain("Inline <b>bold?</b>");
  });

  it("writes mentions as @Name and code blocks line by line", async () => {
    const { html } = await readBack('Ask [@ id="u_bob" label="Bob Ruiz"]\n\n```\nfirst\nsecond\n```');
    expect(html.textContent).toContain("Ask @Bob Ruiz");
    expect(html.textContent).not.toContain("u_bob");
    expect(html.querySelector("code")?.innerHTML).toBe("first<br>second");
  });

  it("indents every paragraph by the placement's indent", async () => {
    const { documentXml } = await readBack("one\n\n# two\n\n- three", { indent: 720 });
    const lefts = [...documentXml.getElementsByTagName("w:p")].map((p) => p.getElementsByTagName("w:ind")[0]?.getAttribute("w:left"));
    expect(lefts).toEqual(["720", "720", "1440"]);
  });

  it("leaves out the characters XML forbids", async () => {
    const { html } = await readBack("a\uFFFEb\u0007c\uFFFFd");
    expect(html.textContent).toBe("abcd");
  });

  it("marks right-to-left paragraphs and runs", async () => {
    const { documentXml } = await readBack("هذا **مهم** جدا\n\nEnglish then عربي");
    const [arabic, english] = [...documentXml.getElementsByTagName("w:p")];
    expect(arabic.getElementsByTagName("w:bidi")).toHaveLength(1);
    expect(arabic.getElementsByTagName("w:rtl")).toHaveLength(3);
    expect(english.getElementsByTagName("w:bidi")).toHaveLength(0);
  });
});

describe("isRightToLeft", () => {
  it("goes by the first letter", () => {
    expect(isRightToLeft("سيخفض الأسعار")).toBe(true);
    expect(isRightToLeft("-20% هو رقم")).toBe(true);
    expect(isRightToLeft("שלום")).toBe(true);
    expect(isRightToLeft("Comment · سميرة الحسن")).toBe(false);
    expect(isRightToLeft("٢٠٣٠ 2030 ·")).toBe(false);
    expect(isRightToLeft("")).toBe(false);
  });
});
