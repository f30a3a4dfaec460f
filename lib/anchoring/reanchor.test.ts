import { describe, expect, it } from "vitest";
import { codePointLength, sliceCodePoints } from "./code-points";
import { reanchor, reanchorAll, type AnchorStatus, type AnchorTarget, type NewPassage } from "./reanchor";
import { quoteFromPosition } from "./text-quote";

const OLD = [
  "Executive summary. The programme reached 4,200 households in its first year, against a target of 5,000.",
  "Methods. We surveyed a random sample of 800 households in three districts between March and June 2023.",
  "Findings. Household income rose by 12 per cent on avrage, while school attendance rose by 9 per cent.",
  "Recommendations. The ministry should extend the programme to two further districts before 2026.",
];

/** The annotation as it was made on `occurrence` (0-based) of `quote` in old passage `passageIndex`. */
function annotate(old: string[], passageIndex: number, quote: string, occurrence = 0): AnchorTarget {
  const text = old[passageIndex];
  let at = -1;
  for (let n = 0; n <= occurrence; n++) at = text.indexOf(quote, at + 1);
  if (at === -1) throw new Error(`"${quote}" is not in old passage ${passageIndex}`);
  const start = codePointLength(text.slice(0, at));
  const end = start + codePointLength(quote);
  const { exact, prefix, suffix } = quoteFromPosition(text, { start, end });
  return { quote: exact, prefix, suffix, passageIndex, start, end };
}

function version(texts: string[]): NewPassage[] {
  return texts.map((text, index) => ({ id: `p${index}`, index, text }));
}

function replaced(texts: string[], index: number, ...withTexts: string[]): string[] {
  return [...texts.slice(0, index), ...withTexts, ...texts.slice(index + 1)];
}

interface Row {
  edit: string;
  target: AnchorTarget;
  next: string[];
  status: AnchorStatus;
  /** For anchored and moved: the new passage and the text the range must cover (its first occurrence, or `occurrence`). */
  passage?: number;
  covers?: string;
  occurrence?: number;
}

