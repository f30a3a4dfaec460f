import { describe, expect, it } from "vitest";
import { codePointLength } from "./code-points";
import { CONTEXT_LENGTH, positionFromQuote, quoteFromPosition, validatePosition } from "./text-quote";

function roundTrip(text: string, start: number, end: number, hint?: number) {
  return positionFromQuote(text, quoteFromPosition(text, { start, end }), hint);
}

describe("quoteFromPosition", () => {
  const text = "The quick brown fox jumps over the lazy dog while the cat watches from the fence nearby.";

  it("takes the exact text and up to 32 code points of context on each side", () => {
    const start = text.indexOf("lazy");
    const quote = quoteFromPosition(text, { start, end: start + 4 });
    expect(quote.exact).toBe("lazy");
    expect(quote.prefix).toBe(text.slice(start - CONTEXT_LENGTH, start));
    expect(quote.suffix).toBe(text.slice(start + 4, start + 4 + CONTEXT_LENGTH));
  });

  it("clips the context at the passage edges", () => {
    expect(quoteFromPosition(text, { start: 0, end: 3 })).toMatchObject({ exact: "The", prefix: "" });
    const end = text.length;
    expect(quoteFromPosition(text, { start: end - 7, end })).toMatchObject({ exact: "nearby.", suffix: "" });
    expect(quoteFromPosition("short", { start: 1, end: 2 })).toEqual({ exact: "h", prefix: "s", suffix: "ort" });
  });

  it("counts context in code points, so emoji are never cut in half", () => {
    const emoji = "😀".repeat(40);
    const quote = quoteFromPosition(`${emoji}X${emoji}`, { start: 40, end: 41 });
    expect(quote).toEqual({ exact: "X", prefix: "😀".repeat(32), suffix: "😀".repeat(32) });
  });

  it("accepts a custom context length", () => {
    expect(quoteFromPosition(text, { start: 4, end: 9 }, 3)).toEqual({ exact: "quick", prefix: "he ", suffix: " br" });
  });

  it.each([[{ start: -1, end: 2 }], [{ start: 2, end: 2 }], [{ start: 3, end: 2 }], [{ start: 0, end: 1000 }]])(
    "throws RangeError for %j",
    (pos) => {
      expect(() => quoteFromPosition(text, pos)).toThrow(RangeError);
    },
  );
});

describe("validatePosition", () => {
  it("explains what is wrong in words a user can act on", () => {
    const text = "a😀c"; // 3 code points
    expect(validatePosition(text, { start: 0, end: 3 })).toBeNull();
    expect(validatePosition(text, { start: 2, end: 2 })).toEqual({ field: "end", message: "end must be greater than start." });
    expect(validatePosition(text, { start: -1, end: 1 })).toEqual({ field: "start", message: "start must not be negative." });
    expect(validatePosition(text, { start: 3, end: 4 })).toEqual({
      field: "start",
      message: "start is outside the passage (its length is 3).",
    });
    expect(validatePosition(text, { start: 1, end: 4 })).toEqual({
      field: "end",
      message: "end is outside the passage (its length is 3).",
    });
    expect(validatePosition(text, { start: 0.5, end: 2 })).toEqual({ field: "start", message: "start and end must be whole numbers." });
  });
});

describe("positionFromQuote", () => {
  it("finds a unique quote in ASCII text", () => {
    expect(positionFromQuote("one two three", { exact: "two", prefix: "", suffix: "" })).toEqual({ start: 4, end: 7 });
  });

  it("returns null when the exact text is not in the passage", () => {
    expect(positionFromQuote("one two three", { exact: "four", prefix: "", suffix: "" })).toBeNull();
    expect(positionFromQuote("one two three", { exact: "", prefix: "", suffix: "" })).toBeNull();
  });

  it("tells duplicated quotes apart by prefix and suffix", () => {
    const text = "Russia backed the plan. Later, Jordan backed the plan. Finally, Egypt backed the plan.";
    const second = text.indexOf("backed", 30);
    const quote = quoteFromPosition(text, { start: second, end: second + 6 }, 8);
    expect(positionFromQuote(text, quote)).toEqual({ start: second, end: second + 6 });
    expect(positionFromQuote(text, { exact: "backed", prefix: "", suffix: " the plan. Finally" })).toEqual({
      start: second,
      end: second + 6,
    });
  });

  it("falls back to the hint when the context does not decide, then to the first match", () => {
    const text = "same. same. same.";
    const quote = { exact: "same", prefix: "", suffix: "" };
    expect(positionFromQuote(text, quote)).toEqual({ start: 0, end: 4 });
    expect(positionFromQuote(text, quote, 11)).toEqual({ start: 12, end: 16 });
    expect(positionFromQuote(text, quote, 7)).toEqual({ start: 6, end: 10 });
  });

  it("prefers better context over a closer hint", () => {
    const text = "alpha beta gamma beta delta";
    expect(positionFromQuote(text, { exact: "beta", prefix: "gamma ", suffix: "" }, 0)).toEqual({ start: 17, end: 21 });
  });

  it("returns code point offsets after emoji and ZWJ sequences", () => {
    const text = "👩‍👩‍👧 family 😀 and family";
    const start = 13; // 5 (family emoji) + " family " (8)
    expect(
      Array.from(text)
        .slice(start, start + 1)
        .join(""),
    ).toBe("😀");
    expect(positionFromQuote(text, { exact: "😀 and", prefix: "", suffix: "" })).toEqual({ start, end: start + 5 });
    expect(roundTrip(text, 0, 5)).toEqual({ start: 0, end: 5 });
    expect(roundTrip(text, 19, 25)).toEqual({ start: 19, end: 25 });
  });

  it("round-trips Arabic and Hebrew with embedded left-to-right numbers and names", () => {
    const arabic = "أعلنت 5 دول عربية عام 2023 عن مبادرة، وأعلنت 5 دول أخرى عن رفضها للمبادرة (UN 2254).";
    const hebrew = "בשנת 2023 פרסם ה-UN דוח, ובשנת 2023 פורסם דוח נוסף.";
    for (const text of [arabic, hebrew]) {
      const length = codePointLength(text);
      for (let start = 0; start < length; start += 3) {
        for (let end = start + 1; end <= Math.min(length, start + 12); end++) {
          expect(roundTrip(text, start, end)).toEqual({ start, end });
        }
      }
    }
  });

  it("round-trips around combining characters", () => {
    const text = "cafe\u0301 and cafe\u0301 and cafe";
    const length = codePointLength(text);
    for (let start = 0; start < length; start++) {
      for (let end = start + 1; end <= length; end++) {
        expect(roundTrip(text, start, end)).toEqual({ start, end });
      }
    }
  });

  it("round-trips every range of a short mixed string", () => {
    const text = "aé😀b\u0301 שלום 42 👩‍👩‍👧 aé😀";
    const length = codePointLength(text);
    for (let start = 0; start < length; start++) {
      for (let end = start + 1; end <= length; end++) {
        const quote = quoteFromPosition(text, { start, end });
        expect(codePointLength(quote.exact)).toBe(end - start);
        expect(positionFromQuote(text, quote)).toEqual({ start, end });
        expect(positionFromQuote(text, quote, length - start)).toEqual({ start, end });
      }
    }
  });
});
