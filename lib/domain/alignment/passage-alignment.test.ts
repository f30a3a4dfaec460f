import { describe, expect, it } from "vitest";
import { alignmentIssues, alignmentOfBeads, fitAlignment, reverseAlignment } from "./passage-alignment";

const source = ["s1", "s2", "s3"];
const target = ["t1", "t2"];

describe("passage alignments", () => {
  it("turns beads into pairs of ids, one-sided beads into unaligned passages", () => {
    const a = alignmentOfBeads(
      [
        { source: [0], target: [0] },
        { source: [1], target: [] },
        { source: [2], target: [1] },
      ],
      source,
      target,
    );
    expect(a).toEqual({
      pairs: [
        { source: ["s1"], target: ["t1"] },
        { source: ["s3"], target: ["t2"] },
      ],
      unaligned: { source: ["s2"], target: [] },
    });
    expect(reverseAlignment(reverseAlignment(a))).toEqual(a);
    expect(reverseAlignment(a).unaligned).toEqual({ source: [], target: ["s2"] });
  });

  it("refuses a passage of a third report, of the other side, named twice, or a one-sided pair", () => {
    expect(
      alignmentIssues({ pairs: [{ source: ["s1", "s2"], target: ["t1"] }], unaligned: { source: ["s3"], target: ["t2"] } }, source, target),
    ).toEqual([]);
    const paths = (a: Parameters<typeof alignmentIssues>[0]) => alignmentIssues(a, source, target).map((i) => i.path);
    expect(paths({ pairs: [{ source: ["x9"], target: ["t1"] }], unaligned: { source: [], target: [] } })).toEqual(["pairs.0.source.0"]);
    expect(paths({ pairs: [{ source: ["t1"], target: ["s1"] }], unaligned: { source: [], target: [] } })).toEqual([
      "pairs.0.source.0",
      "pairs.0.target.0",
    ]);
    expect(paths({ pairs: [{ source: ["s1"], target: ["t1"] }], unaligned: { source: ["s1"], target: [] } })).toEqual([
      "unaligned.source.0",
    ]);
    expect(paths({ pairs: [{ source: ["s1"], target: [] }], unaligned: { source: [], target: [] } })).toEqual(["pairs.0"]);
    expect(paths({ pairs: [{ source: ["s1", "s2"], target: ["t1", "t2"] }], unaligned: { source: [], target: [] } })).toEqual(["pairs.0"]);
  });

  it("fits a stored alignment to the passages there are now: gone ids dropped, the rest unaligned in order", () => {
    const stored = {
      pairs: [
        { source: ["s1", "old"], target: ["t1"] },
        { source: ["gone"], target: ["t2"] },
      ],
      unaligned: { source: [], target: [] },
    };
    expect(fitAlignment(stored, source, target)).toEqual({
      pairs: [{ source: ["s1"], target: ["t1"] }],
      unaligned: { source: ["s2", "s3"], target: ["t2"] },
    });
  });
});