const rows: Row[] = [
  {
    edit: "untouched text",
    target: annotate(OLD, 1, "random sample of 800 households"),
    next: OLD,
    status: "anchored",
    passage: 1,
    covers: "random sample of 800 households",
  },
  {
    edit: "insertion before the quote in the same passage",
    target: annotate(OLD, 1, "random sample of 800 households"),
    next: replaced(OLD, 1, OLD[1].replace("We surveyed", "Following the pilot, we surveyed")),
    status: "anchored",
    passage: 1,
    covers: "random sample of 800 households",
  },
  {
    edit: "a passage inserted before",
    target: annotate(OLD, 2, "school attendance rose by 9 per cent"),
    next: replaced(OLD, 1, "Background. The scheme pays a monthly grant to mothers.", OLD[1]),
    status: "anchored",
    passage: 3,
    covers: "school attendance rose by 9 per cent",
  },
  {
    edit: "a typo fixed inside the quote",
    target: annotate(OLD, 2, "rose by 12 per cent on avrage"),
    next: replaced(OLD, 2, OLD[2].replace("avrage", "average")),
    status: "moved",
    passage: 2,
    covers: "rose by 12 per cent on average",
  },
  {
    edit: "a word changed inside the quote",
    target: annotate(OLD, 2, "school attendance rose by 9 per cent"),
    next: replaced(OLD, 2, OLD[2].replace("rose by 9", "rose by 11")),
    status: "moved",
    passage: 2,
    covers: "school attendance rose by 11 per cent",
  },
  {
    edit: "the passage split in two, the quote wholly in the second half",
    target: annotate(OLD, 1, "between March and June 2023"),
    next: replaced(
      OLD,
      1,
      "Methods. We surveyed a random sample of 800 households in three districts.",
      "Interviews took place between March and June 2023.",
    ),
    status: "anchored",
    passage: 2,
    covers: "between March and June 2023",
  },
  {
    // A range cannot span two passages, and neither half keeps the three quarters of the
    // quote a fuzzy match needs (here 18 and 13 of 32 characters): it is shown as an orphan
    // rather than shrunk to a fragment the annotator never chose.
    edit: "the passage split in the middle of the quote",
    target: annotate(OLD, 1, "in three districts between March"),
    next: replaced(
      OLD,
      1,
      "Methods. We surveyed a random sample of 800 households in three districts.",
      "Fieldwork ran between March and June 2023.",
    ),
    status: "orphaned",
  },
  {
    // When nearly all of the quote stays on one side, that part is the annotation's best home.
    edit: "the passage split just before the quote's last word",
    target: annotate(OLD, 1, "surveyed a random sample of 800 households in"),
    next: replaced(OLD, 1, "Methods. We surveyed a random sample of 800 households.", "In three districts, between March and June 2023."),
    status: "moved",
    passage: 1,
    covers: "surveyed a random sample of 800 households",
  },
  {
    // The first copy now sits exactly where the annotated second copy used to be, so only
    // the context can pick the right one.
    edit: "duplicated quotes, text inserted so the wrong copy takes the old offset",
    target: annotate(["In the north, costs fell by a third. In the south, costs fell by a third as well."], 0, "costs fell by a third", 1),
    next: ["Updated. New figures: ok, checked. In the north, costs fell by a third. In the south, costs fell by a third as well."],
    status: "anchored",
    passage: 0,
    covers: "costs fell by a third",
    occurrence: 1,
  },
  {
    edit: "duplicated quotes in two passages, the annotated one's context edited, the other at the old index",
    target: annotate(
      ["Intro.", "In the south, after the new road opened, costs fell by a third within the year."],
      1,
      "costs fell by a third",
    ),
    next: [
      "Intro.",
      "In the north, where nothing was built, costs fell by a third as well.",
      "In the south, after the new road was opened, costs fell by a third within a year.",
    ],
    status: "anchored",
    passage: 2,
    covers: "costs fell by a third",
  },
  {
    edit: "the quote's passage removed",
    target: annotate(OLD, 3, "extend the programme to two further districts"),
    next: OLD.slice(0, 3),
    status: "orphaned",
  },
  {
    edit: "RTL Arabic text with an insertion before the quote",
    target: annotate(["التقرير السنوي يبين أن معدل الالتحاق بالمدارس ارتفع بنسبة تسعة في المائة."], 0, "معدل الالتحاق بالمدارس"),
    next: ["بحسب وزارة التربية، التقرير السنوي يبين أن معدل الالتحاق بالمدارس ارتفع بنسبة تسعة في المائة."],
    status: "anchored",
    passage: 0,
    covers: "معدل الالتحاق بالمدارس",
  },
  {
    edit: "an Arabic word corrected inside the quote",
    target: annotate(["يبين التقرير أن معدل الالتحاق بالمدرس ارتفع بنسبة تسعة في المائة."], 0, "معدل الالتحاق بالمدرس ارتفع"),
    next: ["يبين التقرير أن معدل الالتحاق بالمدارس ارتفع بنسبة تسعة في المائة."],
    status: "moved",
    passage: 0,
    covers: "معدل الالتحاق بالمدارس ارتفع",
  },
  {
    edit: "emoji inserted before the quote",
    target: annotate(["📊 Results 📈: school attendance rose by 9 per cent."], 0, "attendance rose"),
    next: ["📊📊 Results 📈🎉: school attendance rose by 9 per cent."],
    status: "anchored",
    passage: 0,
    covers: "attendance rose",
  },
  {
    edit: "a typo fixed in a quote between emoji",
    target: annotate(["🎯 Target 🎯 reched by 🏁 the third quarter 🏁 of 2024."], 0, "🎯 reched by 🏁 the third quarter"),
    next: ["🎯🎯 Target 🎯 reached by 🏁 the third quarter 🏁 of 2024."],
    status: "moved",
    passage: 0,
    covers: "🎯 reached by 🏁 the third quarter",
  },
  {
    // 😀 and 😁 share their first UTF-16 unit, so the library may end a match between the two halves.
    edit: "an emoji inside the quote swapped for its neighbour",
    target: annotate(["Mood at the end of the pilot: 😀 happy staff 😀 overall."], 0, "happy staff 😀"),
    next: ["Mood at the end of the pilot: 😀 happy staff 😁 overall."],
    status: "moved",
    passage: 0,
    covers: "happy staff 😁",
  },
  {
    // With no suffix to tell the two library matches apart, the one ending inside 😁 must be widened.
    edit: "an emoji ending the passage swapped for its neighbour",
    target: annotate(["Mood at the end of the pilot: happy staff 😀"], 0, "happy staff 😀"),
    next: ["Mood at the end of the pilot: happy staff 😁"],
    status: "moved",
    passage: 0,
    covers: "happy staff 😁",
  },
  {
    edit: "a short quote (under 4 code points) edited",
    target: annotate(OLD, 1, "800"),
    next: replaced(OLD, 1, OLD[1].replace("800", "900")),
    status: "orphaned",
  },
  {
    // Each copy is verbatim, but none sits in the annotated context: a guess would mislead.
    edit: "passage removed, the quote still verbatim in several unrelated places",
    target: annotate(["Summary.", "Costs rose by 9 per cent in the capital."], 1, "9 per cent"),
    next: ["Summary.", "Prices fell 9 per cent.", "Enrolment grew 9 per cent last spring."],
    status: "orphaned",
  },
  {
    // The passage moved past the fuzzy window; its unchanged context leads the search there.
    edit: "a typo fixed in a short quote whose passage moved five places",
    target: annotate(replaced(OLD, 1, OLD[1].replace("random", "randm")), 1, "randm sample"),
    next: [...["A", "B", "C", "D", "E"].map((x) => `Appendix ${x}.`), ...OLD],
    status: "moved",
    passage: 6,
    covers: "random sample",
  },
];

