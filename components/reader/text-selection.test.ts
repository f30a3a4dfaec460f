// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from "vitest";
import { passageText, selectionInText, topOfOffset } from "./text-selection";

// The static text as ReportDocument renders it: ¶ links, highlights nested in spans.
const html = `
  <div class="ProseMirror">
    <h2 id="p-0" data-passage-id="h0"><a class="passage-number" href="#p-0">¶ 0</a>Water and the state</h2>
    <p id="p-1" data-passage-id="a1"><a class="passage-number" href="#p-1">¶ 1</a>The water table <span class="hl" data-annotation-id="x"><span class="hl">fell by</span> a third</span> between 2000 and 2020.</p>
    <p id="p-2" data-passage-id="a2"><a class="passage-number" href="#p-2">¶ 2</a>Wells 😀 ran dry.</p>
  </div>`;

let root: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = `<div id="root">${html}</div>`;
  root = document.getElementById("root")!;
});

function select(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Selection {
  const selection = window.getSelection()!;
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}
const p = (n: number) => document.getElementById(`p-${n}`)!;
const textIn = (el: Element, nth = 0) => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode();
  for (let i = 0; i < nth; i++) node = walker.nextNode();
  return node as Text;
};

describe("selectionInText", () => {
  it("maps a selection across highlight spans to code point offsets in its passage, without the ¶ link", () => {
    expect(passageText(p(1))).toBe("The water table fell by a third between 2000 and 2020.");
    // From "water" (in the first text node) to "third" (inside the outer highlight).
    const selection = select(textIn(p(1), 1), 4, textIn(p(1), 3), 8);
    expect(selectionInText(root, selection)).toEqual({
      passageId: "a1",
      passageIndex: 1,
      start: 4,
      end: 31,
      quote: "water table fell by a third",
    });
  });

  it("cuts a selection running into the next passage at the end of the first, and trims whitespace", () => {
    const selection = select(textIn(p(1), 4), 0, textIn(p(2), 1), 3);
    expect(selectionInText(root, selection)).toMatchObject({ passageId: "a1", start: 32, end: 54, quote: "between 2000 and 2020." });
  });

  it("starts in the next passage when the selection begins at the end of one (a triple click)", () => {
    const last = textIn(p(1), 4);
    const selection = select(last, last.length, textIn(p(2), 1), 5);
    expect(selectionInText(root, selection)).toMatchObject({ passageId: "a2", passageIndex: 2, start: 0, end: 5, quote: "Wells" });
  });

  it("counts characters outside the BMP as one", () => {
    const text = textIn(p(2), 1); // "Wells 😀 ran dry."
    const selection = select(text, 9, text, 17);
    expect(selectionInText(root, selection)).toMatchObject({ start: 8, end: 16, quote: "ran dry." });
  });

  it("ignores selections outside the text, collapsed ones and ones of only whitespace", () => {
    document.body.insertAdjacentHTML("beforeend", "<p id='outside'>Elsewhere</p>");
    expect(
      selectionInText(root, select(textIn(document.getElementById("outside")!), 0, textIn(document.getElementById("outside")!), 4)),
    ).toBeNull();
    expect(selectionInText(root, select(textIn(p(1), 1), 2, textIn(p(1), 1), 2))).toBeNull();
    expect(selectionInText(root, select(textIn(p(1), 1), 3, textIn(p(1), 1), 4))).toBeNull();
    expect(selectionInText(root, null)).toBeNull();
  });
});

describe("topOfOffset", () => {
  it("measures at the text node and offset where a code point offset falls, and finds nothing for an unknown passage or an offset past its end", () => {
    // jsdom lays nothing out: a range's box tells which text node and offset it was put at.
    const proto = Range.prototype as unknown as { getClientRects: () => { top: number }[] };
    proto.getClientRects = function (this: Range) {
      return [{ top: ((this.startContainer as Text).data === "fell by" ? 1000 : 0) + this.startOffset * 10 }];
    };
    // "The water table " is 16 characters: offset 20 is the fifth of "fell by".
    expect(topOfOffset(root, "a1", 20)).toBe(1040);
    expect(topOfOffset(root, "nope", 0)).toBeNull();
    expect(topOfOffset(root, "a1", 500)).toBeNull();
  });
});
