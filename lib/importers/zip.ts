import { Unzip, UnzipInflate, unzipSync, type UnzipFile } from "fflate";

/** The bytes are not a readable zip archive: not a zip at all, cut short, or inconsistent. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipFormatError";
  }
}

/** The archive holds more entries, or inflates to more bytes, than the caller allows (or than its headers declare). */
export class ZipSizeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipSizeError";
  }
}

export interface ZipLimits {
  maxEntries: number;
  /** Most all entries may inflate to together, counted as they inflate. */
  maxBytes: number;
  /** An entry past `fromBytes` may inflate to at most `ratio` times its compressed size. */
  maxRatio?: { ratio: number; fromBytes: number };
}

export interface ZipContents {
  /** Every entry's name, in the order the archive holds them. */
  names: string[];
  /** The bytes of the entries the caller asked to keep. */
  files: Map<string, Uint8Array>;
}

// Fed a slice at a time, the inflater writes at most about 1,000 times a slice (deflate's best
// ratio) before the count is checked again: a bomb is stopped within 16 MB of its limit.
const SLICE_BYTES = 16 * 1024;

type Listing = Pick<UnzipFile, "name" | "compression" | "size" | "originalSize">;

/**
 * Inflates every entry of a zip archive, counting the bytes as they come out, and stops
 * past the limits: sizes a header declares are checked first, but the real output is what
 * counts, so an entry that lies about its size is caught too. The central directory
 * (which other readers, like mammoth's, go by) must list the same entries the local
 * headers hold. `keep` says which entries' bytes to return.
 */
export function unzipWithLimits(buffer: Uint8Array, limits: ZipLimits, keep: (name: string) => boolean = () => false): ZipContents {
  const found: Listing[] = [];
  const files = new Map<string, Uint8Array>();
  let total = 0;
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
  };

  const unzip = new Unzip((file) => {
    if (failure) return;
    found.push({ name: file.name, compression: file.compression, size: file.size, originalSize: file.originalSize });
    if (found.length > limits.maxEntries) return fail(new ZipSizeError(`The archive holds more than ${limits.maxEntries} entries.`));
    const declared = file.originalSize;
    if (declared !== undefined && total + declared > limits.maxBytes)
      return fail(new ZipSizeError(`${file.name} declares more than allowed.`));
    const chunks: Uint8Array[] | null = keep(file.name) ? [] : null;
    let inflated = 0;
    file.ondata = (error, data, final) => {
      if (failure) return;
      if (error) return fail(new ZipFormatError(`${file.name} could not be inflated: ${error.message}`));
      inflated += data.length;
      total += data.length;
      const ratio = limits.maxRatio;
      if (total > limits.maxBytes) return fail(new ZipSizeError(`The archive inflates to more than ${limits.maxBytes} bytes.`));
      if (declared !== undefined && inflated > declared)
        return fail(new ZipSizeError(`${file.name} inflates to more than its header declares.`));
      if (ratio && file.size !== undefined && inflated > ratio.fromBytes && inflated > ratio.ratio * Math.max(1, file.size)) {
        return fail(new ZipSizeError(`${file.name} inflates more than ${ratio.ratio} times its size.`));
      }
      chunks?.push(data);
      if (final && chunks) files.set(file.name, Buffer.concat(chunks));
    };
    file.start();
  });
  unzip.register(UnzipInflate);

  try {
    let at = 0;
    do {
      const end = at + SLICE_BYTES;
      unzip.push(buffer.subarray(at, end), end >= buffer.length);
      at = end;
    } while (at < buffer.length && !failure);
  } catch (error) {
    fail(new ZipFormatError(`The archive is cut short or damaged: ${(error as Error).message}`));
  }
  if (failure) throw failure;
  if (found.length === 0) throw new ZipFormatError("No entries: not a zip archive.");
  assertSameDirectory(buffer, found);
  return { names: found.map((entry) => entry.name), files };
}

/** The central directory lists each entry the local headers hold, with the same method and sizes. */
function assertSameDirectory(buffer: Uint8Array, found: Listing[]): void {
  const listed: Listing[] = [];
  try {
    unzipSync(buffer, {
      filter: (entry) => {
        listed.push(entry);
        return false;
      },
    });
  } catch (error) {
    throw new ZipFormatError(`The central directory is missing or damaged: ${(error as Error).message}`);
  }
  const same = (a: Listing, b: Listing) =>
    a.name === b.name &&
    a.compression === b.compression &&
    (a.size === undefined || a.size === b.size) &&
    (a.originalSize === undefined || a.originalSize === b.originalSize);
  if (listed.length !== found.length || !found.every((entry, i) => same(entry, listed[i]))) {
    throw new ZipFormatError("The central directory does not list the entries the archive holds.");
  }
}
