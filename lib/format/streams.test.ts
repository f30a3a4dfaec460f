import { describe, expect, it } from "vitest";
import { streamText } from "./streams";

async function read(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

describe("streamText", () => {
  it("joins small pieces into chunks of about 64 K characters, losing nothing", async () => {
    async function* pieces() {
      for (let i = 0; i < 10_000; i++) yield `${String(i).padStart(5, "0")} ${"é".repeat(94)}\n`;
    }
    const chunks = await read(streamText(pieces()));
    const text = new TextDecoder().decode(Buffer.concat(chunks));
    expect(text.split("\n")).toHaveLength(10_001);
    expect(text.startsWith(`00000 ${"é".repeat(94)}\n00001`)).toBe(true);
    expect(text.endsWith(`09999 ${"é".repeat(94)}\n`)).toBe(true);
    // 1,000,000 characters: 16 chunks of 64 K, not 10,000 pieces.
    expect(chunks).toHaveLength(Math.ceil(1_000_000 / (64 * 1024)));
  });

  it("closes at once for no text, and stops the generator when the download is cancelled", async () => {
    expect(await read(streamText([][Symbol.iterator]()))).toEqual([]);
    let stopped = false;
    async function* endless() {
      try {
        for (;;) yield "x".repeat(1000);
      } finally {
        stopped = true;
      }
    }
    const reader = streamText(endless()).getReader();
    expect((await reader.read()).value?.length).toBeGreaterThanOrEqual(64 * 1024);
    await reader.cancel();
    expect(stopped).toBe(true);
  });
});
