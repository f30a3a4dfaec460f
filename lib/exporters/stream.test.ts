import { describe, expect, it } from "vitest";
import { csvWriter } from "./csv";
import { exportFixture } from "./fixture";
import { jsonLdWriter } from "./jsonld";
import { markdownWriter } from "./markdown";
import { writeChunks, type ExportWriter } from "./stream";
import { exportHead, streamedChunks, streamedText } from "./streamed";
import type { ExportData, ExportHead } from "./types";

const variants: [string, () => ExportData][] = [
  ["the fixture", exportFixture],
  ["no annotations", () => ({ ...exportFixture(), annotations: [] })],
  ["no annotations, filtered", () => ({ ...exportFixture(), annotations: [], filters: ["tag: None"] })],
  ["replies left out", () => ({ ...exportFixture(), includeReplies: false })],
];

const writers: [string, (head: ExportHead) => ExportWriter][] = [
  ["Markdown", markdownWriter],
  ["CSV", (head) => csvWriter(head)],
  ["JSON-LD", jsonLdWriter],
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
  for (const [format, writer] of writers) {
    it.each(variants)(`gives the same ${format} whatever the chunk size, from a cursor or an array (%s)`, async (_, data) => {
      const whole = await streamedText(writer, data());
      expect((await streamedChunks(writer, data(), 1)).join("")).toBe(whole);
      expect((await streamedChunks(writer, data(), 100)).join("")).toBe(whole);
      const fromArray: string[] = [];
      for await (const chunk of writeChunks(writer(exportHead(data())), data().annotations)) fromArray.push(chunk);
      expect(fromArray.join("")).toBe(whole);
    });
  }

  it.each(variants)("gives exactly JSON.stringify of the JSON-LD collection (%s)", async (_, data) => {
    const text = await streamedText(jsonLdWriter, data());
    expect(JSON.stringify(JSON.parse(text), null, 2)).toBe(text);
  });

  it("puts the pieces together into chunks of about the size asked for", async () => {
    const chunks = await streamedChunks(markdownWriter, exportFixture(), 100);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.slice(0, -1).every((chunk) => chunk.length >= 100)).toBe(true);
    expect(chunks.join("")).toBe(await streamedText(markdownWriter, exportFixture()));
  });
});
