import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { importPdf, joinLines } from "./import-pdf";
import { ImportError, type ImportedPassage } from "./types";

async function reasonOf(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).reason;
  }
}

const p = (kind: ImportedPassage["kind"], text: string, page: number, level: number | null = null): ImportedPassage => ({
  kind,
  level,
  text,
  page,
});

const BODY = 11;
const LEADING = 14;
const LEFT = 72;

/** Writes lines top-down on a page the way a word processor lays out a report. */
class Pen {
  y = 700;
  constructor(
    private readonly page: PDFPage,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {}

  heading(text: string, size: number): void {
    this.y -= size * 0.6;
    this.page.drawText(text, { x: LEFT, y: this.y, size, font: this.bold });
    this.y -= size * 1.6;
  }

  /** A line that ends with a footnote mark: a smaller number raised above the baseline. */
  lineWithNote(text: string, note: string): void {
    this.page.drawText(text, { x: LEFT, y: this.y, size: BODY, font: this.font });
    const x = LEFT + this.font.widthOfTextAtSize(text, BODY);
    this.page.drawText(note, { x, y: this.y + 4, size: 7, font: this.font });
    this.y -= LEADING;
  }

  /** One paragraph, already broken into lines, followed by a blank line's worth of space. */
  paragraph(lines: string[], { indent = 0, size = BODY, gap = true } = {}): void {
    lines.forEach((line, i) => {
      this.page.drawText(line, { x: LEFT + (i === 0 ? indent : 0), y: this.y, size, font: this.font });
      this.y -= size === BODY ? LEADING : size * 1.25;
    });
    if (gap) this.y -= LEADING * 0.8;
  }
}

interface Options {
  title?: string;
}

/**
 * Three pages of a report: a title and headings in larger type, body paragraphs hard-wrapped
 * into lines, a word hyphenated at a line end, a paragraph running on to the next page, a
 * footnote in small type, and on every page a running header, a running footer and a page number.
 */
async function makeReport({ title }: Options = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  if (title !== undefined) doc.setTitle(title);
  doc.setAuthor("Jane Doe, John Roe");
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const pages = [doc.addPage([612, 792]), doc.addPage([612, 792]), doc.addPage([612, 792])];
  const pens = pages.map((page) => new Pen(page, font, bold));

  const [one, two, three] = pens;
  one.heading("Sanctions and Trade Routes", 24);
  one.paragraph(["12 May 2024"]);
  one.heading("1. Introduction", 16);
  one.paragraph([
    "The report looks at how the sanctions regi-",
    "me changed the routes that traders use across",
    "the region between 2018 and 2023.",
  ]);
  one.heading("1.1 Background", 13);
  one.paragraph(
    [
      "Trade through the northern corridor fell by half,",
      "while the southern ports grew quickly. This paragraph",
      "continues on the next page because it is long and",
    ],
    { gap: false },
  );

  two.lineWithNote("the page ended in the middle of its long sentence.", "1");
  two.paragraph(["It then ends here."]);
  two.paragraph([
    "A second paragraph on the second page, with a Franco-",
    "German joint venture named in it and a line that is",
    "long enough.",
  ]);
  two.paragraph(["1 Customs data for 2022, published in 2023."], { size: 8, gap: false });

  three.heading("2. Findings", 16);
  three.paragraph(["Prices rose by a fifth in the first year, and the", "traders found new partners within months."], { gap: false });
  // Paragraphs set apart by a first-line indent only, as books and many reports do.
  three.paragraph(["An indented paragraph follows without extra space", "between it and the one before."], { indent: 18, gap: false });
  three.paragraph(["A third one is told apart by the short line that", "ends the one before."], { gap: false });

  pages.forEach((page, i) => {
    // The running head repeats the title, in small type.
    page.drawText("Sanctions and Trade Routes", { x: LEFT, y: 750, size: 9, font });
    page.drawText(`Institute for Regional Studies — Working Paper 7, page ${i + 1} of 3`, { x: LEFT, y: 40, size: 9, font });
    page.drawText(String(i + 1), { x: 300, y: 25, size: 9, font });
  });
  return Buffer.from(await doc.save());
}

describe("importPdf", () => {
  it("rebuilds headings and paragraphs, mends hyphens and drops page furniture", async () => {
    const report = await importPdf(await makeReport());
    expect(report.title).toBe("Sanctions and Trade Routes");
    expect(report.publishedAt).toBe("2024-05-12");
    expect(report.authors).toEqual(["Jane Doe", "John Roe"]);
    expect(report.passages).toEqual([
      p("heading", "1. Introduction", 1, 2),
      p(
        "paragraph",
        "The report looks at how the sanctions regime changed the routes that traders use across the region between 2018 and 2023.",
        1,
      ),
      p("heading", "1.1 Background", 1, 3),
      p(
        "paragraph",
        "Trade through the northern corridor fell by half, while the southern ports grew quickly. This paragraph continues on the next page because it is long and the page ended in the middle of its long sentence.[1] It then ends here.",
        1,
      ),
      p(
        "paragraph",
        "A second paragraph on the second page, with a Franco-German joint venture named in it and a line that is long enough.",
        2,
      ),
      p("footnote", "1 Customs data for 2022, published in 2023.", 2),
      p("heading", "2. Findings", 3, 2),
      p("paragraph", "Prices rose by a fifth in the first year, and the traders found new partners within months.", 3),
      p("paragraph", "An indented paragraph follows without extra space between it and the one before.", 3),
      p("paragraph", "A third one is told apart by the short line that ends the one before.", 3),
    ]);
    const text = report.passages.map((passage) => passage.text).join("\n");
    expect(text).not.toMatch(/Working Paper 7|Institute for Regional Studies/);
    expect(report.passages.filter((passage) => passage.text.includes("Sanctions and Trade Routes"))).toEqual([]);
  });

  it("reads two columns in order, with words drawn one by one", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    const column = (x: number, lines: string[]) =>
      lines.forEach((line, i) => {
        let left = x;
        for (const word of line.split(" ")) {
          page.drawText(word, { x: left, y: 700 - i * LEADING, size: BODY, font });
          left += font.widthOfTextAtSize(`${word} `, BODY) + 1;
        }
      });
    column(50, ["The left column starts a paragraph that", "goes on at the top of the"]);
    column(320, ["right column, where it ends.", "", "Then a new paragraph starts."]);
    const report = await importPdf(Buffer.from(await doc.save()));
    expect(report.passages).toEqual([
      p("paragraph", "The left column starts a paragraph that goes on at the top of the right column, where it ends.", 1),
      p("paragraph", "Then a new paragraph starts.", 1),
    ]);
  });

  it("takes the title from the PDF's metadata and keeps a different first heading", async () => {
    const report = await importPdf(await makeReport({ title: "Sanctions and trade: how routes moved" }));
    expect(report.title).toBe("Sanctions and trade: how routes moved");
    expect(report.passages[0]).toEqual(p("heading", "Sanctions and Trade Routes", 1, 1));
  });

  it("ignores a metadata title that is only a file name", async () => {
    const report = await importPdf(await makeReport({ title: "Microsoft Word - final_v3.docx" }));
    expect(report.title).toBe("Sanctions and Trade Routes");
  });

  it("refuses a PDF without a text layer, as a scan is", async () => {
    const doc = await PDFDocument.create();
    doc.addPage([612, 792]).drawRectangle({ x: 50, y: 50, width: 500, height: 700, color: rgb(0.8, 0.8, 0.8) });
    doc.addPage([612, 792]);
    const error = await importPdf(Buffer.from(await doc.save())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).reason).toBe("no_text");
    expect((error as ImportError).message).toMatch(/no text layer.*scan.*OCR/);
  });

  it("refuses a file that is not a PDF, or a damaged one", async () => {
    expect(await reasonOf(() => importPdf(Buffer.from("Just some text, not a PDF at all.")))).toBe("corrupt");
    expect(await reasonOf(() => importPdf(Buffer.from("%PDF-1.7\n% nothing after the header")))).toBe("corrupt");
  });

  it("refuses a PDF with more pages than an import can take", async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 2001; i++) doc.addPage([100, 100]);
    const error = await importPdf(Buffer.from(await doc.save())).catch((e: unknown) => e);
    expect((error as ImportError).reason).toBe("too_large");
    expect((error as ImportError).message).toMatch(/2,001 pages/);
  }, 30_000);
});

describe("joinLines", () => {
  it.each([
    ["regi-", "me", "regime"],
    ["Franco-", "German", "Franco-German"],
    ["soft\u00AD", "hyphen", "softhyphen"],
    ["a spaced -", "dash", "a spaced - dash"],
    ["1990–", "2000", "1990–2000"],
    ["plain", "words", "plain words"],
  ])("joins %j and %j", (text, next, joined) => {
    expect(joinLines(text, next)).toBe(joined);
  });
});
