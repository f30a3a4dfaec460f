import { describe, expect, it } from "vitest";
import { alignedRows, alignmentOfRows, joinRows, unlinkRow } from "./aligned-rows";

const alignment = {
  pairs: [
    { source: ["s1", "s2"], target: ["t1"] },
    { source: ["s4"], target: ["t3"] },
  ],
  unaligned: { source: ["s3"], target: ["t2", "t4"] },
};
const rows = alignedRows(alignment, ["s1", "s2", "s3", "s4"], ["t1", "t2", "t3", "t4"]);

describe("side-by-side rows", () => {
  it("lays pairs and unaligned passages of both sides out in reading order", () => {
    expect(rows).toEqual([
      { source: ["s1", "s2"], target: ["t1"] },
      { source: [], target: ["t2"] },
      { source: ["s3"], target: [] },
      { source: ["s4"], target: ["t3"] },
      { source: [], target: ["t4"] },
    ]);
    expect(alignmentOfRows(rows)).toEqual({ ...alignment, unaligned: { source: ["s3"], target: ["t2", "t4"] } });
  });

  it("links a row with the next one only into a 1:1, 1:2 or 2:1 pair, and unlinks a pair into its passages", () => {
    expect(joinRows(rows, 1)).toEqual([rows[0], { source: ["s3"], target: ["t2"] }, rows[3], rows[4]]);
    expect(joinRows(rows, 0)).toBeNull(); // 2:2
    expect(joinRows(rows, 2)).toEqual([...rows.slice(0, 2), { source: ["s3", "s4"], target: ["t3"] }, rows[4]]);
    expect(joinRows(rows, 3)).toEqual([...rows.slice(0, 3), { source: ["s4"], target: ["t3", "t4"] }]);
    expect(joinRows(rows, 4)).toBeNull();
    expect(unlinkRow(rows, 0).slice(0, 3)).toEqual([
      { source: ["s1"], target: [] },
      { source: ["s2"], target: [] },
      { source: [], target: ["t1"] },
    ]);
  });
});
