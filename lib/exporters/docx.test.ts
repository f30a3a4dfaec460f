import { strFromU8, unzipSync } from "fflate";
import { JSDOM } from "jsdom";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { expectGolden } from "./__golden__/expect-golden";
import { counterpartFixture, exportFixture } from "./fixture";
import { streamedDocx } from "./streamed";
import type { ExportData } from "./types";

const STYLE_MAP = ["p[style-name='Quote'] => blockquote:fresh", "r[style-name='Code'] => code"];

/** The export opened back: as HTML (what mammoth reads from it) and its raw document.xml. */
async function openBack(data: ExportData) {
  const buffer = await streamedDocx(data);
  const { value } = await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP });
  const files = unzipSync(new Uint8Array(buffer));
  const documentXml = new JSDOM(strFromU8(files["word/document.xml"]), { contentType: "text/xml" }).window.document;
  return { buffer, files, html: new JSDOM(value).window.document.body, documentXml };
}

const texts = (root: Element, selector: string) => [...root.querySelectorAll(selector)].map((e) => e.textContent);

/** The document.xml paragraph whose text is exactly `text`. */
function xmlParagraph(documentXml: Document, text: string): Element {
  const found = [...documentXml.getElementsByTagName("w:p")].find((p) => p.textContent === text);
  if (!found) throw new Error(`no paragraph "${text}"`);
  return found;
}