describe("reanchor", () => {
  it.each(rows)("$edit → $status", ({ target, next, status, passage, covers, occurrence = 0 }) => {
    const result = reanchor(target, version(next));
    expect(result.status).toBe(status);
    if (status === "orphaned") {
      expect(result).toMatchObject({ passageId: null, start: null, end: null });
      return;
    }
    expect(result.passageId).toBe(`p${passage}`);
    const text = next[passage ?? -1];
    expect(sliceCodePoints(text, result.start ?? -1, result.end ?? -1)).toBe(covers);
    let at = -1;
    for (let n = 0; n <= occurrence; n++) at = text.indexOf(covers ?? "", at + 1);
    expect(result.start).toBe(codePointLength(text.slice(0, at)));
    expect(result.score).toBeGreaterThan(0);
    expect(result.score).toBeLessThanOrEqual(1);
  });

  it("keeps the old offsets and a full score for untouched text", () => {
    const target = annotate(OLD, 1, "random sample of 800 households");
    expect(reanchor(target, version(OLD))).toEqual({ status: "anchored", passageId: "p1", start: target.start, end: target.end, score: 1 });
  });

  it("counts offsets in code points, not UTF-16 units", () => {
    const target = annotate(["😀😀 hello world"], 0, "world");
    expect(target.start).toBe(9);
    expect(reanchor(target, version(["😀😀😀 hello world"]))).toMatchObject({ status: "anchored", start: 10, end: 15 });
  });

  it("orphans an empty quote and a report with no passages", () => {
    expect(reanchor({ ...annotate(OLD, 0, "target"), quote: "" }, version(OLD)).status).toBe("orphaned");
    expect(reanchor(annotate(OLD, 0, "target"), [])).toEqual({ status: "orphaned", passageId: null, start: null, end: null, score: 0 });
  });

  it("uses maxErrorRate: 0 finds verbatim quotes only, and nonsense is refused", () => {
    const target = annotate(OLD, 2, "rose by 12 per cent on avrage");
    const next = version(replaced(OLD, 2, OLD[2].replace("avrage", "average")));
    expect(reanchor(target, next, { maxErrorRate: 0 }).status).toBe("orphaned");
    expect(reanchor(target, next, { maxErrorRate: 0.05 }).status).toBe("moved");
    expect(() => reanchor(target, next, { maxErrorRate: 1 })).toThrow(RangeError);
    expect(() => reanchor(target, next, { maxErrorRate: Number.NaN })).toThrow(RangeError);
  });

  it("matches passages by their index, not their order in the array", () => {
    const target = annotate(OLD, 2, "school attendance rose by 9 per cent");
    const shuffled = version(OLD).reverse();
    expect(reanchor(target, shuffled)).toMatchObject({ status: "anchored", passageId: "p2", start: target.start });
  });
});

describe("reanchorAll", () => {
  it("gives the same answers as reanchor one by one on a revised report", () => {
    // A small vocabulary makes many 8-unit pieces common, so the shared index of pieces
    // and the single call's scan must agree on which are too common to use.
    const words = ["the", "survey", "of", "household", "income", "rose", "by", "per", "cent", "in", "district", "😀", "معدل"];
    let seed = 3;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const old = Array.from({ length: 60 }, () => Array.from({ length: 40 }, () => words[Math.floor(next() * words.length)]).join(" "));
    const targets = Array.from({ length: 200 }, (_, i) => {
      const text = old[i % old.length];
      const size = codePointLength(text);
      const start = Math.floor(next() * (size - 30));
      const { exact, prefix, suffix } = quoteFromPosition(text, { start, end: start + 3 + Math.floor(next() * 27) });
      return { quote: exact, prefix, suffix, passageIndex: i % old.length, start, end: start + codePointLength(exact) };
    });
    const revised = version([
      ...["New section.", "More."],
      ...old.map((text, i) => (i % 3 === 0 ? text.replace(/ (\S+) /, " $1x ").replace("income", "earnings") : text)),
    ]);
    const all = reanchorAll(targets, revised);
    expect(all).toEqual(targets.map((target) => reanchor(target, revised)));
    expect(new Set(all.map((r) => r.status))).toEqual(new Set(["anchored", "moved", "orphaned"]));
  });

  it("gives the same answers as reanchor for the table above", () => {
    const targets = rows.map((row) => row.target);
    const next = version(replaced(OLD, 2, OLD[2].replace("avrage", "average"), "An inserted passage."));
    expect(reanchorAll(targets, next)).toEqual(targets.map((target) => reanchor(target, next)));
  });
});
