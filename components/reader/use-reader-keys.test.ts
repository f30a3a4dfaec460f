import { describe, expect, it } from "vitest";
import { stepThrough } from "./use-reader-keys";

describe("j and k through the cards", () => {
  const ids = ["a", "b", "c"];
  it("starts at the first going on, at the last going back", () => {
    expect(stepThrough(ids, null, 1)).toBe("a");
    expect(stepThrough(ids, null, -1)).toBe("c");
    // A card no longer in the list (filtered out) counts as none.
    expect(stepThrough(ids, "gone", 1)).toBe("a");
  });
  it("moves one card, wrapping round at the ends", () => {
    expect(stepThrough(ids, "a", 1)).toBe("b");
    expect(stepThrough(ids, "b", -1)).toBe("a");
    expect(stepThrough(ids, "c", 1)).toBe("a");
    expect(stepThrough(ids, "a", -1)).toBe("c");
  });
  it("gives nothing without cards", () => {
    expect(stepThrough([], null, 1)).toBeNull();
  });
});
