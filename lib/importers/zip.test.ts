import { describe, expect, it } from "vitest";
import { makeZip } from "./__fixtures__/make-zip";
import { unzipWithLimits, ZipFormatError, ZipSizeError } from "./zip";

const LIMITS = { maxEntries: 10, maxBytes: 1024 * 1024 };

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("nothing was thrown");
}

describe("unzipWithLimits", () => {
  it("lists every entry and returns the bytes of those asked for", () => {
    const zip = makeZip([
      { name: "a.txt", data: Buffer.from("first") },
      { name: "dir/b.txt", data: Buffer.from("second"), dataDescriptor: true },
    ]);
    const { names, files } = unzipWithLimits(zip, LIMITS, (name) => name === "dir/b.txt");
    expect(names).toEqual(["a.txt", "dir/b.txt"]);
    expect([...files.keys()]).toEqual(["dir/b.txt"]);
    expect(Buffer.from(files.get("dir/b.txt")!).toString()).toBe("second");
  });

  it("refuses an entry whose headers declare 1 KB but whose data inflates to 8 MB", () => {
    const liar = makeZip([{ name: "bomb.xml", data: Buffer.alloc(8 * 1024 * 1024, 0x20), declaredSize: 1024 }]);
    const error = thrown(() => unzipWithLimits(liar, { ...LIMITS, maxBytes: 100 * 1024 * 1024 }));
    expect(error).toBeInstanceOf(ZipSizeError);
    expect(error.message).toMatch(/more than its header declares/);
  });

  it("counts the real inflated bytes when the local header declares no size at all", () => {
    // A data descriptor leaves the sizes out of the local header; its own (written after the data) and the directory's lie.
    const liar = makeZip([{ name: "bomb.xml", data: Buffer.alloc(8 * 1024 * 1024, 0x20), declaredSize: 1024, dataDescriptor: true }]);
    const error = thrown(() => unzipWithLimits(liar, LIMITS));
    expect(error).toBeInstanceOf(ZipSizeError);
    expect(error.message).toMatch(/inflates to more than 1048576 bytes/);
  });

  it("refuses more entries than allowed", () => {
    const many = makeZip(Array.from({ length: 11 }, (_, i) => ({ name: `part${i}.xml`, data: Buffer.from("x") })));
    expect(thrown(() => unzipWithLimits(many, LIMITS))).toBeInstanceOf(ZipSizeError);
  });

  it("refuses a part past the ratio limit, by what it inflates to", () => {
    const zeros = makeZip([{ name: "zeros.bin", data: Buffer.alloc(4 * 1024 * 1024) }]);
    const error = thrown(() =>
      unzipWithLimits(zeros, { ...LIMITS, maxBytes: 100 * 1024 * 1024, maxRatio: { ratio: 200, fromBytes: 1024 * 1024 } }),
    );
    expect(error).toBeInstanceOf(ZipSizeError);
  });

  it("refuses an archive whose central directory does not list what it holds", () => {
    const hidden = makeZip([
      { name: "a.txt", data: Buffer.from("first") },
      { name: "b.txt", data: Buffer.from("second"), unlisted: true },
    ]);
    expect(thrown(() => unzipWithLimits(hidden, LIMITS))).toBeInstanceOf(ZipFormatError);
  });

  it("refuses what is not a zip, or is cut short", () => {
    const zip = makeZip([{ name: "a.txt", data: Buffer.alloc(100_000, 0x41) }]);
    for (const bytes of [Buffer.from("not a zip"), Buffer.alloc(0), zip.subarray(0, 200), zip.subarray(0, zip.length - 10)]) {
      expect(thrown(() => unzipWithLimits(bytes, LIMITS))).toBeInstanceOf(ZipFormatError);
    }
  });
});
