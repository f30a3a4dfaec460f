import { describe, expect, it } from "vitest";
import { codePointLength, codePointToUtf16, sliceCodePoints, utf16ToCodePoint } from "./code-points";

const family = "👩‍👩‍👧"; // 3 emoji joined by 2 ZWJ: 5 code points, 8 UTF-16 units

describe("codePointLength", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["مرحبا 2023", 10],
    ["שלום", 4],
    ["😀", 1],
    [family, 5],
    ["e\u0301", 2],
    ["\ud800x", 2], // a lone surrogate still counts as one
  ])("%j has %i code points", (text, length) => {
    expect(codePointLength(text)).toBe(length);
    expect(codePointLength(text)).toBe(Array.from(text).length);
  });
});

describe("codePointToUtf16 and utf16ToCodePoint", () => {
  const text = "a😀b👩‍👩‍👧c";

  it("convert in both directions at every character boundary", () => {
    let utf16 = 0;
    Array.from(text).forEach((char, codePoint) => {
      expect(codePointToUtf16(text, codePoint)).toBe(utf16);
      expect(utf16ToCodePoint(text, utf16)).toBe(codePoint);
      utf16 += char.length;
    });
    expect(codePointToUtf16(text, codePointLength(text))).toBe(text.length);
    expect(utf16ToCodePoint(text, text.length)).toBe(codePointLength(text));
  });

  it("round an offset inside a surrogate pair down to the pair's start", () => {
    expect(utf16ToCodePoint(text, 2)).toBe(1); // between the halves of 😀
    expect(utf16ToCodePoint("😀", 1)).toBe(0);
  });

  it("throw RangeError outside the text", () => {
    expect(() => codePointToUtf16(text, codePointLength(text) + 1)).toThrow(RangeError);
    expect(() => codePointToUtf16(text, -1)).toThrow(RangeError);
    expect(() => codePointToUtf16(text, 1.5)).toThrow(RangeError);
    expect(() => utf16ToCodePoint(text, text.length + 1)).toThrow(RangeError);
    expect(() => utf16ToCodePoint(text, -1)).toThrow(RangeError);
  });
});

describe("sliceCodePoints", () => {
  it("slices ASCII like String.slice", () => {
    expect(sliceCodePoints("hello world", 6, 11)).toBe("world");
    expect(sliceCodePoints("hello", 2, 2)).toBe("");
  });

  it("counts an emoji as one and never splits a surrogate pair", () => {
    const text = "x😀y";
    expect(sliceCodePoints(text, 1, 2)).toBe("😀");
    expect(sliceCodePoints(text, 2, 3)).toBe("y");
    for (let start = 0; start <= 3; start++) {
      for (let end = start; end <= 3; end++) {
        expect(sliceCodePoints(text, start, end)).toBe(Array.from(text).slice(start, end).join(""));
      }
    }
  });

  it("slices ZWJ sequences by code point", () => {
    expect(sliceCodePoints(family, 0, 5)).toBe(family);
    expect(sliceCodePoints(family, 0, 1)).toBe("👩");
    expect(sliceCodePoints(family, 1, 2)).toBe("\u200d");
  });

  it("keeps right-to-left text in logical order with its numbers", () => {
    const text = "בשנת 2023 נערך סקר";
    expect(sliceCodePoints(text, 5, 9)).toBe("2023");
    expect(sliceCodePoints("في عام 2023 وقع زلزال", 7, 11)).toBe("2023");
  });

  it("throws RangeError for reversed or out-of-range offsets", () => {
    expect(() => sliceCodePoints("abc", 2, 1)).toThrow(RangeError);
    expect(() => sliceCodePoints("abc", 1, 4)).toThrow(/past the end.*length 3/);
    expect(() => sliceCodePoints("a😀", 0, 3)).toThrow(RangeError);
  });
});
