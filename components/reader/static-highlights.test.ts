import { describe, expect, it } from "vitest";
import type { HighlightSpec } from "./editor-positions";
import { highlightsByPassage, textRuns } from "./static-highlights";

const h = (id: string, start: number, end: number, passageId = "p1"): HighlightSpec => ({ id, passageId, start, end, kind: "comment" });
const shape = (text: string, hs: HighlightSpec[]) => textRuns(text, hs).map((r) => [r.text, r.highlights.map((x) => x.id).join(",")]);

describe("textRuns", () => {
  it("cuts the text where highlights start and end", () => {
    expect(shape("The water table fell.", [h("a", 4, 15)])).toEqual([
      ["The ", ""],
      ["water table", "a"],
      [" fell.", ""],
    ]);
  });

  it("nests overlapping highlights, the longer outside", () => {
    expect(shape("abcdefgh", [h("inner", 2, 4), h("outer", 1, 6), h("late", 5, 8)])).toEqual([
      ["a", ""],
      ["b", "outer"],
      ["cd", "outer,inner"],
      ["e", "outer"],
      ["f", "outer,late"],
      ["gh", "late"],
    ]);
  });

  it("counts offsets in code points, as the anchors do", () => {
    // 😀 is one code point and two UTF-16 units.
    expect(shape("😀 water", [h("a", 2, 7)])).toEqual([
      ["😀 ", ""],
      ["water", "a"],
    ]);
  });

  it("leaves out highlights that do not fit the text, and empty ones", () => {
    expect(shape("short", [h("past", 2, 40), h("empty", 3, 3), h("backwards", 4, 1)])).toEqual([["short", ""]]);
  });

  it("groups highlights by passage", () => {
    const map = highlightsByPassage([h("a", 0, 1, "p1"), h("b", 0, 1, "p2"), h("c", 1, 2, "p1")]);
    expect([...map.entries()].map(([k, v]) => [k, v.map((x) => x.id)])).toEqual([
      ["p1", ["a", "c"]],
      ["p2", ["b"]],
    ]);
  });
});
