import { describe, expect, it } from "vitest";
import { RichTextBuilder } from "./rich-text";

describe("RichTextBuilder", () => {
  it("collapses whitespace as every passage is collapsed and moves the marks with their text", () => {
    const b = new RichTextBuilder();
    b.append("  Tariffs  rose ")
      .mark("bold", () => b.append(" sharply "))
      .append("\n in ");
    b.mark("link", () => b.mark("italic", () => b.append("three")), "https://example.org/t");
    b.append(" governorates.  ");
    const { text, marks } = b.finish();
    expect(text).toBe("Tariffs rose sharply in three governorates.");
    expect(marks).toEqual([
      { type: "bold", start: 13, end: 20 },
      { type: "italic", start: 24, end: 29 },
      { type: "link", start: 24, end: 29, href: "https://example.org/t" },
    ]);
    expect(text.slice(13, 20)).toBe("sharply");
  });

  it("counts offsets in code points", () => {
    const b = new RichTextBuilder();
    b.append("🌊 water ").mark("italic", () => b.append("rights"));
    expect(b.finish()).toEqual({ text: "🌊 water rights", marks: [{ type: "italic", start: 8, end: 14 }] });
  });

  it("keeps only http(s) and mailto links", () => {
    for (const href of ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "#fn1", "/relative"]) {
      const b = new RichTextBuilder();
      b.mark("link", () => b.append("click"), href);
      expect(b.finish().marks, href).toEqual([]);
    }
    const b = new RichTextBuilder();
    b.mark("link", () => b.append("write"), "mailto:desk@example.org");
    expect(b.finish().marks).toEqual([{ type: "link", start: 0, end: 5, href: "mailto:desk@example.org" }]);
  });

  it("splits into parts that keep their marks", () => {
    const b = new RichTextBuilder();
    b.append("One ")
      .mark("bold", () => b.append("two\n\nthree"))
      .append(" four");
    const parts = b.split(/\n\s*\n/).map((part) => part.finish());
    expect(parts).toEqual([
      { text: "One two", marks: [{ type: "bold", start: 4, end: 7 }] },
      { text: "three four", marks: [{ type: "bold", start: 0, end: 5 }] },
    ]);
  });
});
