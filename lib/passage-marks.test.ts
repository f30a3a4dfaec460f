import { describe, expect, it } from "vitest";
import { markedRuns, normalizeMarks, readMarks, safeHref } from "./passage-marks";

describe("passage marks", () => {
  it("cuts text into runs of equal formatting, by code points", () => {
    const text = "🌊 rose sharply in three places";
    const marks = [
      { type: "bold" as const, start: 7, end: 14 },
      { type: "italic" as const, start: 12, end: 23 },
      { type: "link" as const, start: 18, end: 23, href: "https://example.org/" },
    ];
    expect(markedRuns(text, marks)).toEqual([
      { text: "🌊 rose ", bold: false, italic: false, href: null },
      { text: "sharp", bold: true, italic: false, href: null },
      { text: "ly", bold: true, italic: true, href: null },
      { text: " in ", bold: false, italic: true, href: null },
      { text: "three", bold: false, italic: true, href: "https://example.org/" },
      { text: " places", bold: false, italic: false, href: null },
    ]);
    expect(markedRuns(text, marks, 9, 16)).toEqual([
      { text: "arp", bold: true, italic: false, href: null },
      { text: "ly", bold: true, italic: true, href: null },
      { text: " i", bold: false, italic: true, href: null },
    ]);
  });

  it("reads stored marks defensively", () => {
    expect(readMarks(null, 10)).toEqual([]);
    expect(
      readMarks(
        [
          { type: "bold", start: 0, end: 4 },
          { type: "link", start: 0, end: 4, href: "javascript:alert(1)" },
          { type: "underline", start: 0, end: 4 },
          { type: "italic", start: 5, end: 50 },
          { type: "italic", start: 3, end: 3 },
          "bold",
        ],
        10,
      ),
    ).toEqual([
      { type: "bold", start: 0, end: 4 },
      { type: "italic", start: 5, end: 10 },
    ]);
  });

  it("joins touching marks of a kind and sorts them", () => {
    expect(
      normalizeMarks(
        [
          { type: "italic", start: 6, end: 9 },
          { type: "bold", start: 0, end: 2 },
          { type: "bold", start: 2, end: 4 },
          { type: "link", start: 0, end: 2, href: "https://a.example/" },
          { type: "link", start: 2, end: 4, href: "https://b.example/" },
        ],
        8,
      ),
    ).toEqual([
      { type: "bold", start: 0, end: 4 },
      { type: "link", start: 0, end: 2, href: "https://a.example/" },
      { type: "link", start: 2, end: 4, href: "https://b.example/" },
      { type: "italic", start: 6, end: 8 },
    ]);
  });

  it("keeps http(s) and mailto addresses only", () => {
    expect(safeHref("https://example.org/a b")).toBeNull();
    expect(safeHref("HTTPS://Example.org/a")).toBe("https://example.org/a");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("mailto:desk@example.org")).toBe("mailto:desk@example.org");
    expect(safeHref("vbscript:x")).toBeNull();
  });
});
