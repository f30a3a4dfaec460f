import { describe, expect, it } from "vitest";
import { codePointLength, sliceCodePoints } from "@/lib/anchoring";
import { exportFixture } from "./fixture";
import { ANNO_CONTEXT, jsonLdWriter, type AnnotationCollectionDoc, type AnnotationDoc, type ReplyDoc } from "./jsonld";
import { streamedText } from "./streamed";
import { PASSAGE_SEPARATOR, type ExportData } from "./types";

const ORIGIN = "https://marginalia.example";
const REPORT_URL = "https://marginalia.example/w/energy-desk/r/rep_1";
const annotationIri = (id: string) => `${ORIGIN}/api/v1/annotations/${id}`;

const isReply = (item: AnnotationDoc | ReplyDoc): item is ReplyDoc => item.motivation === "replying";

async function jsonLdOf(data: ExportData): Promise<AnnotationCollectionDoc> {
  return JSON.parse(await streamedText(jsonLdWriter, data));
}

async function annotationDocs(data: ExportData): Promise<Map<string, AnnotationDoc>> {
  const docs = new Map<string, AnnotationDoc>();
  for (const item of (await jsonLdOf(data)).first.items) if (!isReply(item)) docs.set(item.id, item);
  return docs;
}

function positionOf(doc: AnnotationDoc) {
  return doc.target.selector.find((s) => s.type === "TextPositionSelector");
}

const data = exportFixture();
const text = await streamedText(jsonLdWriter, data);
const doc: AnnotationCollectionDoc = JSON.parse(text);
const items = doc.first.items;
const docs = await annotationDocs(data);
const joined = data.passages.map((p) => p.text).join(PASSAGE_SEPARATOR);

