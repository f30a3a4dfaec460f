import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codePointLength, sliceCodePoints } from "./code-points";
import { reanchor, reanchorAll, type AnchorTarget, type NewPassage, type ReanchorResult } from "./reanchor";
import { quoteFromPosition } from "./text-quote";

// A small alphabet, so quotes repeat often, mixing Latin, Arabic, CJK and astral characters
// (two UTF-16 units each; 😀 and 😁 share their first unit).
const char = fc.constantFrom("a", "b", "c", " ", ".", "ع", "ل", "م", "中", "😀", "😁", "𝔸");
const text = (maxLength: number) => fc.string({ unit: char, maxLength });
/** Delete `remove` characters at `at` (taken modulo the length) and insert `insert` there. */
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 4 }), insert: text(6) });
const edits = fc.array(edit, { maxLength: 3 });
type Edit = { at: number; remove: number; insert: string };

const RUNS = { numRuns: 200 };

function applyEdits(value: string, list: Edit[]): string {
  const chars = Array.from(value);
  for (const { at, remove, insert } of list) chars.splice(at % (chars.length + 1), remove, ...Array.from(insert));
  return chars.join("");
}

function version(texts: string[]): NewPassage[] {
  return texts.map((value, index) => ({ id: `n${index}`, index, text: value }));
}

function targetAt(texts: string[], passageIndex: number, start: number, end: number): AnchorTarget {
  const { exact, prefix, suffix } = quoteFromPosition(texts[passageIndex], { start, end });
  return { quote: exact, prefix, suffix, passageIndex, start, end };
}

function copiesOf(quote: string, texts: string[]): number {
  let copies = 0;
  for (const value of texts) for (let at = value.indexOf(quote); at !== -1; at = value.indexOf(quote, at + 1)) copies++;
  return copies;
}

/** Either an orphan with nulls, or whole code point offsets of a non-empty range inside a passage. */
function expectValid(result: ReanchorResult, passages: NewPassage[]): void {
  expect(result.score).toBeGreaterThanOrEqual(0);
  expect(result.score).toBeLessThanOrEqual(1);
  if (result.status === "orphaned") {
    expect(result).toMatchObject({ passageId: null, start: null, end: null });
    return;
  }
  const passage = passages.find((p) => p.id === result.passageId);
  expect(passage).toBeDefined();
  const { start, end } = result;
  expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start ?? Infinity);
  expect(end).toBeLessThanOrEqual(codePointLength(passage?.text ?? ""));
}

describe("reanchor (properties)", () => {
  it("finds an untouched quote verbatim whatever is edited around it", () => {
    fc.assert(
      fc.property(
        fc.record({
          before: text(40),
          quote: fc.string({ unit: char, minLength: 1, maxLength: 10 }),
          after: text(40),
          beforeEdits: edits,
          afterEdits: edits,
          othersBefore: fc.array(text(20), { maxLength: 2 }),
          othersAfter: fc.array(text(20), { maxLength: 2 }),
          insertedBefore: fc.array(text(20), { maxLength: 3 }),
        }),
        ({ before, quote, after, beforeEdits, afterEdits, othersBefore, othersAfter, insertedBefore }) => {
          const old = [...othersBefore, before + quote + after, ...othersAfter];
          const start = codePointLength(before);
          const target = targetAt(old, othersBefore.length, start, start + codePointLength(quote));
          const newBefore = applyEdits(before, beforeEdits);
          const next = [...insertedBefore, ...othersBefore, newBefore + quote + applyEdits(after, afterEdits), ...othersAfter];
          const passages = version(next);
          const home = `n${insertedBefore.length + othersBefore.length}`;

          const result = reanchor(target, passages);
          expectValid(result, passages);
          if (copiesOf(quote, next) === 1) {
            // The only verbatim copy is anchored, whatever happened to its context.
            expect(result).toMatchObject({ status: "anchored", passageId: home, start: codePointLength(newBefore) });
          }
          const contextKept = newBefore.endsWith(target.prefix) && applyEdits(after, afterEdits).startsWith(target.suffix);
          if (contextKept) expect(result.status).toBe("anchored");
          if (result.status !== "orphaned") {
            // A quote that exists verbatim is never replaced by an approximate match.
            const found = passages.find((p) => p.id === result.passageId)?.text ?? "";
            expect(sliceCodePoints(found, result.start ?? 0, result.end ?? 0)).toBe(quote);
          }
        },
      ),
      RUNS,
    );
  });

  it("survives arbitrary edits, splits and removals with a valid range or an orphan", () => {
    fc.assert(
      fc.property(
        fc.record({
          old: fc.array(text(30), { minLength: 1, maxLength: 4 }),
          pick: fc.nat(),
          from: fc.nat(),
          length: fc.integer({ min: 1, max: 12 }),
          perPassage: fc.array(edits, { maxLength: 4 }),
          split: fc.option(fc.record({ passage: fc.nat(), at: fc.nat() })),
          removed: fc.option(fc.nat()),
          inserted: fc.array(fc.record({ at: fc.nat(), text: text(20) }), { maxLength: 2 }),
          maxErrorRate: fc.option(fc.double({ min: 0, max: 0.9, noNaN: true })),
        }),
        ({ old, pick, from, length, perPassage, split, removed, inserted, maxErrorRate }) => {
          const passageIndex = pick % old.length;
          const size = codePointLength(old[passageIndex]);
          fc.pre(size > 0);
          const start = from % size;
          const target = targetAt(old, passageIndex, start, Math.min(size, start + length));

          const next = old.map((value, i) => applyEdits(value, perPassage[i] ?? []));
          if (split !== null) {
            const i = split.passage % next.length;
            const chars = Array.from(next[i]);
            const at = split.at % (chars.length + 1);
            next.splice(i, 1, chars.slice(0, at).join(""), chars.slice(at).join(""));
          }
          if (removed !== null && next.length > 1) next.splice(removed % next.length, 1);
          for (const insertion of inserted) next.splice(insertion.at % (next.length + 1), 0, insertion.text);
          const passages = version(next);

          const result = reanchor(target, passages, maxErrorRate === null ? {} : { maxErrorRate });
          expectValid(result, passages);
          if (result.status === "anchored") {
            const found = passages.find((p) => p.id === result.passageId)?.text ?? "";
            expect(sliceCodePoints(found, result.start ?? 0, result.end ?? 0)).toBe(target.quote);
          }
          if (maxErrorRate === null) expect(reanchorAll([target, target], passages)).toEqual([result, result]);
        },
      ),
      RUNS,
    );
  });
});
