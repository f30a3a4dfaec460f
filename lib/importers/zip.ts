import { inflateRawSync } from "node:zlib";

/** One file of a zip archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is not used by Office files. */
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** The bytes are not a readable zip archive: not a zip at all, or cut short. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipFormatError";
  }
}

/** An entry inflates to more than the caller allows (or than its header declares). */
export class ZipSizeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipSizeError";
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_EXTRA_ID = 0x0001;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

/**
 * Lists a zip archive's entries from its central directory without inflating anything:
 * the End Of Central Directory record at the end of the file (after an optional comment of
 * up to 64 KB) says where the directory is, and the directory lists every entry's sizes.
 * Zip64 records are followed, so sizes over 4 GB are read as declared.
 */
export function readZipDirectory(buffer: Buffer): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(buffer);
  let entryCount = buffer.readUInt16LE(eocd + 10);
  let directorySize = buffer.readUInt32LE(eocd + 12);
  let directoryOffset = buffer.readUInt32LE(eocd + 16);

  if (entryCount === U16_MAX || directorySize === U32_MAX || directoryOffset === U32_MAX) {
    const locator = eocd - 20;
    if (locator < 0 || buffer.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE) {
      throw new ZipFormatError("The zip64 end of central directory locator is missing.");
    }
    const record = toSafeNumber(buffer.readBigUInt64LE(locator + 8));
    if (record + 56 > buffer.length || buffer.readUInt32LE(record) !== ZIP64_EOCD_SIGNATURE) {
      throw new ZipFormatError("The zip64 end of central directory record is missing.");
    }
    entryCount = toSafeNumber(buffer.readBigUInt64LE(record + 32));
    directorySize = toSafeNumber(buffer.readBigUInt64LE(record + 40));
    directoryOffset = toSafeNumber(buffer.readBigUInt64LE(record + 48));
  }
  if (directoryOffset + directorySize > buffer.length) {
    throw new ZipFormatError("The central directory lies outside the file.");
  }

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError("The central directory is cut short.");
    }
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > buffer.length) throw new ZipFormatError("The central directory is cut short.");
    const entry: ZipEntry = {
      name: buffer.toString("utf8", at + 46, at + 46 + nameLength),
      method: buffer.readUInt16LE(at + 10),
      flags: buffer.readUInt16LE(at + 8),
      compressedSize: buffer.readUInt32LE(at + 20),
      uncompressedSize: buffer.readUInt32LE(at + 24),
      localHeaderOffset: buffer.readUInt32LE(at + 42),
    };
    readZip64Extra(buffer.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    at = end;
  }
  return entries;
}

function findEndOfCentralDirectory(buffer: Buffer): number {
  const last = buffer.length - EOCD_SIZE;
  const first = Math.max(0, last - U16_MAX);
  for (let at = last; at >= first; at--) {
    // The comment length must reach exactly to the end of the file.
    if (buffer.readUInt32LE(at) === EOCD_SIGNATURE && at + EOCD_SIZE + buffer.readUInt16LE(at + 20) === buffer.length) {
      return at;
    }
  }
  throw new ZipFormatError("No end of central directory record: not a zip file, or cut short.");
}

/** Sizes and offsets that do not fit in 32 bits are stored in the zip64 extra field, in this order. */
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  const fields = (["uncompressedSize", "compressedSize", "localHeaderOffset"] as const).filter((key) => entry[key] === U32_MAX);
  if (fields.length === 0) return;
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA_ID) {
      fields.forEach((key, i) => {
        const offset = at + 4 + i * 8;
        if (offset + 8 <= at + 4 + size && offset + 8 <= extra.length) entry[key] = toSafeNumber(extra.readBigUInt64LE(offset));
      });
      return;
    }
    at += 4 + size;
  }
}

function toSafeNumber(value: bigint): number {
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

/**
 * An entry's bytes, inflated with zlib's output capped at `maxBytes` and at the size the
 * directory declares, so an entry that lies about its size cannot blow up memory.
 */
export function readZipEntry(buffer: Buffer, entry: ZipEntry, maxBytes: number): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_SIGNATURE) {
    throw new ZipFormatError(`The local header of ${entry.name} is missing.`);
  }
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buffer.length) throw new ZipFormatError(`The data of ${entry.name} is cut short.`);
  if (entry.flags & 1) throw new ZipFormatError(`${entry.name} is encrypted.`);
  const limit = Math.min(entry.uncompressedSize, maxBytes);
  if (entry.method === 0) {
    if (entry.compressedSize > limit) throw new ZipSizeError(`${entry.name} is larger than allowed.`);
    return buffer.subarray(start, end);
  }
  if (entry.method !== 8) throw new ZipFormatError(`${entry.name} uses an unsupported compression method.`);
  try {
    return inflateRawSync(buffer.subarray(start, end), { maxOutputLength: Math.max(1, limit) });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
      throw new ZipSizeError(`${entry.name} inflates to more than ${limit} bytes.`);
    }
    throw new ZipFormatError(`${entry.name} could not be inflated: ${(error as Error).message}`);
  }
}
