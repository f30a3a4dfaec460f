import { describe, expect, it } from "vitest";
import { walSegmentNames } from "./backup-files";

describe("walSegmentNames", () => {
  it("lists every segment from the first to the last, carrying into the high half", () => {
    // 16 MB segments: 256 to each high half, so …00FF is followed by …0001 00000000.
    expect(walSegmentNames("0000000100000000000000FE", "000000010000000100000001", 16 * 1024 * 1024)).toEqual([
      "0000000100000000000000FE",
      "0000000100000000000000FF",
      "000000010000000100000000",
      "000000010000000100000001",
    ]);
  });

  it("follows the segment size (1 GB: four to each high half)", () => {
    expect(walSegmentNames("000000020000000A00000003", "000000020000000B00000000", 1024 * 1024 * 1024)).toEqual([
      "000000020000000A00000003",
      "000000020000000B00000000",
    ]);
  });

  it("gives the one segment of a backup that started and stopped in it", () => {
    expect(walSegmentNames("000000010000000000000002", "000000010000000000000002", 16 * 1024 * 1024)).toEqual(["000000010000000000000002"]);
  });

  it("refuses a timeline change and names that are not segment names", () => {
    expect(() => walSegmentNames("000000010000000000000002", "000000020000000000000003", 16 * 1024 * 1024)).toThrow(/timeline/);
    expect(() => walSegmentNames("00000001000000000000002", "000000010000000000000003", 16 * 1024 * 1024)).toThrow(/Unexpected/);
  });
});
