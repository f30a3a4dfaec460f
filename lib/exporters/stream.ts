/**
 * Writing an export piece by piece. Each format has a writer: its head (what
 * comes before the annotations), one piece per annotation, and its end. Fed
 * from an array it gives the whole file; fed from a database cursor it gives a
 * stream whose memory holds one batch of annotations, not the report's all.
 */
import type { ExportAnnotation } from "./types";

export interface ExportWriter {
  start(): string;
  /** May return "" when the annotation is kept for a later piece (the Markdown export writes a passage at a time). */
  annotation(annotation: ExportAnnotation): string;
  end(): string;
}

export type Annotations = Iterable<ExportAnnotation> | AsyncIterable<ExportAnnotation>;

/** About this many characters per chunk: a stream of a few large writes, not ten thousand small ones. */
export const CHUNK_CHARACTERS = 64 * 1024;

/** The pieces joined into chunks of about `size` characters, as the annotations arrive. */
export async function* writeChunks(writer: ExportWriter, annotations: Annotations, size = CHUNK_CHARACTERS): AsyncGenerator<string> {
  let pending: string[] = [];
  let length = 0;
  const add = (piece: string) => {
    pending.push(piece);
    length += piece.length;
  };
  const take = () => {
    const chunk = pending.join("");
    pending = [];
    length = 0;
    return chunk;
  };
  add(writer.start());
  for await (const annotation of annotations) {
    add(writer.annotation(annotation));
    if (length >= size) yield take();
  }
  add(writer.end());
  if (length > 0) yield take();
}
