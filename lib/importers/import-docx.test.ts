import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import { describe, expect, it } from "vitest";
import { makeZip } from "./__fixtures__/make-zip";
import { importDocx } from "./import-docx";
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

async function failure(run: () => Promise<unknown>): Promise<ImportError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });

async function makeReport(options: { titleStyle?: boolean } = {}): Promise<Buffer> {
  const doc = new Document({
    title: "Core properties title",
    footnotes: { 1: { children: [new Paragraph("Ministry of Trade, annual figures, 2023.")] } },
    numbering: {
      config: [
        {
          reference: "steps",
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START }],
        },
      ],
    },
    styles: {
      paragraphStyles: [
        { id: "Quote", name: "Quote", basedOn: "Normal", run: { italics: true } },
        { id: "Subtitle", name: "Subtitle", basedOn: "Normal" },
      ],
    },
    sections: [
      {
        children: [
          ...(options.titleStyle
            ? [
                new Paragraph({ text: "Trade After Sanctions", heading: HeadingLevel.TITLE }),
                new Paragraph({ text: "A working paper", style: "Subtitle" }),
              ]
            : []),
          new Paragraph({ text: "Introduction", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: "21 March 2023" }),
          new Paragraph({
            children: [
              new TextRun("Exports fell by a third"),
              new FootnoteReferenceRun(1),
              new TextRun({ text: " in the first year.", bold: true }),
            ],
          }),
          new Paragraph({ text: "Trade always finds a way.", style: "Quote" }),
          new Paragraph({ text: "An indented passage quoted from the minister's speech.", indent: { left: 1440, right: 1440 } }),
          new Paragraph({ text: "Methods", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: "Data", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: "Customs records", bullet: { level: 0 } }),
          new Paragraph({ text: "By port", bullet: { level: 1 } }),
          new Paragraph({ text: "Interviews", bullet: { level: 0 } }),
          new Paragraph({ text: "Collect the data", numbering: { reference: "steps", level: 0 } }),
          new Paragraph({ text: "Compare the years", numbering: { reference: "steps", level: 0 } }),
          new Table({
            rows: [
              new TableRow({ children: [cell("Year"), cell("Exports"), cell("")] }),
              new TableRow({ children: [cell("2022"), cell("1.2 bn"), cell("est.")] }),
            ],
          }),
          new Paragraph({ text: "The table shows the fall." }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

const CONTENT_TYPES = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');

describe("importDocx", () => {
  it("keeps bold, italics and links as marks and reads a byline under the title", async () => {
    const doc = new Document({
      title: "report_final_v3.docx",
      sections: [
        {
          children: [
            new Paragraph({ text: "Water Prices in Jordan", heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: "By Rana Khalil and Thomas Berger" }),
            new Paragraph({
              children: [
                new TextRun("Tariffs rose "),
                new TextRun({ text: "sharply", bold: true }),
                new TextRun(" in "),
                new TextRun({ text: "three", italics: true }),
                new TextRun(" governorates, says "),
                new ExternalHyperlink({ link: "https://example.org/tariffs", children: [new TextRun("the ministry")] }),
                new TextRun("."),
              ],
            }),
          ],
        },
      ],
    });
    const report = await importDocx(Buffer.from(await Packer.toBuffer(doc)));
    expect(report.title).toBe("Water Prices in Jordan");
    expect(report.authors).toEqual(["Rana Khalil", "Thomas Berger"]);
    expect(report.titlePassage).toEqual(p("heading", "Water Prices in Jordan", 1));
    expect(report.passages).toEqual([
      p("paragraph", "Tariffs rose sharply in three governorates, says the ministry.", null, {
        marks: [
          { type: "bold", start: 13, end: 20 },
          { type: "italic", start: 24, end: 29 },
          { type: "link", start: 49, end: 61, href: "https://example.org/tariffs" },
        ],
      }),
    ]);
  });

  it("never takes a file name or a placeholder from the properties as the title", async () => {
    for (const title of ["report_final_v3.docx", "Document1", "Untitled", "https://example.org/report"]) {
      const doc = new Document({ title, sections: [{ children: [new Paragraph("Only a paragraph of text.")] }] });
      expect((await importDocx(Buffer.from(await Packer.toBuffer(doc)))).title, title).toBeNull();
    }
  });

  it("reads headings, paragraphs, quotes, lists, tables and footnotes", async () => {
    const report = await importDocx(await makeReport());
    // Two level-1 headings: "Introduction" is a section, so the core properties give the title.
    expect(report.title).toBe("Core properties title");
    expect(report.publishedAt).toBe("2023-03-21");
    expect(report.passages).toEqual([
      p("heading", "Introduction", 1),
      p("paragraph", "Exports fell by a third[1] in the first year.", null, { marks: [{ type: "bold", start: 27, end: 45 }] }),
      p("quote", "Trade always finds a way."),
      p("quote", "An indented passage quoted from the minister's speech."),
      p("heading", "Methods", 1),
      p("heading", "Data", 2),
      p("list_item", "Customs records"),
      p("list_item", "By port"),
      p("list_item", "Interviews"),
      p("list_item", "Collect the data", null, { listNumber: 1 }),
      p("list_item", "Compare the years", null, { listNumber: 2 }),
      p("paragraph", "Year | Exports"),
      p("paragraph", "2022 | 1.2 bn | est."),
      p("paragraph", "The table shows the fall."),
      p("footnote", "[1] Ministry of Trade, annual figures, 2023."),
    ]);
  });

  it("takes the title and subtitle from Word's Title and Subtitle styles", async () => {
    const report = await importDocx(await makeReport({ titleStyle: true }));
    expect(report.title).toBe("Trade After Sanctions");
    expect(report.subtitle).toBe("A working paper");
    expect(report.passages[0]).toEqual(p("heading", "Introduction", 1));
  });

  it("takes a leading heading that is the only one of its level as the title", async () => {
    const doc = new Document({
      title: "Core properties title",
      sections: [
        {
          children: [
            new Paragraph({ text: "Trade After Sanctions", heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: "Summary", heading: HeadingLevel.HEADING_2 }),
            new Paragraph("First."),
          ],
        },
      ],
    });
    const report = await importDocx(Buffer.from(await Packer.toBuffer(doc)));
    expect(report.title).toBe("Trade After Sanctions");
    expect(report.passages).toEqual([p("heading", "Summary", 2), p("paragraph", "First.")]);
  });

  it("falls back on the core properties title when the first heading is a section", async () => {
    const doc = new Document({
      title: "Core properties title",
      sections: [
        {
          children: [
            new Paragraph({ text: "Summary", heading: HeadingLevel.HEADING_1 }),
            new Paragraph("First."),
            new Paragraph({ text: "Details", heading: HeadingLevel.HEADING_1 }),
            new Paragraph("Second."),
          ],
        },
      ],
    });
    const report = await importDocx(Buffer.from(await Packer.toBuffer(doc)));
    expect(report.title).toBe("Core properties title");
    expect(report.passages.map((passage) => passage.text)).toEqual(["Summary", "First.", "Details", "Second."]);
  });

  it("refuses a truncated file as damaged", async () => {
    const whole = await makeReport();
    for (const cut of [whole.subarray(0, whole.length / 2), whole.subarray(0, whole.length - 10), whole.subarray(0, 100)]) {
      const error = await failure(() => importDocx(cut));
      expect(error.reason).toBe("corrupt");
      expect(error.message).toMatch(/^This \.docx file is damaged or incomplete/);
    }
  });

  it("refuses what is not a zip archive at all", async () => {
    expect((await failure(() => importDocx(Buffer.from("%PDF-1.7 not a Word file")))).reason).toBe("corrupt");
    expect((await failure(() => importDocx(Buffer.alloc(0)))).reason).toBe("corrupt");
  });

  it("refuses a zip whose parts declare more than 100 MB", async () => {
    const bomb = makeZip([
      { name: "[Content_Types].xml", data: CONTENT_TYPES },
      { name: "word/document.xml", data: Buffer.alloc(1000, 0x20), declaredSize: 0xfffffffe },
    ]);
    const error = await failure(() => importDocx(bomb));
    expect(error.reason).toBe("too_large");
    expect(error.message).toMatch(/more than 100 MB/);
  });

  it("refuses a part with an absurd compression ratio", async () => {
    // 20 MB of zeros deflate to about 20 KB: a ratio near 1000:1.
    const bomb = makeZip([
      { name: "[Content_Types].xml", data: CONTENT_TYPES },
      { name: "word/document.xml", data: Buffer.alloc(20 * 1024 * 1024) },
    ]);
    expect((await failure(() => importDocx(bomb))).reason).toBe("too_large");
  });

  it("refuses a part that inflates to more than its header declares", async () => {
    const liar = makeZip([
      { name: "[Content_Types].xml", data: CONTENT_TYPES },
      { name: "word/document.xml", data: Buffer.alloc(64 * 1024, 0x20), declaredSize: 1024 },
    ]);
    expect((await failure(() => importDocx(liar))).reason).toBe("too_large");
  });

  it("refuses an old .doc or password-protected file as unsupported", async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const error = await failure(() => importDocx(ole));
    expect(error.reason).toBe("unsupported");
    expect(error.message).toMatch(/save it as \.docx/);
  });
});
