import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { exportFixture } from "./fixture";
import { markdownWriter } from "./markdown";
import { quoteRuns } from "./quote-marks";
import { streamedDocx, streamedText } from "./streamed";
import type { ExportData } from "./types";
import mammoth from "mammoth";
import { JSDOM } from "jsdom";

/** The fixture with its second passage's "40%" bold, "2022" italic and "Battery storage" a link. */
function withMarks(): ExportData {
  const data = exportFixture();
  data.passages[1] = {
    ...data.passages[1],
    marks: [
      { type: "link", start: 0, end: 15, href: "https://example.org/storage_(2022)" },
      { type: "bold", start: 24, end: 27 },
      { type: "italic", start: 31, end: 35 },
    ],
  };
  return data;
}

describe("quotes with their passage's marks", () => {
  it("cuts a quote into runs, and gives none for an orphan whose text moved", () => {
    const data = withMarks();
    const quote = data.annotations.find((a) => a.passageId === "p2")!;
    expect(quoteRuns(quote, data.passages[1])?.map((run) => run.text)).toEqual(["Battery storage", " grew by ", "40%", " in ", "2022"]);
    expect(quoteRuns({ ...quote, quote: "Battery storage grew by 41% in 2022" }, data.passages[1])).toBeNull();
    expect(quoteRuns(quote, exportFixture().passages[1])).toBeNull();
  });

  it("writes them as Markdown: **bold**, _italic_ and [links](…)", async () => {
    const markdown = await streamedText(markdownWriter, withMarks());
    expect(markdown).toContain("> [Battery storage](https://example.org/storage_%282022%29) grew by **40%** in _2022_");
    const html = marked.parse(markdown, { async: false });
    expect(html).toContain(
      '<a href="https://example.org/storage_%282022%29">Battery storage</a> grew by <strong>40%</strong> in <em>2022</em>',
    );
  });

  it("writes them as Word runs: bold, italics and a hyperlink", async () => {
    const buffer = await streamedDocx(withMarks());
    const { value } = await mammoth.convertToHtml({ buffer });
    const body = new JSDOM(value).window.document.body;
    const quote = [...body.querySelectorAll("p")].find((p) => p.textContent === "Battery storage grew by 40% in 2022")!;
    expect(quote.querySelector("strong")?.textContent).toBe("40%");
    expect(quote.querySelector("em")?.textContent).toBe("2022");
    expect(quote.querySelector("a")?.getAttribute("href")).toBe("https://example.org/storage_(2022)");
  });
});
