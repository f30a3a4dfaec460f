/**
 * An export written the way the server writes it, for the exporters' tests: the
 * format's writer fed the annotations through writeChunks one at a time, after a
 * wait, as a database cursor gives them, and the chunks collected.
 */
import { docxChunks } from "./docx";
import { writeChunks, type ExportWriter } from "./stream";
import type { ExportAnnotation, ExportData, ExportHead } from "./types";

/** The head of an export held in memory whole (the server reads it from the database instead). */
export function exportHead(data: ExportData): ExportHead {
  const { annotations, ...rest } = data;
  const authorEmailSha1 = new Map<string, string>();
  for (const a of annotations) if (a.author.emailSha1) authorEmailSha1.set(a.author.id, a.author.emailSha1);
  return {
    ...rest,
    annotationCount: annotations.length,
    replyCount: data.includeReplies ? annotations.reduce((n, a) => n + a.replies.length, 0) : 0,
    claims: annotations.filter((a) => a.kind === "claim"),
    authorEmailSha1,
  };
}

/** The annotations as a database cursor gives them: one at a time, after a wait. */
async function* arriving(annotations: ExportAnnotation[]): AsyncGenerator<ExportAnnotation> {
  for (const annotation of annotations) {
    await Promise.resolve();
    yield annotation;
  }
}

/** The chunks of about `size` characters (1: each piece as soon as it is due). */
export async function streamedChunks(writer: (head: ExportHead) => ExportWriter, data: ExportData, size?: number): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of writeChunks(writer(exportHead(data)), arriving(data.annotations), size)) chunks.push(chunk);
  return chunks;
}

/** The whole file's text. */
export async function streamedText(writer: (head: ExportHead) => ExportWriter, data: ExportData): Promise<string> {
  return (await streamedChunks(writer, data)).join("");
}

/** The whole .docx file. */
export async function streamedDocx(data: ExportData): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of docxChunks(exportHead(data), arriving(data.annotations))) chunks.push(chunk);
  return Buffer.concat(chunks);
}
