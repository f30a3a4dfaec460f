import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { open } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { Header, type HeaderData } from "tar";

/**
 * Writes the backup's gzipped tar. Entries are framed here, with node-tar's
 * Header encoder, rather than by its packer: the packer stops with "unexpected
 * EOF" when a file shrinks while it is read, which a live data directory does
 * (VACUUM truncates tables, a dropped table's file is emptied). Like
 * pg_basebackup, a file that shrank is padded with zeros to the size it had
 * when opened; replaying the WAL included in the backup repairs it.
 */
export interface ArchiveWriter {
  addDirectory(name: string, mode: number, mtime: Date): Promise<void>;
  addBuffer(name: string, data: Buffer, mode?: number): Promise<void>;
  /** Copies a file of the live data directory; false when it vanished before it could be opened. */
  addFile(name: string, absolutePath: string): Promise<boolean>;
  /** Ends the archive (two zero blocks), flushes it to disk; returns its size in bytes. */
  finish(): Promise<number>;
  /** Stops writing after a failure; the caller removes the file. */
  abort(): Promise<void>;
}

const BLOCK = 512;
const CHUNK = 1024 * 1024;

export async function createArchiveWriter(file: string): Promise<ArchiveWriter> {
  // 0600: the archive carries the database password and the session secret.
  const out = createWriteStream(file, { flags: "wx", mode: 0o600 });
  await once(out, "open");
  const gzip = createGzip();
  let failure: unknown = null;
  const done = pipeline(gzip, out);
  done.catch((e) => (failure ??= e));

  const push = async (chunk: Buffer) => {
    if (failure) throw failure;
    if (!gzip.write(chunk)) await Promise.race([once(gzip, "drain"), done]);
  };
  const header = async (fields: HeaderData) => {
    const h = new Header(fields);
    // PostgreSQL's paths are short; a name that needs a PAX header means a caller's mistake.
    if (h.encode()) throw new Error(`Path too long for the archive: ${fields.path}`);
    await push(h.block!);
  };
  const pad = (size: number) => (size % BLOCK === 0 ? Promise.resolve() : push(Buffer.alloc(BLOCK - (size % BLOCK))));

  return {
    async addDirectory(name, mode, mtime) {
      await header({ path: name.endsWith("/") ? name : `${name}/`, type: "Directory", mode: mode & 0o7777, size: 0, mtime });
    },
    async addBuffer(name, data, mode = 0o600) {
      await header({ path: name, type: "File", mode, size: data.length, mtime: new Date() });
      await push(data);
      await pad(data.length);
    },
    async addFile(name, absolutePath) {
      const handle = await open(absolutePath, "r").catch((e: NodeJS.ErrnoException) => {
        if (e.code === "ENOENT") return null;
        throw e;
      });
      if (!handle) return false;
      try {
        const stat = await handle.stat();
        await header({ path: name, type: "File", mode: stat.mode & 0o7777, size: stat.size, mtime: stat.mtime });
        let position = 0;
        while (position < stat.size) {
          const buffer = Buffer.allocUnsafe(Math.min(CHUNK, stat.size - position));
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
          if (bytesRead === 0) break;
          await push(buffer.subarray(0, bytesRead));
          position += bytesRead;
        }
        for (let left = stat.size - position; left > 0; left -= CHUNK) await push(Buffer.alloc(Math.min(CHUNK, left)));
        await pad(stat.size);
        return true;
      } finally {
        await handle.close();
      }
    },
    async finish() {
      await push(Buffer.alloc(BLOCK * 2));
      gzip.end();
      await done;
      const written = await open(file, "r+");
      try {
        await written.sync();
        return (await written.stat()).size;
      } finally {
        await written.close();
      }
    },
    async abort() {
      gzip.destroy();
      out.destroy();
      await done.catch(() => undefined);
    },
  };
}
