// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { caretMove, rovingTarget } from "./use-text-keyboard";

describe("the caret in the report text", () => {
  it("moves by character and line, or with Ctrl by word and paragraph", () => {
    expect(caretMove("ArrowRight", false)).toEqual(["right", "character"]);
    expect(caretMove("ArrowRight", true)).toEqual(["right", "word"]);
    expect(caretMove("ArrowLeft", true)).toEqual(["left", "word"]);
    expect(caretMove("ArrowDown", false)).toEqual(["forward", "line"]);
    expect(caretMove("ArrowUp", true)).toEqual(["backward", "paragraph"]);
    expect(caretMove("Home", false)).toEqual(["backward", "lineboundary"]);
    expect(caretMove("End", true)).toEqual(["forward", "documentboundary"]);
  });
  it("leaves other keys alone", () => {
    expect(caretMove("c", false)).toBeNull();
    expect(caretMove("Enter", false)).toBeNull();
  });
});

describe("the ¶ links, one tab stop with the arrow keys inside", () => {
  const links = [0, 1, 2].map((i) => Object.assign(document.createElement("a"), { href: `#p-${i}` }));
  it("moves to the next and previous, stopping at the ends", () => {
    expect(rovingTarget(links, links[0], "ArrowDown")).toBe(links[1]);
    expect(rovingTarget(links, links[1], "ArrowRight")).toBe(links[2]);
    expect(rovingTarget(links, links[2], "ArrowDown")).toBe(links[2]);
    expect(rovingTarget(links, links[1], "ArrowUp")).toBe(links[0]);
    expect(rovingTarget(links, links[0], "ArrowLeft")).toBe(links[0]);
  });
  it("goes to the first and last with Home and End, and ignores other keys or strangers", () => {
    expect(rovingTarget(links, links[1], "Home")).toBe(links[0]);
    expect(rovingTarget(links, links[1], "End")).toBe(links[2]);
    expect(rovingTarget(links, links[1], "Tab")).toBeNull();
    expect(rovingTarget(links, document.createElement("a"), "ArrowDown")).toBeNull();
  });
});
