/**
 * A zip file written as a stream: entries are deflated as they are written and
 * the zip's bytes are taken out as they come, so neither the files nor the
 * archive are ever held whole. fflate's Zip writes the container (headers,
 * CRCs, the central directory); large entries are deflated by Node's zlib,
 * several times faster than fflate's own deflate and off the main thread.
 */
import { once } from "node:events";
import type { TransformOptions } from "node:stream";
import { crc32, createDeflateRaw, type DeflateRaw, type ZlibOptions } from "node:zlib";
import { Zip, ZipDeflate, ZipPassThrough, type DeflateOptions, type FlateError } from "fflate";

export type DeflateLevel = NonNullable<DeflateOptions["level"]>;

/** A zip entry deflated by zlib, written in pieces. */
class NativeZipDeflate extends ZipPassThrough {
  private deflater: DeflateRaw;
  private running = 0;

  constructor(filename: string, level: DeflateLevel, mtime: Date) {
    super(filename);
    this.compression = 8;
    this.mtime = mtime;
    // Up to 1 MB may wait for the deflater: the writing goes on meanwhile instead of waiting for each chunk.
    // (ZlibOptions does not list it, but zlib streams take a Transform's options too.)
    const buffering: TransformOptions = { writableHighWaterMark: 1024 * 1024 };
    this.deflater = createDeflateRaw({ level, chunkSize: 64 * 1024, ...buffering } as ZlibOptions);
    this.deflater.on("data", (chunk: Buffer<ArrayBuffer>) => this.ondata?.(null, chunk, false));
    this.deflater.on("end", () => this.ondata?.(null, new Uint8Array(0), true));
    this.deflater.on("error", (error: Error) => this.ondata?.(error as FlateError, new Uint8Array(0), true));
  }

  /** As ZipPassThrough's, with zlib's native CRC-32 (fflate's own, in JS, is slow next to native deflating). */
  push(chunk: Uint8Array, final = false): void {
    this.running = crc32(chunk, this.running);
    this.size += chunk.length;
    if (final) this.crc = this.running;
    this.process(chunk, final);
  }

  protected process(chunk: Uint8Array, final: boolean): void {
    this.deflater.write(chunk);
    if (final) this.deflater.end();
  }

  /** Resolves once the deflater has taken in what it was given, so input never piles up ahead of it. */
  async drained(): Promise<void> {
    if (this.deflater.writableNeedDrain) await once(this.deflater, "drain");
  }

  destroy(): void {
    this.deflater.destroy();
  }
}

/** An entry being written: text or bytes, then `end()`. */
export interface ZipEntry {
  write(data: string | Uint8Array): Promise<void>;
  end(): void;
}

export class ZipStream {
  private zip: Zip;
  private out: Uint8Array[] = [];
  private finished = false;
  private failed: Error | null = null;
  private wake: (() => void) | null = null;
  private open: NativeZipDeflate[] = [];
  private encoder = new TextEncoder();

  /** `mtime`: the time every entry is stamped with. */
  constructor(
    private level: DeflateLevel = 6,
    private mtime = new Date(),
  ) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) this.failed = error;
      else this.out.push(chunk);
      if (final) this.finished = true;
      this.wake?.();
    });
  }

  /** A large entry, written in pieces. Entries are stored in the order they are begun. */
  entry(name: string): ZipEntry {
    const file = new NativeZipDeflate(name, this.level, this.mtime);
    this.open.push(file);
    this.zip.add(file);
    return {
      write: async (data) => {
        file.push(typeof data === "string" ? this.encoder.encode(data) : data);
        await file.drained();
      },
      end: () => file.push(new Uint8Array(0), true),
    };
  }

  /** A small entry, whole. */
  add(name: string, data: string | Uint8Array): void {
    const file = new ZipDeflate(name, { level: this.level });
    file.mtime = this.mtime;
    this.zip.add(file);
    file.push(typeof data === "string" ? this.encoder.encode(data) : data, true);
  }

  /** The zip's bytes made so far. */
  take(): Uint8Array[] {
    if (this.failed) throw this.failed;
    return this.out.splice(0);
  }

  /** Ends the zip and gives the rest of its bytes as the last entries finish deflating. */
  async *finish(): AsyncGenerator<Uint8Array> {
    this.zip.end();
    while (!this.finished) {
      if (this.failed) throw this.failed;
      if (this.out.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
      yield* this.take();
    }
    yield* this.take();
  }

  /** Stops the deflaters: for a reader that went away before the end. */
  destroy(): void {
    for (const file of this.open) file.destroy();
  }
}
