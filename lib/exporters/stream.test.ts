import { describe, expect, it } from "vitest";
import { csvWriter, toCsv } from "./csv";
import { exportFixture } from "./fixture";
import { jsonLdChunks, jsonLdWriter, toJsonLd } from "./jsonld";
import { markdownWriter, toMarkdown } from "./markdown";
import { exportHead, writeChunks, type ExportWriter } from "./stream";
import type { ExportAnnotation, ExportData, ExportHead } from "./types";

/** The annotations as a database cursor gives them: one at a time, after a wait. */
async function* arriving(annotations: ExportAnnotation[]): AsyncGenerator<ExportAnnotation> {
  for (const annotation of annotations) {
    await Promise.resolve();
    yield annotation;
  }
}

async function streamed(writer: (head: ExportHead) => ExportWriter, data: ExportData, size?: number): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of writeChunks(writer(exportHead(data)), arriving(data.annotations), size)) chunks.push(chunk);
  return chunks;
}

const variants: [string, () => ExportData][] = [
  ["the fixture", exportFixture],
  ["no annotations", () => ({ ...exportFixture(), annotations: [] })],
  ["no annotations, filtered", () => ({ ...exportFixture(), annotations: [], filters: ["tag: None"] })],
  ["replies left out", () => ({ ...exportFixture(), includeReplies: false })],
];

describe("exportHead", () => {
  it("counts the annotations and the replies that will be written, and lists the claims", () => {
    const head = exportHead(exportFixture());
    expect(head.annotationCount).toBe(4);
    expect(head.replyCount).toBe(2);
    expect(head.claims.map((c) => c.claimSummary)).toEqual(["Battery storage grew 40% in 2022"]);
    expect(exportHead({ ...exportFixture(), includeReplies: false }).replyCount).toBe(0);
  });

  it("knows the e-mail hashes of the annotations' authors only", () => {
    const head = exportHead(exportFixture());
    expect([...head.authorEmailSha1.keys()].sort()).toEqual(["u_alice", "u_bob"]);
  });
});

describe("writing an export as its annotations arrive", () => {
  it.each(variants)("gives the same Markdown as the whole export (%s)", async (_, data) => {
    expect((await streamed(markdownWriter, data())).join("")).toBe(toMarkdown(data()));
  });

  it.each(variants)("gives the same CSV as the whole export (%s)", async (_, data) => {
    expect((await streamed((head) => csvWriter(head), data())).join("")).toBe(toCsv(data()));
  });

  it.each(variants)("gives exactly JSON.stringify of the JSON-LD collection (%s)", async (_, data) => {
    const whole = JSON.stringify(toJsonLd(data()), null, 2);
    expect([...jsonLdChunks(data())].join("")).toBe(whole);
    expect((await streamed(jsonLdWriter, data())).join("")).toBe(whole);
  });

  it("puts the pieces together into chunks of about the size asked for", async () => {
    const chunks = await streamed(markdownWriter, exportFixture(), 100);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.slice(0, -1).every((chunk) => chunk.length >= 100)).toBe(true);
    expect(chunks.join("")).toBe(toMarkdown(exportFixture()));
  });
});
