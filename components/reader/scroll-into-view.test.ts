import { describe, expect, it } from "vitest";
import { highlightScroll } from "./scroll-into-view";

describe("bringing a highlight into view", () => {
  it("does not move a highlight already in the upper part of the window", () => {
    expect(highlightScroll(100, 900)).toBe(0);
    expect(highlightScroll(540, 900)).toBe(0);
  });
  it("brings one far below up to a quarter of the window", () => {
    expect(highlightScroll(3000, 900)).toBe(3000 - 225);
  });
  it("brings one above, or under the top bar, down to a quarter", () => {
    expect(highlightScroll(-500, 900)).toBe(-500 - 225);
    expect(highlightScroll(10, 900)).toBe(10 - 225);
  });
  it("keeps clear of the top bar in a short window", () => {
    expect(highlightScroll(1000, 200)).toBe(1000 - 72);
  });
});
