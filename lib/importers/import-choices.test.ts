import { describe, expect, it } from "vitest";
import { applyImportChoices } from "./import-choices";
import type { ImportedPassage } from "./types";

const para = (text: string, extra: Partial<ImportedPassage> = {}): ImportedPassage => ({ kind: "paragraph", level: null, text, ...extra });

const passages = [
  para("Rana Khalil and Thomas Berger, Amman bureau"),
  para("4 March 2024"),
  para("What a plant on the Red Sea would cost, and who would pay."),
  para("The plant would supply most of the", { marks: [{ type: "bold", start: 4, end: 9 }] }),
  para("capital's water by 2030.", { marks: [{ type: "italic", start: 0, end: 9 }] }),
  para("Advertisement"),
];

describe("applyImportChoices", () => {
  it("removes, merges and takes details from passages", () => {
    const result = applyImportChoices(passages, { omit: [6], merge: [4], authorsFrom: 1, publishedAtFrom: 2, subtitleFrom: 3 });
    expect(result).toEqual({
      authors: ["Rana Khalil", "Thomas Berger", "Amman bureau"],
      publishedAt: "2024-03-04",
      subtitle: "What a plant on the Red Sea would cost, and who would pay.",
      passages: [
        para("The plant would supply most of the capital's water by 2030.", {
          marks: [
            { type: "bold", start: 4, end: 9 },
            { type: "italic", start: 35, end: 44 },
          ],
        }),
      ],
    });
  });

  it("merges a run of passages into one", () => {
    const result = applyImportChoices([para("a"), para("b"), para("c"), para("d")], { merge: [1, 2] });
    expect(result).toEqual({ passages: [para("a b c"), para("d")] });
  });

  it("reads the names of a byline passage", () => {
    const result = applyImportChoices([para("By Rana Khalil and Thomas Berger"), para("Text.")], { authorsFrom: 1 });
    expect(result).toMatchObject({ authors: ["Rana Khalil", "Thomas Berger"], passages: [para("Text.")] });
  });

  it("refuses numbers out of range, overlaps and passages that are not what they are used as", () => {
    expect(applyImportChoices(passages, { omit: [7], merge: [6] })).toEqual({
      issues: [
        { path: "omit.0", message: "There is no passage 7: the preview has 6." },
        { path: "merge.0", message: "There is no passage 6 with a passage after it: the preview has 6." },
      ],
    });
    expect(applyImportChoices(passages, { omit: [4], merge: [3] })).toEqual({
      issues: [{ path: "merge.0", message: "Passage 4 cannot be merged and also removed." }],
    });
    expect(applyImportChoices(passages, { authorsFrom: 2, publishedAtFrom: 2 })).toEqual({
      issues: [{ path: "publishedAtFrom", message: "Passage 2 cannot be the date and also the authors." }],
    });
    expect(applyImportChoices(passages, { publishedAtFrom: 3 })).toEqual({
      issues: [{ path: "publishedAtFrom", message: "Passage 3 is not a date such as “4 March 2024”." }],
    });
    expect(applyImportChoices(passages, { omit: [1, 2, 3, 4, 5, 6] })).toEqual({
      issues: [{ path: "omit", message: "Keep at least one passage: a report needs some text." }],
    });
  });
});
