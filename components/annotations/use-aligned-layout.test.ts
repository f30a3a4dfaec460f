import { describe, expect, it } from "vitest";
import { computeTops } from "./use-aligned-layout";

describe("computeTops", () => {
  it("puts each card at its anchor when there is room", () => {
    expect(computeTops([0, 200, 500], [100, 100, 100], -1)).toEqual([0, 200, 500]);
  });

  it("pushes a card down rather than covering the one above", () => {
    expect(computeTops([0, 50, 60], [100, 100, 100], -1)).toEqual([0, 108, 216]);
  });

  it("places a card without an anchor right after the previous one", () => {
    expect(computeTops([100, null], [50, 50], -1)).toEqual([100, 158]);
  });

  it("keeps the focused card at its anchor and moves earlier ones up", () => {
    const tops = computeTops([300, 310, 320], [100, 100, 100], 1);
    expect(tops[1]).toBe(310);
    expect(tops[0]).toBe(310 - 100 - 8);
    expect(tops[2]).toBe(310 + 100 + 8);
  });

  it("falls back to the plain order when the focused card would push others above the top", () => {
    expect(computeTops([0, 10], [100, 100], 1)).toEqual([0, 108]);
  });
});
