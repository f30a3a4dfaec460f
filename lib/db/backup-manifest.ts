import { open } from "node:fs/promises";
import { list, type ReadEntry } from "tar";

/**
 * The layout of a backup archive of the embedded database:
 *   postgres/…          the data directory, with backup_label and the WAL it needs
 *   postgres-password   the embedded server's password (the app's database role has it)
 *   nextauth-secret     the session secret, when the data dir holds one
 *   manifest.json       written last: an archive without it was cut short
 */
export const BACKUP_FORMAT = "marginalia-embedded-postgres";
export const DATA_PREFIX = "postgres/";
export const MANIFEST_NAME = "manifest.json";
export const SECRET_FILES = ["postgres-password", "nextauth-secret"] as const;

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: 1;
  postgresMajor: number;
  postgresVersion: string;
  createdAt: string;
  label: string;
  startLsn: string;
  stopLsn: string;
  walSegments: string[];
  /** Regular files under postgres/, so a reader can tell that none is missing. */
  files: number;
  secrets: string[];
}

export interface BackupContents {
  manifest: BackupManifest;
  secrets: Map<string, Buffer>;
}

const REQUIRED = ["PG_VERSION", "backup_label", "global/pg_control"].map((name) => DATA_PREFIX + name);
// The small files are kept in memory while reading; nothing legitimate comes near this.
const SMALL_LIMIT = 1024 * 1024;

/**
 * Reads a whole backup archive without writing anything, and returns its
 * manifest and secrets; throws a message meant for the person running the
 * restore when it is not a backup, or is damaged or cut short.
 */
export async function readBackup(file: string): Promise<BackupContents> {
  const handle = await open(file, "r").catch((e: NodeJS.ErrnoException) => {
    throw new Error(e.code === "ENOENT" ? `No backup file at ${file}.` : `Cannot read ${file}: ${e.message}`);
  });
  const magic = Buffer.alloc(2);
  await handle.read(magic, 0, 2, 0).finally(() => handle.close());
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) throw new Error(`${file} is not a backup made by npm run db:backup (not a gzip file).`);

  const small = new Map<string, Buffer[]>();
  const seen = new Set<string>();
  const unexpected: string[] = [];
  let files = 0;
  const onReadEntry = (entry: ReadEntry) => {
    const name = entry.path;
    if (
      entry.type === "File" &&
      (name === MANIFEST_NAME || (SECRET_FILES as readonly string[]).includes(name)) &&
      entry.size <= SMALL_LIMIT
    ) {
      const chunks: Buffer[] = [];
      small.set(name, chunks);
      entry.on("data", (chunk: Buffer) => chunks.push(chunk));
    } else if (!name.startsWith(DATA_PREFIX) || name.split("/").includes("..") || (entry.type !== "File" && entry.type !== "Directory")) {
      unexpected.push(`${name} (${entry.type})`);
    } else if (entry.type === "File") {
      files++;
      if (REQUIRED.includes(name)) seen.add(name);
    }
  };
  try {
    // strict: any damage (a bad checksum, a gzip stream cut short) fails the read.
    // The decompression ratio guards against archive bombs; fresh WAL segments are
    // mostly zeros and compress past its default, and this file is the user's own.
    await list({ file, strict: true, maxDecompressionRatio: Number.MAX_SAFE_INTEGER, onReadEntry });
  } catch (e) {
    throw new Error(`The backup ${file} is damaged or incomplete: ${e instanceof Error ? e.message : String(e)}.`);
  }
  if (unexpected.length > 0) throw new Error(`${file} holds entries a backup never has: ${unexpected.slice(0, 3).join(", ")}.`);

  const manifestChunks = small.get(MANIFEST_NAME);
  if (!manifestChunks) throw new Error(`The backup ${file} is incomplete: it has no ${MANIFEST_NAME} (the backup did not finish).`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(Buffer.concat(manifestChunks).toString("utf8"));
  } catch {
    throw new Error(`The backup ${file} is damaged: its ${MANIFEST_NAME} is not valid JSON.`);
  }
  if (manifest.format !== BACKUP_FORMAT || manifest.formatVersion !== 1) {
    throw new Error(`${file} is not a backup of the embedded database made by npm run db:backup (format ${String(manifest.format)}).`);
  }
  const missing = REQUIRED.filter((name) => !seen.has(name));
  if (missing.length > 0 || files !== manifest.files) {
    throw new Error(
      `The backup ${file} is incomplete: ${missing.length > 0 ? `${missing.join(", ")} missing` : `${files} of ${manifest.files} files`}.`,
    );
  }
  const secrets = new Map<string, Buffer>();
  for (const name of manifest.secrets) {
    const chunks = small.get(name);
    if (!chunks) throw new Error(`The backup ${file} is incomplete: ${name} is missing.`);
    secrets.set(name, Buffer.concat(chunks));
  }
  return { manifest, secrets };
}
