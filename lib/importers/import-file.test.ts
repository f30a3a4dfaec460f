import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { formatFromFileName, importFile } from "./import-file";
import { formatFromFileName as fromIndex } from "./index";
import { ImportError, MAX_FILE_BYTES } from "./types";

async function reasonOf(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).reason;
  }
}

describe("formatFromFileName", () => {
  it.each([
    ["report.docx", undefined, "docx"],
    ["Report.PDF", undefined, "pdf"],
    ["page.html", undefined, "html"],
    ["page.htm", undefined, "html"],
    ["notes.md", undefined, "markdown"],
    ["notes.markdown", undefined, "markdown"],
    ["plain.txt", undefined, "text"],
    ["download", "application/pdf", "pdf"],
    ["download", "text/html; charset=utf-8", "html"],
    ["download", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
    ["scan.pdf", "text/plain", "pdf"],
    ["old.doc", "application/msword", null],
    ["image.png", "image/png", null],
    ["no-extension", undefined, null],
  ])("%s (%s) → %s", (name, type, format) => {
    expect(formatFromFileName(name, type)).toBe(format);
  });

  it("is exported from the importers' index", () => {
    expect(fromIndex).toBe(formatFromFileName);
  });
});

describe("importFile", () => {
  it("reads text and Markdown with the text importers", async () => {
    const markdown = await importFile("markdown", Buffer.from("# Title\n\nBody *text*."));
    expect(markdown).toEqual({
      title: "Title",
      publishedAt: null,
      passages: [{ kind: "paragraph", level: null, text: "Body text.", marks: [{ type: "italic", start: 5, end: 9 }] }],
      authors: [],
      titlePassage: { kind: "heading", level: 1, text: "Title" },
    });
    const text = await importFile("text", Buffer.from("\uFEFFTitle\n\nA paragraph of the report."));
    expect(text.title).toBe("Title");
  });

  it("decodes UTF-16 text saved with a byte order mark", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Title\n\nسطر عربي في التقرير.", "utf16le")]);
    const report = await importFile("text", utf16);
    expect(report.passages[0].text).toBe("سطر عربي في التقرير.");
  });

  it("decodes a web page in the charset its <meta> declares", async () => {
    // Arabic in windows-1256, byte by byte.
    const decoder = new TextDecoder("windows-1256");
    const table = new Map<string, number>();
    for (let byte = 0x80; byte <= 0xff; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
    const arabic = "تقرير عن التجارة";
    const bytes = [...arabic].map((char) => (char === " " ? 0x20 : table.get(char)!));
    const html = Buffer.concat([
      Buffer.from('<html lang="ar"><head><meta charset="windows-1256"></head><body><p>'),
      Buffer.from(bytes),
      Buffer.from("</p></body></html>"),
    ]);
    const report = await importFile("html", html);
    expect(report.passages).toEqual([{ kind: "paragraph", level: null, text: arabic }]);
    expect(report.language).toBe("ar");
  });

  it("passes the page's address on as its source", async () => {
    const report = await importFile("html", Buffer.from("<p>Text.</p>"), { url: "https://example.org/a" });
    expect(report.sourceUrl).toBe("https://example.org/a");
  });

  it("reads Word documents and PDFs", async () => {
    const docx = new Document({
      sections: [{ children: [new Paragraph({ text: "Word title", heading: HeadingLevel.HEADING_1 }), new Paragraph("Word body.")] }],
    });
    const fromWord = await importFile("docx", Buffer.from(await Packer.toBuffer(docx)));
    expect(fromWord.title).toBe("Word title");
    expect(fromWord.passages).toEqual([{ kind: "paragraph", level: null, text: "Word body." }]);

    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.TimesRoman);
    pdf.addPage([300, 300]).drawText("PDF body text.", { x: 20, y: 200, size: 12, font });
    const fromPdf = await importFile("pdf", Buffer.from(await pdf.save()));
    expect(fromPdf.passages).toEqual([{ kind: "paragraph", level: null, text: "PDF body text.", page: 1 }]);
  });

  it("refuses files over 25 MB before reading them, and empty files", async () => {
    const large = Buffer.alloc(MAX_FILE_BYTES + 1);
    for (const format of ["docx", "pdf", "html", "text"] as const) {
      expect(await reasonOf(() => importFile(format, large))).toBe("too_large");
      expect(await reasonOf(() => importFile(format, Buffer.alloc(0)))).toBe("empty");
    }
  });

  it("refuses a format it does not know", async () => {
    expect(await reasonOf(() => importFile("rtf" as never, Buffer.from("{\\rtf1}")))).toBe("unsupported");
  });
});
