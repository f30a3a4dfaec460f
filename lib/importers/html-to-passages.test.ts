import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { htmlToPassages } from "./html-to-passages";
import type { ImportedPassage } from "./types";

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

const passagesOf = (body: string) => htmlToPassages(new JSDOM(`<!doctype html><body>${body}</body>`).window.document);

describe("htmlToPassages", () => {
  it("maps headings, paragraphs and quotes", () => {
    expect(
      passagesOf(`
        <h1>Title</h1>
        <p>First   <b>bold</b>&nbsp;paragraph
           over two source lines.</p>
        <h3>Section</h3>
        <blockquote><p>Quoted one.</p><p>Quoted <i>two</i>.</p>Loose quoted text</blockquote>
        <h2></h2>`),
    ).toEqual([
      p("heading", "Title", 1),
      p("paragraph", "First bold paragraph over two source lines.", null, { marks: [{ type: "bold", start: 6, end: 10 }] }),
      p("heading", "Section", 3),
      p("quote", "Quoted one."),
      p("quote", "Quoted two.", null, { marks: [{ type: "italic", start: 7, end: 10 }] }),
      p("quote", "Loose quoted text"),
    ]);
  });

  it("flattens nested lists in document order, keeping an item's paragraphs together", () => {
    expect(
      passagesOf(`
        <ul>
          <li>One
            <ol><li>One a</li><li><p>One b,</p><p>continued</p></li></ol>
          </li>
          <li>Two</li>
        </ul>`),
    ).toEqual([
      p("list_item", "One"),
      p("list_item", "One a", null, { listNumber: 1 }),
      p("list_item", "One b, continued", null, { listNumber: 2 }),
      p("list_item", "Two"),
    ]);
  });

  it("keeps bold, italics and safe links as marks, and the numbers of ordered lists", () => {
    expect(
      passagesOf(`
        <p>Tariffs rose <strong>sharply</strong> in <em>three</em> governorates, says
           <a href="https://example.org/tariffs">the <b>ministry</b></a>; <a href="javascript:alert(1)">this</a> is not a link.</p>
        <ol start="3"><li>Publish the table.</li><li value="7">Fund the districts.</li><li>Report back.</li></ol>`),
    ).toEqual([
      p("paragraph", "Tariffs rose sharply in three governorates, says the ministry; this is not a link.", null, {
        marks: [
          { type: "bold", start: 13, end: 20 },
          { type: "italic", start: 24, end: 29 },
          { type: "link", start: 49, end: 61, href: "https://example.org/tariffs" },
          { type: "bold", start: 53, end: 61 },
        ],
      }),
      p("list_item", "Publish the table.", null, { listNumber: 3 }),
      p("list_item", "Fund the districts.", null, { listNumber: 7 }),
      p("list_item", "Report back.", null, { listNumber: 8 }),
    ]);
  });

  it("reads a table as one paragraph per row, cells joined with a bar", () => {
    expect(
      passagesOf(`
        <table>
          <caption>Exports by year</caption>
          <thead><tr><th>Year</th><th>Value</th></tr></thead>
          <tbody>
            <tr><td>2022</td><td><p>1.2</p><p>bn</p></td></tr>
            <tr><td></td><td></td></tr>
            <tr><td>2023</td><td><table><tr><td>nested</td></tr></table></td></tr>
          </tbody>
        </table>`),
    ).toEqual([
      p("paragraph", "Exports by year"),
      p("paragraph", "Year | Value"),
      p("paragraph", "2022 | 1.2 bn"),
      p("paragraph", "2023 | nested"),
    ]);
  });

  it("recognises footnotes by role, by class and by mammoth's ids", () => {
    expect(
      passagesOf(`
        <p>Claim<sup><a href="#fn1" id="ref1">1</a></sup> and another<a role="doc-noteref" href="#fn2">2</a>.</p>
        <aside role="doc-footnote" id="fn1">1. A note in an aside. <a role="doc-backlink" href="#ref1">back</a></aside>
        <div class="footnote">* A starred note.</div>
        <ol><li id="footnote-1"><p>Mammoth's note. <a href="#footnote-ref-1">↑</a></p></li>
            <li id="footnote-2"><p>Second note.</p></li></ol>
        <section class="footnotes"><ol start="5"><li id="fn:5">Pandoc-style note <a href="#fnref5">↩︎</a></li></ol></section>`),
    ).toEqual([
      p("paragraph", "Claim[1] and another[2]."),
      p("footnote", "1. A note in an aside."),
      p("footnote", "* A starred note."),
      p("footnote", "[1] Mammoth's note."),
      p("footnote", "[2] Second note."),
      p("footnote", "[5] Pandoc-style note"),
    ]);
  });

  it("leaves out scripts, styles, navigation, asides, forms and hidden elements", () => {
    expect(
      passagesOf(`
        <nav><a href="/">Home</a><a href="/about">About</a></nav>
        <script>var tracking = "text";</script><style>p { color: red }</style>
        <aside>Advertisement</aside>
        <form><label>Email</label><input value="x"><button>Subscribe</button></form>
        <p hidden>Hidden.</p><p aria-hidden="true">Also hidden.</p><p style="display: none">Invisible.</p>
        <noscript>Enable JavaScript.</noscript>
        <p>Kept.</p>`),
    ).toEqual([p("paragraph", "Kept.")]);
  });

  it("splits loose text at blocks and at double line breaks, and cleans invisible characters", () => {
    expect(passagesOf(`<div>Loose text<br>same paragraph<br><br>next paragraph<div>Inner block</div>tail\u200B text\uFEFF</div>`)).toEqual([
      p("paragraph", "Loose text same paragraph"),
      p("paragraph", "next paragraph"),
      p("paragraph", "Inner block"),
      p("paragraph", "tail text"),
    ]);
  });

  it("keeps right-to-left text and its joiners intact", () => {
    const persian = "می‌خواهم این گزارش را بخوانم";
    expect(passagesOf(`<p dir="rtl">${persian}</p>`)).toEqual([p("paragraph", persian)]);
  });

  it("accepts an element as the root", () => {
    const { document } = new JSDOM("<body><main><p>In main.</p></main><p>Outside.</p></body>").window;
    expect(htmlToPassages(document.querySelector("main")!)).toEqual([p("paragraph", "In main.")]);
  });
});
