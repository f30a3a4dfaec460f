import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

describe("RateLimiter", () => {
  it("allows up to the limit in a window, then refuses", () => {
    const limiter = new RateLimiter(3, 1000);
    expect([1, 2, 3, 4].map(() => limiter.attempt("k", 0))).toEqual([true, true, true, false]);
  });

  it("starts again when the window has passed, and counts keys apart", () => {
    const limiter = new RateLimiter(1, 1000);
    expect(limiter.attempt("a", 0)).toBe(true);
    expect(limiter.attempt("a", 500)).toBe(false);
    expect(limiter.attempt("b", 500)).toBe(true);
    expect(limiter.attempt("a", 1000)).toBe(true);
  });

  it("forgets a key on reset", () => {
    const limiter = new RateLimiter(1, 1000);
    limiter.attempt("a", 0);
    limiter.reset("a");
    expect(limiter.attempt("a", 1)).toBe(true);
  });
});
