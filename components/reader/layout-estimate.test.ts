import { describe, expect, it } from "vitest";
import { documentFromPassages } from "./document-model";
import { lineCharsFrom, sizeHintStyle } from "./layout-estimate";
import type { ReaderPassage } from "./types";

describe("lineCharsFrom", () => {
  it("takes the characters per line from passages of three lines or more, the last line counted half", () => {
    // 350 characters over 5 lines of 33 px: 350 / 4.5.
    expect(lineCharsFrom([{ chars: 350, height: 165, lineHeight: 33 }])).toBeCloseTo(77.8, 1);
  });

  it("uses the median, so one odd passage (a list-like line per sentence) does not skew it", () => {
    const samples = [
      { chars: 300, height: 132, lineHeight: 33 }, // 4 lines: 85.7
      { chars: 310, height: 132, lineHeight: 33 }, // 88.6
      { chars: 90, height: 99, lineHeight: 33 }, // 3 lines: 36
    ];
    expect(lineCharsFrom(samples)).toBeCloseTo(85.7, 1);
  });

  it("knows nothing from short passages, or none", () => {
    expect(
      lineCharsFrom([
        { chars: 60, height: 33, lineHeight: 33 },
        { chars: 120, height: 66, lineHeight: 33 },
      ]),
    ).toBeNull();
    expect(lineCharsFrom([])).toBeNull();
    expect(lineCharsFrom([{ chars: 300, height: 132, lineHeight: 0 }])).toBeNull();
  });
});

describe("size hints in the document", () => {
  const passage = (index: number, kind: ReaderPassage["kind"], text: string) => ({ id: `p${index}`, index, kind, text }) as ReaderPassage;

  it("gives each block its length, and a list or a quote the length and count of its items", () => {
    const doc = documentFromPassages([
      passage(1, "paragraph", "Twelve chars"),
      passage(2, "list_item", "one"),
      passage(3, "list_item", "three"),
      passage(4, "quote", "said"),
    ]);
    expect(doc.content!.map((b) => [b.type, b.attrs?.chars, b.attrs?.items])).toEqual([
      ["paragraph", 12, undefined],
      ["bulletList", 8, 2],
      ["blockquote", 4, 1],
    ]);
  });

  it("writes the hint as CSS custom properties", () => {
    expect(sizeHintStyle(512)).toBe("--chars:512");
    expect(sizeHintStyle(80, 3)).toBe("--chars:80;--items:3");
  });
});
