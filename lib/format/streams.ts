/** How much text goes into one chunk of a download. */
const CHUNK_CHARS = 64 * 1024;

/**
 * A generator of text chunks as a byte stream: large exports start arriving
 * before they are finished. Small pieces (an exporter yields one or more per
 * annotation) are joined into chunks of about 64 K characters: every chunk
 * passes through the web stream, the framework's response and its gzip, and
 * per chunk that cost more than the bytes did.
 */
export function streamText(chunks: Iterator<string> | AsyncIterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let text = "";
      for (;;) {
        const next = await chunks.next();
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += next.value;
        if (text.length >= CHUNK_CHARS) break;
      }
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await chunks.return?.();
    },
  });
}

/** Byte chunks as a stream, made as they are pulled. */
export function streamBytes(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