describe("docxChunks", () => {
  it("quotes the counterpart's aligned passages under their ¶ when asked, right to left, and changes nothing else", async () => {
    const data = exportFixture();
    const first = data.annotations[0];
    const plain = await openBack(data);
    const { html, documentXml } = await openBack({ ...data, counterpart: counterpartFixture(first.passageId) });
    const label = xmlParagraph(documentXml, "Arabic, ¶ 2, ¶ 3:");
    expect(label.getElementsByTagName("w:i")).toHaveLength(1);
    const arabic = xmlParagraph(documentXml, "يقول التقرير إن الطلب سيتجاوز العرض بحلول ٢٠٣٠.");
    expect(arabic.getElementsByTagName("w:bidi")).toHaveLength(1);
    expect(texts(html, "blockquote")).toEqual(expect.arrayContaining(["يقول التقرير إن الطلب سيتجاوز العرض بحلول ٢٠٣٠.", "# ليس عنواناً"]));
    // Under the first annotation's ¶ heading, before its quote.
    const paragraphs = [...documentXml.getElementsByTagName("w:p")].map((p) => p.textContent);
    const heading = paragraphs.indexOf(`¶ ${first.passageIndex}`);
    expect(paragraphs.slice(heading + 1, heading + 4)).toEqual([
      "Arabic, ¶ 2, ¶ 3:",
      "يقول التقرير إن الطلب سيتجاوز العرض بحلول ٢٠٣٠.",
      "# ليس عنواناً",
    ]);
    expect(
      paragraphs.filter((t) => !["Arabic, ¶ 2, ¶ 3:", "يقول التقرير إن الطلب سيتجاوز العرض بحلول ٢٠٣٠.", "# ليس عنواناً"].includes(t ?? "")),
    ).toEqual([...plain.documentXml.getElementsByTagName("w:p")].map((p) => p.textContent));
  });

  it("writes a .docx package", async () => {
    const { buffer, files } = await openBack(exportFixture());
    expect(buffer.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(strFromU8(files["[Content_Types].xml"])).toContain(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    );
  });

  it("writes the document.xml of the golden file", async () => {
    // The file was first checked against what the docx library wrote for the fixture (the same XML, relationship ids aside).
    const { files } = await openBack(exportFixture());
    // A line per paragraph and table, so that a change shows in a diff.
    const lines = strFromU8(files["word/document.xml"]).replace(/<w:(p|tbl)(?=[ >/])/g, "\n<w:$1");
    expectGolden("fixture.document.xml", `${lines}\n`);
  });

  it("has the title, the front matter and the sections in order", async () => {
    const { html } = await openBack(exportFixture());
    expect(texts(html, "h1")).toEqual(["Grid Storage and the Winter Peak"]);
    expect(texts(html, "h2")).toEqual(["Team notes", "Claims", "Annotations (4)", "References"]);
    const lines = texts(html, "p");
    expect(lines).toContain("A policy brief");
    expect(lines).toContain("Authors: Dana Whitfield, Omar Haddad");
    expect(lines).toContain("Published: 2023-03-21");
    expect(lines).toContain("Report version: 2");
    expect(lines).toContain("Workspace: Energy desk");
    expect(lines).toContain("Exported 2026-11-27 12:00 UTC by Alice Example");
    // The reference ends the document, as lib/citations formats it.
    expect(lines.at(-1)).toBe(exportFixture().report.reference);
    expect(lines.some((line) => line?.startsWith("Filters"))).toBe(false);
    const hrefs = [...html.querySelectorAll("a")].map((a) => a.getAttribute("href"));
    expect(html.querySelector("a[href='https://marginalia.example/w/energy-desk/r/rep_1']")?.textContent).toBe(
      "Open this report in Marginalia",
    );
    expect(hrefs).toContain("https://example.org/briefs/grid-storage");
  });

  it("lists the filters when there are some", async () => {
    const data = exportFixture();
    data.filters = ["kind: claim", "tag: Methods"];
    const { html } = await openBack(data);
    expect(texts(html, "p")).toContain("Filters: kind: claim; tag: Methods");
  });

  it("writes the team notes as Word structure under their heading", async () => {
    const { html } = await openBack(exportFixture());
    expect(texts(html, "h3")[0]).toBe("Where we landed");
    expect(texts(html, "ul > li")).toEqual(["Ask @Bob Ruiz for the appendix", "Check the Arabic summary"]);
    expect(texts(html, "blockquote")).toContain("Storage is not a substitute for firm capacity.");
    expect(texts(html, "strong")).toContain("40% growth");
    expect(texts(html, "em")).toContain("winter");
    const link = html.querySelector("p a[href='https://marginalia.example/w/energy-desk/r/rep_1#p-2']");
    expect(link?.textContent).toBe("¶ 2");
    expect(link?.closest("p")?.textContent).toMatch(/^The 40% growth figure holds/);
    expect(html.innerHTML).not.toContain("[@");
    expect(texts(html, "em")).toContain("Last edited 2026-11-20 09:30 UTC by Alice Example.");
  });

  it("says so when nobody has written notes", async () => {
    const data = exportFixture();
    data.notes = { body: "", updatedAt: null, updatedBy: null };
    const { html } = await openBack(data);
    expect(texts(html, "em")).toContain("No team notes have been written yet.");
    expect(texts(html, "h3")[0]).toBe("¶ 2");
  });

  it("tabulates the claims", async () => {
    const { html } = await openBack(exportFixture());
    const table = html.querySelector("table");
    expect(table).not.toBeNull();
    expect(texts(table!, "th")).toEqual(["Claim", "¶", "Tally", "Verdict"]);
    expect([...table!.querySelectorAll("tbody tr")].map((row) => texts(row, "td"))).toEqual([
      [
        "Battery storage grew 40% in 2022",
        "2",
        "1 supports · 2 disputes · 0 needs evidence",
        "Contested, set by Bob Ruiz on 2026-11-20 10:00 UTC",
      ],
    ]);
  });

  it("leaves the claims section out when there are no claims", async () => {
    const data = exportFixture();
    data.annotations = data.annotations.filter((a) => a.kind !== "claim");
    const { html } = await openBack(data);
    expect(texts(html, "h2")).toEqual(["Team notes", "Annotations (3)", "References"]);
    expect(html.querySelector("table")).toBeNull();
  });

  it("groups the annotations by passage, each with its quote, meta line and body", async () => {
    const { html } = await openBack(exportFixture());
    expect(texts(html, "h3").slice(1)).toEqual(["¶ 2", "¶ 3", "¶ 4"]);
    expect(html.querySelector("h3 a")?.getAttribute("href")).toBe("https://marginalia.example/w/energy-desk/r/rep_1#p-2");
    expect(texts(html, "blockquote")).toEqual([
      "Storage is not a substitute for firm capacity.",
      "Battery storage grew by 40% in 2022",
      "winter peaks still rely on gas",
      "=SUM(A1:A9)",
      "سيخفض الأسعار",
    ]);
    const lines = texts(html, "p");
    expect(lines).toContain("Claim · Alice Example · 2026-11-18 14:05 UTC · Tags: Methods, Numbers · Assigned to Bob Ruiz, due 2026-12-01");
    expect(lines).toContain(
      "Claim: Battery storage grew 40% in 2022 · Verdict: Contested, set by Bob Ruiz on 2026-11-20 10:00 UTC (1 supports · 2 disputes · 0 needs evidence)",
    );
    expect(lines).toContain("Their own chart shows 35%, not 40%.");
    expect(lines).toContain("Question · Alice Example · 2026-11-19 10:00 UTC (edited) · private · resolved · Tags: Methods");
    expect(lines).toContain('Second paragraph, with a "quoted" word, a comma and a line break.');
    expect(lines).toContain("Comment · سميرة الحسن · originally by acct:hala@hypothes.is (Hala) · 2026-11-20 07:45 UTC · Tags: Prices");
    expect(lines).toContain("-20% هو رقم متفائل جدا.");
  });

  it("writes the replies, indented, with their authors in bold", async () => {
    const { html, documentXml } = await openBack(exportFixture());
    expect(texts(html, "strong")).toEqual(expect.arrayContaining(["Bob Ruiz", "سميرة الحسن"]));
    const lines = texts(html, "p");
    expect(lines).toContain("Replies:");
    expect(lines).toContain("Bob Ruiz · 2026-11-18 15:00 UTC (edited)");
    expect(lines).toContain("Agreed, and @Alice Example the footnote says 2021.");
    expect(lines).toContain("@attacker said: +cmd|' /C calc'!A0");
    const indent = (text: string) => xmlParagraph(documentXml, text).getElementsByTagName("w:ind")[0]?.getAttribute("w:left");
    expect(indent("Agreed, and @Alice Example the footnote says 2021.")).toBe("720");
    expect(indent("Their own chart shows 35%, not 40%.")).toBeUndefined();
  });

  it("writes each stance, indented, with its author, note and linked evidence", async () => {
    const { html, documentXml, files } = await openBack(exportFixture());
    const lines = texts(html, "p");
    expect(lines).toContain("Stances:");
    expect(lines).toContain("Bob Ruiz disputes: Table A3 says 35%, not *40%*. Evidence: ¶ 3");
    expect(lines).toContain("سميرة الحسن disputes. Evidence: https://example.org/grid-storage/appendix#a3");
    expect(lines).toContain("Alice Example supports: The press release agrees.");
    // Real hyperlinks, to the passage in the app and to the web page.
    const links = [...html.querySelectorAll("p a")].map((a) => [a.textContent, a.getAttribute("href")]);
    expect(links).toContainEqual(["¶ 3", "https://marginalia.example/w/energy-desk/r/rep_1#p-3"]);
    expect(links).toContainEqual(["https://example.org/grid-storage/appendix#a3", "https://example.org/grid-storage/appendix#a3"]);
    // (Word keeps an address's fragment beside it, as the hyperlink's anchor.)
    expect(strFromU8(files["word/_rels/document.xml.rels"])).toContain(
      'Target="https://example.org/grid-storage/appendix" TargetMode="External"',
    );
    const stanceLine = xmlParagraph(documentXml, "Bob Ruiz disputes: Table A3 says 35%, not *40%*. Evidence: ¶ 3");
    expect(stanceLine.getElementsByTagName("w:ind")[0]?.getAttribute("w:left")).toBe("720");
    // The Arabic name's line reads right to left.
    expect(
      xmlParagraph(documentXml, "سميرة الحسن disputes. Evidence: https://example.org/grid-storage/appendix#a3").getElementsByTagName(
        "w:bidi",
      ),
    ).toHaveLength(1);
  });

  it("leaves the replies out when they were not asked for", async () => {
    const data = exportFixture();
    data.includeReplies = false;
    const { html } = await openBack(data);
    expect(texts(html, "p")).not.toContain("Replies:");
    expect(html.textContent).not.toContain("the footnote says 2021");
  });

  it("says so when no annotation matches, and titles heading passages", async () => {
    const data = exportFixture();
    data.filters = ["tag: None"];
    data.annotations = [];
    const empty = await openBack(data);
    expect(texts(empty.html, "h2")).toEqual(["Team notes", "Annotations (0)", "References"]);
    expect(texts(empty.html, "em")).toContain("No annotations match these filters.");

    const titled = exportFixture();
    titled.annotations[0] = { ...titled.annotations[0], passageId: "p1", passageIndex: 1, replies: [] };
    const { html } = await openBack(titled);
    expect(texts(html, "h3")).toContain("¶ 1 · Summary");
  });

  it("keeps the lines of a quote that spans several", async () => {
    const data = exportFixture();
    data.annotations[1].quote = "first line\nsecond line";
    const { html } = await openBack(data);
    expect([...html.querySelectorAll("blockquote")].map((q) => q.innerHTML)).toContain("first line<br>second line");
  });

  it("writes raw HTML in a body as text", async () => {
    const data = exportFixture();
    data.annotations[1].body = "Before <script>alert(1)</script> after\n\n<div><b>block</b></div>";
    const { html } = await openBack(data);
    expect(html.querySelector("script, div, b")).toBeNull();
    const lines = texts(html, "p");
    expect(lines).toContain("Before <script>alert(1)</script> after");
    expect(lines).toContain("<div><b>block</b></div>");
  });

  it("lays right-to-left text out right to left, and only that", async () => {
    const { documentXml } = await openBack(exportFixture());
    const arabicQuote = xmlParagraph(documentXml, "سيخفض الأسعار");
    expect(arabicQuote.getElementsByTagName("w:bidi")).toHaveLength(1);
    expect(arabicQuote.getElementsByTagName("w:rtl")).toHaveLength(1);
    expect(xmlParagraph(documentXml, "winter peaks still rely on gas").getElementsByTagName("w:bidi")).toHaveLength(0);
    // An English line naming an Arabic author stays left to right; the name's run is marked.
    const meta = xmlParagraph(
      documentXml,
      "Comment · سميرة الحسن · originally by acct:hala@hypothes.is (Hala) · 2026-11-20 07:45 UTC · Tags: Prices",
    );
    expect(meta.getElementsByTagName("w:bidi")).toHaveLength(0);
    const rtlRuns = [...meta.getElementsByTagName("w:r")].filter((r) => r.getElementsByTagName("w:rtl").length > 0);
    expect(rtlRuns.map((r) => r.textContent)).toEqual(["سميرة الحسن"]);
  });
});