describe("jsonLdWriter", () => {
  it("says whom a thread is assigned to and by when, and nothing for an unassigned one", () => {
    const claim = docs.get(annotationIri("a_claim"))!;
    expect(claim["marginalia:assignee"]).toEqual({
      type: "Person",
      name: "Bob Ruiz",
      email_sha1: "9b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c",
    });
    expect(claim["marginalia:dueAt"]).toBe("2026-12-01");
    const highlight = docs.get(annotationIri("a_hl"))!;
    expect("marginalia:assignee" in highlight || "marginalia:dueAt" in highlight).toBe(false);
  });

  it("gives a claim its stances, each with its creator, note and evidence, and who set the verdict and when", () => {
    const claim = docs.get(annotationIri("a_claim"))!;
    expect(claim["marginalia:verdictSetBy"]).toEqual({
      type: "Person",
      name: "Bob Ruiz",
      email_sha1: "9b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c",
    });
    expect(claim["marginalia:verdictSetAt"]).toBe("2026-11-20T10:00:00.000Z");
    expect(claim["marginalia:stances"]).toEqual([
      {
        type: "marginalia:Stance",
        creator: { type: "Person", name: "Bob Ruiz", email_sha1: "9b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c" },
        modified: "2026-11-18T15:05:00.000Z",
        "marginalia:stance": "disputes",
        "marginalia:note": "Table A3 says 35%, not *40%*.",
        "marginalia:evidence": "https://marginalia.example/w/energy-desk/r/rep_1#p-3",
      },
      {
        type: "marginalia:Stance",
        creator: { type: "Person", name: "سميرة الحسن" },
        modified: "2026-11-19T08:05:00.000Z",
        "marginalia:stance": "disputes",
        "marginalia:evidence": "https://example.org/grid-storage/appendix#a3",
      },
      {
        type: "marginalia:Stance",
        creator: { type: "Person", name: "Alice Example", email_sha1: "2a4e5b8c4b1e0d2c9f6e1d7a3b5c8e9f0a1b2c3d" },
        modified: "2026-11-19T09:00:00.000Z",
        "marginalia:stance": "supports",
        "marginalia:note": "The press release agrees",
      },
    ]);
    // Nothing of the kind on annotations that are not claims.
    expect(Object.keys(docs.get(annotationIri("a_hl"))!).filter((key) => key.startsWith("marginalia:"))).toEqual([
      "marginalia:passage",
      "marginalia:status",
      "marginalia:visibility",
    ]);
  });

  it("is one AnnotationCollection in the anno.jsonld context, with our prefix declared beside it", () => {
    expect(doc["@context"]).toEqual([ANNO_CONTEXT, { marginalia: `${ORIGIN}/ns#`, title: "http://purl.org/dc/terms/title" }]);
    expect(ANNO_CONTEXT).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(doc).toMatchObject({
      id: `${REPORT_URL}/annotations`,
      type: "AnnotationCollection",
      label: "Annotations on “Grid Storage and the Winter Peak”",
      generator: { id: ORIGIN, type: "Software", name: "Marginalia" },
      generated: "2026-11-27T12:00:00.000Z",
      first: { type: "AnnotationPage", startIndex: 0 },
    });
  });

  it("counts replies as annotations of the collection", () => {
    const replies = data.annotations.reduce((n, a) => n + a.replies.length, 0);
    expect(replies).toBe(2);
    expect(items).toHaveLength(data.annotations.length + replies);
    expect(doc.total).toBe(6);
  });

  it("puts each reply right after its annotation, targeting the annotation's id", () => {
    expect(items.map((i) => i.id)).toEqual([
      annotationIri("a_claim"),
      `${ORIGIN}/api/v1/replies/r1`,
      `${ORIGIN}/api/v1/replies/r2`,
      annotationIri("a_hl"),
      annotationIri("a_formula"),
      annotationIri("a_arabic"),
    ]);
    const [r1, r2] = items.slice(1, 3) as ReplyDoc[];
    expect(r1).toEqual({
      id: `${ORIGIN}/api/v1/replies/r1`,
      type: "Annotation",
      motivation: "replying",
      created: "2026-11-18T15:00:00.000Z",
      modified: "2026-11-18T15:10:00.000Z",
      // Bob's e-mail hash comes from his own annotation in the same export.
      creator: { type: "Person", name: "Bob Ruiz", email_sha1: "9b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c" },
      body: [
        { type: "TextualBody", value: "Agreed, and @Alice Example the footnote says 2021.", format: "text/markdown", purpose: "replying" },
      ],
      target: annotationIri("a_claim"),
    });
    expect(r2.target).toBe(annotationIri("a_claim"));
    expect(r2.creator).toEqual({ type: "Person", name: "سميرة الحسن" });
    expect(r2).not.toHaveProperty("modified");
  });

  it("maps each kind to its motivation", () => {
    expect([...docs.values()].map((d) => d.motivation)).toEqual(["assessing", "highlighting", "questioning", "commenting"]);
  });

  it("quotes each annotation with the stored text and context", () => {
    for (const a of data.annotations) {
      const selectors = docs.get(annotationIri(a.id))!.target.selector;
      expect(selectors[0]).toEqual({ type: "TextQuoteSelector", exact: a.quote, prefix: a.prefix, suffix: a.suffix });
    }
  });

  it("positions count code points over the whole report text, passages joined by the separator", () => {
    for (const a of data.annotations) {
      const position = positionOf(docs.get(annotationIri(a.id))!)!;
      expect(sliceCodePoints(joined, position.start, position.end)).toBe(a.quote);
    }
    // "Summary" + "\n\n" = 9 code points before ¶ 2; the Arabic quote starts 23 into ¶ 4.
    expect(positionOf(docs.get(annotationIri("a_claim"))!)).toEqual({ type: "TextPositionSelector", start: 9, end: 44 });
    const p4Start = [1, 2, 3].reduce((n, i) => n + codePointLength(data.passages[i - 1].text) + 2, 0);
    expect(positionOf(docs.get(annotationIri("a_arabic"))!)).toEqual({
      type: "TextPositionSelector",
      start: p4Start + 23,
      end: p4Start + 36,
    });
  });

  it("counts an emoji before the annotation as one position, not two UTF-16 units", async () => {
    const withEmoji = exportFixture();
    withEmoji.passages[0].text = "Summary 📈📈";
    const position = positionOf((await annotationDocs(withEmoji)).get(annotationIri("a_claim"))!)!;
    expect(position).toEqual({ type: "TextPositionSelector", start: 12, end: 47 });
    const text = withEmoji.passages.map((p) => p.text).join(PASSAGE_SEPARATOR);
    expect(sliceCodePoints(text, position.start, position.end)).toBe("Battery storage grew by 40% in 2022");
  });

  it("leaves the position out, keeping the quote, when the annotation's passage is not in the list", async () => {
    const partial = exportFixture();
    partial.passages = partial.passages.filter((p) => p.index !== 3);
    const selectors = (await annotationDocs(partial)).get(annotationIri("a_formula"))!.target.selector;
    expect(selectors.map((s) => s.type)).toEqual(["TextQuoteSelector"]);
  });

  it("targets the report, described on every target", () => {
    for (const d of docs.values()) {
      expect(d.target.type).toBe("SpecificResource");
      expect(d.target.source).toEqual({
        id: REPORT_URL,
        type: "Text",
        title: "Grid Storage and the Winter Peak",
        language: "en",
        "marginalia:version": 2,
      });
    }
  });

  it("writes the comment as Markdown, one body per tag, and a claim's summary and verdict", () => {
    expect(docs.get(annotationIri("a_claim"))!.body).toEqual([
      { type: "TextualBody", value: "Their own chart shows 35%, not 40%.", format: "text/markdown", purpose: "commenting" },
      { type: "TextualBody", value: "Methods", purpose: "tagging" },
      { type: "TextualBody", value: "Numbers", purpose: "tagging" },
      { type: "TextualBody", value: "Battery storage grew 40% in 2022", purpose: "describing" },
      { type: "TextualBody", value: "contested", purpose: "assessing" },
    ]);
    expect(docs.get(annotationIri("a_arabic"))!.body).toEqual([
      { type: "TextualBody", value: "-20% هو رقم متفائل جدا.", format: "text/markdown", purpose: "commenting" },
      { type: "TextualBody", value: "Prices", purpose: "tagging" },
    ]);
    expect(docs.get(annotationIri("a_formula"))!.body?.filter((b) => b.purpose === "assessing" || b.purpose === "describing")).toEqual([]);
  });

  it("has no body at all for a highlight without text or tags", () => {
    expect(docs.get(annotationIri("a_hl"))).not.toHaveProperty("body");
  });

  it("writes mentions as @Name and app links as absolute addresses", async () => {
    const data2 = exportFixture();
    data2.annotations[1].body = 'Ask [@ id="u_bob" label="Bob Ruiz"], see [¶ 3](/w/energy-desk/r/rep_1#p-3)';
    const body = (await annotationDocs(data2)).get(annotationIri("a_hl"))!.body![0];
    expect(body.value).toBe(`Ask @Bob Ruiz, see [¶ 3](${REPORT_URL}#p-3)`);
  });

  it("keeps status, visibility and the ¶ number under the marginalia: prefix", () => {
    const ext = (id: string) => {
      const d = docs.get(annotationIri(id))!;
      return [d["marginalia:passage"], d["marginalia:status"], d["marginalia:visibility"]];
    };
    expect(ext("a_claim")).toEqual([2, "open", "workspace"]);
    expect(ext("a_formula")).toEqual([3, "resolved", "private"]);
    expect(ext("a_arabic")).toEqual([4, "open", "workspace"]);
  });

  it("names the creator, with the e-mail hash when known, and the original creator of an imported annotation", () => {
    expect(docs.get(annotationIri("a_claim"))!.creator).toEqual({
      type: "Person",
      name: "Alice Example",
      email_sha1: "2a4e5b8c4b1e0d2c9f6e1d7a3b5c8e9f0a1b2c3d",
    });
    expect(docs.get(annotationIri("a_arabic"))!.creator).toEqual({ type: "Person", name: "acct:hala@hypothes.is (Hala)" });
  });

  it("dates in ISO form, with modified only for edited annotations", () => {
    expect(docs.get(annotationIri("a_formula"))).toMatchObject({
      created: "2026-11-19T10:00:00.000Z",
      modified: "2026-11-19T11:00:00.000Z",
    });
    expect(docs.get(annotationIri("a_claim"))!.created).toBe("2026-11-18T14:05:09.000Z");
    expect(docs.get(annotationIri("a_claim"))).not.toHaveProperty("modified");
  });

  it("writes exactly JSON.stringify of the collection, two spaces an indent", () => {
    expect(JSON.stringify(doc, null, 2)).toBe(text);
  });

  it("leaves the replies out when they were not asked for, as the other formats do", async () => {
    const without = await jsonLdOf({ ...exportFixture(), includeReplies: false });
    expect(without.first.items.some(isReply)).toBe(false);
    expect(without.total).toBe(4);
  });

  it("is an empty collection when there is nothing to export", async () => {
    const empty = await jsonLdOf({ ...exportFixture(), annotations: [] });
    expect(empty.total).toBe(0);
    expect(empty.first.items).toEqual([]);
  });
});
