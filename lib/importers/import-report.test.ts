import { describe, expect, it } from "vitest";
import { importReport, ImportError, MAX_IMPORT_BYTES } from "./index";
import { utf8ByteLength } from "./normalize";

function reasonOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).reason;
  }
}

// Bytes of a PNG file as a browser would read them with the wrong (latin1) encoding.
const pngAsLatin1 = String.fromCharCode(
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  0x00,
  0x00,
  0x00,
  0x0d,
  0x49,
  0x48,
  0x44,
  0x52,
  0x00,
  0x00,
  0x00,
  0x10,
  0x00,
  0x00,
  0x00,
  0x10,
  0x08,
  0x06,
  0x00,
  0x00,
  0x00,
  0x1f,
  0xf3,
  0xff,
  0x61,
);

describe("importReport dispatch", () => {
  it("reads markdown as markdown and text as text", () => {
    const content = "# Title\n\nBody *text*.";
    expect(importReport("markdown", content)).toEqual({
      title: "Title",
      publishedAt: null,
      passages: [{ kind: "paragraph", level: null, text: "Body text.", marks: [{ type: "italic", start: 5, end: 9 }] }],
      authors: [],
      titlePassage: { kind: "heading", level: 1, text: "Title" },
    });
    expect(importReport("text", content).title).toBe("# Title");
  });
});

describe("importReport refuses what is not a report", () => {
  it.each([
    ["an empty string", ""],
    ["whitespace only", "  \n\n\t "],
    ["non-breaking spaces and tabs", "\u00a0\n\t"],
    ["invisible characters", "\uFEFF\u200B\u202F"],
  ])("refuses %s as empty", (_label, content) => {
    expect(reasonOf(() => importReport("text", content))).toBe("empty");
    expect(reasonOf(() => importReport("markdown", content))).toBe("empty");
  });

  it.each([
    ["a NUL byte", "Looks like text\u0000 but is not"],
    ["a PNG read as latin1", pngAsLatin1],
    ["mostly control characters", "ab\u0001\u0002\u0003\u0004cd\u0005\u0006"],
    ["mostly replacement characters", "\uFFFD\uFFFDPK\uFFFD\uFFFD\uFFFD"],
  ])("refuses %s as binary", (_label, content) => {
    expect(reasonOf(() => importReport("text", content))).toBe("binary");
  });

  it("tolerates and removes a few stray control characters", () => {
    const body = "A long enough paragraph with one stray\u0007 bell and a form feed\u000c between pages.";
    const report = importReport("text", `Title\n\n${body}`);
    expect(report.passages[0].text).toBe("A long enough paragraph with one stray bell and a form feed between pages.");
  });

  it("refuses content that leaves nothing after cleaning", () => {
    expect(reasonOf(() => importReport("text", "Font Size\nShare\nPrint"))).toBe("no_passages");
    expect(reasonOf(() => importReport("markdown", "# Title only"))).toBe("no_passages");
  });

  it("gives messages that tell the user what to do", () => {
    const messages = ["", "\u0000\u0001", "x".repeat(MAX_IMPORT_BYTES + 1)].map((content) => {
      try {
        importReport("text", content);
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    });
    expect(messages[0]).toMatch(/empty.*Paste the report's text or choose a \.txt or \.md file/);
    expect(messages[1]).toMatch(/binary.*plain text/);
    expect(messages[2]).toMatch(/larger than 5 MB.*Split/);
  });
});

describe("importReport size limit in UTF-8 bytes", () => {
  const paragraph = (size: number, unit: string) => unit.repeat(size);

  it("accepts exactly 5 MB of ASCII and refuses one byte more", () => {
    const exact = `Title\n\n${paragraph(MAX_IMPORT_BYTES - 7, "a")}`;
    expect(utf8ByteLength(exact)).toBe(MAX_IMPORT_BYTES);
    expect(importReport("text", exact).passages).toHaveLength(1);
    expect(reasonOf(() => importReport("text", `${exact}a`))).toBe("too_large");
  });

  it("counts multibyte characters by their UTF-8 size, not their string length", () => {
    // 2-byte letters: half as many characters reach the limit.
    const arabic = paragraph(MAX_IMPORT_BYTES / 2, "ب");
    expect(arabic.length).toBe(MAX_IMPORT_BYTES / 2);
    expect(reasonOf(() => importReport("text", arabic))).toBeNull();
    expect(reasonOf(() => importReport("text", `${arabic}a`))).toBe("too_large");
    // A 4-byte emoji whose last byte would cross the limit.
    const nearLimit = paragraph(MAX_IMPORT_BYTES - 3, "a");
    expect(reasonOf(() => importReport("markdown", `${nearLimit}😀`))).toBe("too_large");
    expect(reasonOf(() => importReport("markdown", `${paragraph(MAX_IMPORT_BYTES - 4, "a")}😀`))).toBeNull();
  });

  it("measures UTF-8 length like a byte encoder", () => {
    for (const text of ["", "abc", "é", "ب", "€", "😀", "👩‍👩‍👧", "\ud800 lone surrogate"]) {
      expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});
