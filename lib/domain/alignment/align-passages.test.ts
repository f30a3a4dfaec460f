import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importText } from "@/lib/importers";
import { alignPassages, lengthCost, normalCdf } from "./align-passages";
import { anchorBonus, anchorsOf, normalizeDigits } from "./anchors";

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, "../__fixtures__", name), "utf8");
const passagesOf = (text: string) => importText(text).passages.map((p) => p.text);
const english = passagesOf(readFileSync(path.resolve(import.meta.dirname, "../../../prisma/seed/normalization-report-intro.txt"), "utf8"));
const arabic = passagesOf(fixture("normalization-report-intro.ar.txt"));
const merged = passagesOf(fixture("normalization-report-intro.ar-merged.txt"));
const oneOne = (n: number) => Array.from({ length: n }, (_, i) => ({ source: [i], target: [i] }));

describe("the fixtures", () => {
  it("import as four Arabic paragraphs (three when two are merged) with the title and date read", () => {
    expect(english).toHaveLength(4);
    expect(arabic).toHaveLength(4);
    expect(merged).toHaveLength(3);
    const report = importText(fixture("normalization-report-intro.ar.txt"));
    expect(report.title).toBe("الجدوى السياسية لإعادة إحياء العلاقات الدولية مع النظام السوري");
  });
});

describe("alignPassages on the sample report and its Arabic translation", () => {
  it("pairs a faithful translation paragraph by paragraph", () => {
    expect(alignPassages(english, arabic)).toEqual(oneOne(4));
    expect(alignPassages(arabic, english)).toEqual(oneOne(4));
  });

  it("finds the two English paragraphs the translator merged into one (2:1), either way round", () => {
    expect(alignPassages(english, merged)).toEqual([
      { source: [0], target: [0] },
      { source: [1, 2], target: [1] },
      { source: [3], target: [2] },
    ]);
    expect(alignPassages(merged, english)).toEqual([
      { source: [0], target: [0] },
      { source: [1], target: [1, 2] },
      { source: [2], target: [3] },
    ]);
  });

  // Each dropped paragraph but the third: between two paragraphs without numbers or names and of
  // lengths that fit either, lengths alone cannot tell which of the two went (an editor corrects that).
  it.each([0, 1, 3])("leaves the paragraph a translation dropped (¶ %i, counted from 0) unmatched (1:0)", (gone) => {
    const dropped = arabic.filter((_, i) => i !== gone);
    const expected = english.map((_, i) => ({ source: [i], target: i === gone ? [] : [i < gone ? i : i - 1] }));
    expect(alignPassages(english, dropped)).toEqual(expected);
  });

  it("leaves a paragraph the translation added unmatched (0:1)", () => {
    const added = [
      ...english.slice(0, 2),
      "Translator's note: the figures in this section were updated in 2024 by the publisher.",
      ...english.slice(2),
    ];
    const beads = alignPassages(arabic, added);
    expect(beads.filter((b) => b.source.length === 0)).toEqual([{ source: [], target: [2] }]);
    expect(beads.filter((b) => b.source.length && b.target.length)).toHaveLength(4);
  });

  it("keeps the order, and every passage once, on empty and one-sided input", () => {
    expect(alignPassages([], [])).toEqual([]);
    expect(alignPassages(english, [])).toEqual(english.map((_, i) => ({ source: [i], target: [] })));
    expect(alignPassages([], arabic)).toEqual(arabic.map((_, i) => ({ source: [], target: [i] })));
  });

  it("lets anchors decide where lengths cannot: equal-length paragraphs sharing years", () => {
    const en = ["In 2018 the talks began in earnest.", "In 2021 the first initiative failed.", "By 2023 a second one began."];
    const ar = ["في عام ٢٠١٨ بدأت المحادثات جدياً.", "في عام ٢٠٢١ فشلت المبادرة الأولى تماماً.", "وبحلول ٢٠٢٣ بدأت مبادرة ثانية."];
    expect(alignPassages(en, ar)).toEqual(oneOne(3));
  });
});

describe("the pieces", () => {
  it("reads Arabic-Indic and Persian digits as numbers, and dates by their numbers", () => {
    expect(normalizeDigits("٦ شباط/فبراير ٢٠٢٣ و۱۴۰۲")).toBe("6 شباط/فبراير 2023 و1402");
    const ar = anchorsOf("ضرب سوريا في ٦ شباط/فبراير ٢٠٢٣، وأعلنها الملك عبد الله الثاني (King Abdullah II) عام ٢٠٢١ «التطبيع الكامل»");
    const en = anchorsOf('ravaged Syria on February 6, 2023, proclaimed by King Abdullah II in 2021, "full normalization"');
    expect([...ar.numbers].sort()).toEqual(["2021", "2023", "6"]);
    expect(ar.names).toEqual(new Set(["king abdullah ii"]));
    expect(ar.quotations).toBe(1);
    expect(anchorBonus(ar, en)).toBeGreaterThan(6);
    expect(anchorBonus(anchorsOf("في عام ٢٠١٨"), anchorsOf("in 1999"))).toBeLessThan(0);
    expect(anchorsOf("1,000 people, 3,5 percent").numbers).toEqual(new Set(["1000", "3.5"]));
  });

  it("models the length ratio: cheap near c·l₁, dearer far from it", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 3);
    expect(lengthCost(100, 80, 0.8)).toBeCloseTo(0, 6);
    expect(lengthCost(100, 160, 0.8)).toBeGreaterThan(lengthCost(100, 90, 0.8));
  });
});
