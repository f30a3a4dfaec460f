import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bodyForExport } from "@/lib/exporters/common";
import { exportFixture } from "@/lib/exporters/fixture";
import { jsonLdWriter } from "@/lib/exporters/jsonld";
import { streamedText } from "@/lib/exporters/streamed";
import {
  htmlToText,
  ImportFormatError,
  MAX_IMPORT_ANNOTATIONS,
  parseAnnotationImport,
  type ParsedAnnotation,
  type ParsedImport,
} from "./annotations-jsonld";

const ORIGIN = "https://marginalia.example";
const REPORT = "https://example.org/report";

function hypothesisExport(): { annotations: Record<string, unknown>[] } & Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, "__fixtures__/hypothesis-export.json"), "utf8"));
}

/** Our export's file, as the server writes it. */
const exportedText = await streamedText(jsonLdWriter, exportFixture());

/** Our export as a file would bring it, read afresh each time (tests change it). */
function exported() {
  return JSON.parse(exportedText);
}

/** A minimal W3C annotation on a quote, with whatever else a test needs. */
function w3c(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    type: "Annotation",
    motivation: "commenting",
    body: { type: "TextualBody", value: `Note ${id}`, format: "text/plain" },
    target: { source: REPORT, selector: { type: "TextQuoteSelector", exact: `quote ${id}` } },
    ...extra,
  };
}

function reply(id: string, parent: unknown, created: string): Record<string, unknown> {
  return { id, type: "Annotation", motivation: "replying", created, body: { type: "TextualBody", value: `Reply ${id}` }, target: parent };
}

function only(result: ParsedImport): ParsedAnnotation {
  expect(result.annotations).toHaveLength(1);
  return result.annotations[0];
}

function formatError(input: unknown): ImportFormatError {
  try {
    parseAnnotationImport(input);
  } catch (error) {
    if (error instanceof ImportFormatError) return error;
    throw error;
  }
  throw new Error("parseAnnotationImport did not throw");
}

describe("parseAnnotationImport: our own export, round trip", () => {
  const data = exportFixture();
  const result = parseAnnotationImport(exported());
  const byId = new Map(result.annotations.map((a) => [a.sourceId, a]));
  const parsedOf = (id: string) => byId.get(`${ORIGIN}/api/v1/annotations/${id}`)!;

  it("knows the file is ours and reads every annotation, replies attached", () => {
    expect(result.format).toBe("marginalia");
    expect(result.skipped).toEqual([]);
    expect(result.annotations.map((a) => a.sourceId)).toEqual(data.annotations.map((a) => `${ORIGIN}/api/v1/annotations/${a.id}`));
  });

  it("gives back each annotation's kind, text, tags, claim, status, visibility, anchor and creator", () => {
    for (const a of data.annotations) {
      const parsed = parsedOf(a.id);
      expect(parsed.kind).toBe(a.kind);
      expect(parsed.body).toBe(bodyForExport(a.body, ORIGIN));
      expect(parsed.tags).toEqual(a.tags);
      expect(parsed.claimSummary).toBe(a.claimSummary);
      expect(parsed.verdict).toBe(a.kind === "claim" ? a.verdict : null);
      expect(parsed.status).toBe(a.status);
      expect(parsed.visibility).toBe(a.visibility);
      expect(parsed.quote).toEqual({ exact: a.quote, prefix: a.prefix, suffix: a.suffix });
      expect(parsed.passageHint).toBe(a.passageIndex);
      expect(parsed.created?.toISOString()).toBe(a.createdAt.toISOString());
      expect(parsed.creator).toEqual({
        name: a.importedCreator ?? a.author.name,
        emailSha1: a.importedCreator ? null : a.author.emailSha1,
        account: null,
      });
    }
  });

  it("keeps the values the fixture is there to test", () => {
    expect(parsedOf("a_claim")).toMatchObject({
      kind: "claim",
      claimSummary: "Battery storage grew 40% in 2022",
      verdict: "contested",
      tags: ["Methods", "Numbers"],
    });
    expect(parsedOf("a_formula")).toMatchObject({ kind: "question", status: "resolved", visibility: "private", passageHint: 3 });
    expect(parsedOf("a_arabic").quote?.exact).toBe("سيخفض الأسعار");
    expect(parsedOf("a_hl")).toMatchObject({ kind: "highlight", body: "", tags: [] });
  });

  it("keeps the whole-text positions, in code points", () => {
    expect(parsedOf("a_claim").position).toEqual({ start: 9, end: 44, unit: "codepoint" });
    expect(parsedOf("a_arabic").position?.unit).toBe("codepoint");
  });

  it("attaches replies in order, with their text (mentions as @Name) and creators", () => {
    expect(parsedOf("a_claim").replies).toEqual([
      {
        sourceId: `${ORIGIN}/api/v1/replies/r1`,
        body: "Agreed, and @Alice Example the footnote says 2021.",
        creator: { name: "Bob Ruiz", emailSha1: "9b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c", account: null },
        created: new Date("2026-11-18T15:00:00Z"),
      },
      {
        sourceId: `${ORIGIN}/api/v1/replies/r2`,
        body: "@attacker said: +cmd|' /C calc'!A0",
        creator: { name: "سميرة الحسن", emailSha1: null, account: null },
        created: new Date("2026-11-19T08:00:00Z"),
      },
    ]);
    for (const id of ["a_hl", "a_formula", "a_arabic"]) expect(parsedOf(id).replies).toEqual([]);
  });

  it("reads the same items as a bare list, a single annotation, or a collection with `items`", () => {
    const items: unknown[] = exported().first.items;
    const fromList = parseAnnotationImport(items);
    expect(fromList.format).toBe("w3c");
    expect(fromList.annotations).toEqual(result.annotations);
    expect(only(parseAnnotationImport(items[3])).sourceId).toBe(`${ORIGIN}/api/v1/annotations/a_hl`);
    const flat = { ...exported(), first: undefined, items };
    expect(parseAnnotationImport(flat).annotations).toEqual(result.annotations);
  });

  it("refuses a collection whose pages are kept elsewhere", () => {
    expect(formatError({ ...exported(), first: `${REPORT}/annotations?page=0` }).code).toBe("paged");
    const withNext = exported();
    withNext.first.next = `${REPORT}/annotations?page=1`;
    expect(formatError(withNext).code).toBe("paged");
  });
});

describe("parseAnnotationImport: Hypothesis", () => {
  const result = parseAnnotationImport(hypothesisExport());
  const byId = new Map(result.annotations.map((a) => [a.sourceId, a]));

  it("reads the client's export file as Hypothesis, replies folded into their threads", () => {
    expect(result.format).toBe("hypothesis");
    expect(result.skipped).toEqual([]);
    expect(result.annotations.map((a) => a.sourceId)).toEqual([
      "kT3n8Kc8Ee6zQ4vWq2Lr1A",
      "Qa9f4Kc8Ee6hX1oTn3Wm7Q",
      "Zr2d6Kc8Ee6Jt7bVc0Pk4A",
    ]);
  });

  it("takes the quote, and the position as UTF-16 units of the page (a hint only)", () => {
    const annotation = byId.get("kT3n8Kc8Ee6zQ4vWq2Lr1A")!;
    expect(annotation.quote).toEqual({
      exact: "Battery storage grew by 40% in 2022",
      prefix: "Summary\n\n      ",
      suffix: ", yet winter peaks still rely on",
    });
    expect(annotation.position).toEqual({ start: 1291, end: 1326, unit: "utf16" });
    expect(annotation).toMatchObject({
      kind: "comment",
      status: "open",
      visibility: null,
      passageHint: null,
      claimSummary: null,
      verdict: null,
    });
    expect(annotation.body).toBe("Their chart says **35%**. See [the appendix](https://example.org/briefs/grid-storage#appendix).");
    expect(annotation.created?.toISOString()).toBe("2026-11-12T09:14:03.318Z");
  });

  it("keeps the account and display name, and tags trimmed without case-insensitive repeats", () => {
    const annotation = byId.get("kT3n8Kc8Ee6zQ4vWq2Lr1A")!;
    expect(annotation.creator).toEqual({ name: "Hala Mansour", emailSha1: null, account: "acct:hala@hypothes.is" });
    expect(annotation.tags).toEqual(["Methods", "numbers"]);
  });

  it("attaches a reply and a reply to that reply to the thread's root, oldest first", () => {
    expect(byId.get("kT3n8Kc8Ee6zQ4vWq2Lr1A")!.replies).toEqual([
      {
        sourceId: "mB7w1Kc9Ee6pS0dLx4Yv2g",
        body: "Agreed — the footnote gives a different year.",
        creator: { name: "Dana Whitfield", emailSha1: null, account: "acct:dana.w@hypothes.is" },
        created: new Date("2026-11-12T10:30:12.450Z"),
      },
      {
        sourceId: "pX0c2Kc9Ee6v3z8nH5Tq9w",
        body: "Which footnote, though? The one in ¶ 3 says 2021.",
        creator: { name: null, emailSha1: null, account: "acct:omar_h@hypothes.is" },
        created: new Date("2026-11-12T11:02:55.912Z"),
      },
    ]);
  });

  it("reads an empty annotation as a highlight, private when only its author may read it", () => {
    expect(byId.get("Qa9f4Kc8Ee6hX1oTn3Wm7Q")).toMatchObject({
      kind: "highlight",
      body: "",
      visibility: "private",
      quote: { exact: "سيخفض الأسعار" },
    });
  });

  it("reads a page note without an anchor, for the importer to report as an orphan", () => {
    expect(byId.get("Zr2d6Kc8Ee6Jt7bVc0Pk4A")).toMatchObject({
      kind: "comment",
      quote: null,
      position: null,
      tags: ["summary"],
      replies: [],
    });
  });

  it("reads a search API response and a bare list of API annotations the same way", () => {
    const rows = hypothesisExport().annotations;
    const expected = result.annotations;
    expect(parseAnnotationImport({ rows, total: rows.length })).toEqual({ ...result, annotations: expected });
    expect(parseAnnotationImport(rows)).toEqual(result);
    // `_separate_replies` responses list replies apart from the rows.
    const separate = { rows: rows.filter((r) => !r.references), replies: rows.filter((r) => r.references), total: 3 };
    expect(parseAnnotationImport(separate).annotations.find((a) => a.sourceId === "kT3n8Kc8Ee6zQ4vWq2Lr1A")!.replies).toHaveLength(2);
  });

  it("attaches a reply to the root when its direct parent is missing, and skips one whose whole thread is", () => {
    const rows = hypothesisExport().annotations.filter((r) => r.id !== "mB7w1Kc9Ee6pS0dLx4Yv2g");
    const orphanReply = { ...rows[1], id: "lost", references: ["gone-root", "gone-parent"] };
    const parsed = parseAnnotationImport([...rows, orphanReply]);
    expect(parsed.annotations[0].replies.map((r) => r.sourceId)).toEqual(["pX0c2Kc9Ee6v3z8nH5Tq9w"]);
    expect(parsed.skipped).toEqual([{ index: 4, reason: "a reply to gone-parent, which is not in the file (lost)" }]);
  });
});

describe("parseAnnotationImport: other W3C files", () => {
  it("maps motivations to kinds, and otherwise goes by whether there is text", () => {
    const kinds = parseAnnotationImport([
      w3c("a", { motivation: "highlighting" }),
      w3c("b", { motivation: "oa:questioning" }),
      w3c("c", { motivation: ["bookmarking", "assessing"] }),
      w3c("d", { motivation: "bookmarking" }),
      w3c("e", { motivation: "tagging", body: { type: "TextualBody", purpose: "tagging", value: "Energy" } }),
      w3c("f", { motivation: undefined, body: undefined, bodyValue: "Plain words" }),
    ]).annotations;
    expect(kinds.map((a) => a.kind)).toEqual(["highlight", "question", "claim", "comment", "highlight", "comment"]);
    expect(kinds[4].tags).toEqual(["Energy"]);
    expect(kinds[5].body).toBe("Plain words");
  });

  it("takes a verdict only from a claim's assessing body that names one; other text stays in the body", () => {
    const [claim, other] = parseAnnotationImport([
      w3c("a", {
        motivation: "assessing",
        body: [
          { type: "TextualBody", purpose: "assessing", value: " Refuted " },
          { type: "TextualBody", purpose: "describing", value: "Prices fall" },
        ],
      }),
      w3c("b", { motivation: "assessing", body: [{ type: "TextualBody", purpose: "assessing", value: "Looks wrong to me" }] }),
    ]).annotations;
    expect(claim).toMatchObject({ kind: "claim", verdict: "refuted", claimSummary: "Prices fall", body: "" });
    expect(other).toMatchObject({ kind: "claim", verdict: null, claimSummary: null, body: "Looks wrong to me" });
  });

  it("uses a plain string body, the first text of a Choice, and ignores bodies that are links", () => {
    const [a, b] = parseAnnotationImport([
      w3c("a", { body: ["Just a string", { id: "https://example.org/linked-resource", type: "Image" }] }),
      w3c("b", {
        body: {
          type: "Choice",
          items: [
            { type: "TextualBody", value: "English" },
            { type: "TextualBody", value: "Français" },
          ],
        },
      }),
    ]).annotations;
    expect(a.body).toBe("Just a string");
    expect(b.body).toBe("English");
  });

  it("strips HTML bodies to plain text", () => {
    const annotation = only(
      parseAnnotationImport(
        w3c("a", {
          body: {
            type: "TextualBody",
            format: "text/html",
            value:
              '<p>Hello <b onclick="x()">world</b></p><script>alert("x")</script><ul><li>one</li><li>two</li></ul><p>a &lt; b &amp;&nbsp;c &#x1F4C8;</p>',
          },
        }),
      ),
    );
    expect(annotation.body).toBe("Hello world\n\n- one\n- two\n\na < b & c 📈");
    expect(annotation.body).not.toMatch(/<b|script|alert/i);
  });

  it("reads HTML that is not well formed without losing text or hanging", () => {
    expect(htmlToText("1 < 2 and 3 > 2")).toBe("1 < 2 and 3 > 2");
    expect(htmlToText("<p>unclosed <b>bold")).toBe("unclosed bold");
    expect(htmlToText("<!-- hidden --><i>shown</i><style>p{}")).toBe("shown");
    expect(htmlToText("&#0;&#xD800;&bogus;")).toBe("&#0;&#xD800;&bogus;");
    expect(htmlToText("<?xml version='1.0'?><!DOCTYPE html><p>text</p>")).toBe("text");
    const started = performance.now();
    for (const hostile of [
      "<a".repeat(100_000),
      `${"< ".repeat(100_000)}>`,
      "<script>".repeat(50_000),
      "<!--".repeat(50_000),
      `&${"a".repeat(200_000)}`,
    ]) {
      htmlToText(hostile);
    }
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("attaches nested W3C replies to the root, oldest first", () => {
    const result = parseAnnotationImport([
      reply("r2", "r1", "2026-01-03T00:00:00Z"),
      w3c("a"),
      reply("r1", { id: "a" }, "2026-01-02T00:00:00Z"),
      reply("r0", { source: "a" }, "2026-01-01T00:00:00Z"),
    ]);
    expect(result.skipped).toEqual([]);
    expect(only(result).replies.map((r) => [r.sourceId, r.body])).toEqual([
      ["r0", "Reply r0"],
      ["r1", "Reply r1"],
      ["r2", "Reply r2"],
    ]);
  });

  it("follows a long chain of replies to its root", () => {
    const chain = Array.from({ length: 9_999 }, (_, i) =>
      reply(`r${i}`, i === 0 ? "a" : `r${i - 1}`, `2026-01-01T00:00:00.${String(i % 1000).padStart(3, "0")}Z`),
    );
    const result = parseAnnotationImport([...chain.reverse(), w3c("a")]);
    expect(result.skipped).toEqual([]);
    expect(only(result).replies).toHaveLength(9_999);
  });

  it("treats an unanchored annotation on another annotation of the file as a reply", () => {
    const result = parseAnnotationImport([w3c("a"), w3c("b", { target: "a" }), w3c("c", { target: REPORT })]);
    expect(result.annotations.map((a) => a.sourceId)).toEqual(["a", "c"]);
    expect(result.annotations[0].replies.map((r) => r.body)).toEqual(["Note b"]);
    expect(result.annotations[1].quote).toBeNull();
  });

  it("skips a reply whose parent is not in the file, and replies that answer each other in a circle", () => {
    const result = parseAnnotationImport([
      w3c("a"),
      reply("r1", "missing", "2026-01-01T00:00:00Z"),
      reply("x", "y", ""),
      reply("y", "x", ""),
    ]);
    expect(only(result).sourceId).toBe("a");
    expect(result.skipped).toEqual([
      { index: 1, reason: "a reply to missing, which is not in the file (r1)" },
      { index: 2, reason: "a reply to y, which is not in the file (x)" },
      { index: 3, reason: "a reply to x, which is not in the file (y)" },
    ]);
  });

  it("cleans tags: trimmed, no case-insensitive repeats, none over 40 characters, at most 10", () => {
    const tags = [" Alpha ", "alpha", "", "x".repeat(41), "é".repeat(40), ...Array.from({ length: 12 }, (_, i) => `t${i}`)];
    const annotation = only(
      parseAnnotationImport(w3c("a", { body: tags.map((value) => ({ type: "TextualBody", purpose: "tagging", value })) })),
    );
    expect(annotation.tags).toEqual(["Alpha", "é".repeat(40), "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7"]);
  });

  it("reads creators given as an IRI, an object or a list", () => {
    const [a, b, c] = parseAnnotationImport([
      w3c("a", { creator: "https://example.org/people/1" }),
      w3c("b", {
        creator: { id: "https://example.org/people/2", nickname: "bee", email_sha1: "ABCDEF0123456789ABCDEF0123456789ABCDEF01" },
      }),
      w3c("c", { creator: [{ name: "Cee", email_sha1: "not a hash" }, "https://example.org/people/4"] }),
    ]).annotations;
    expect(a.creator).toEqual({ name: null, emailSha1: null, account: "https://example.org/people/1" });
    expect(b.creator).toEqual({
      name: "bee",
      emailSha1: "abcdef0123456789abcdef0123456789abcdef01",
      account: "https://example.org/people/2",
    });
    expect(c.creator).toEqual({ name: "Cee", emailSha1: null, account: null });
  });

  it("turns dates that do not parse into null", () => {
    const dates = parseAnnotationImport([
      w3c("a", { created: "yesterday" }),
      w3c("b", { created: "2026-13-45T00:00:00Z" }),
      w3c("c", { created: 1 }),
      w3c("d", { created: "2026-02-03T04:05:06Z" }),
    ]).annotations.map((a) => a.created);
    expect(dates).toEqual([null, null, null, new Date("2026-02-03T04:05:06Z")]);
  });

  it("reads the ¶ hint, status and visibility only when they hold expected values", () => {
    const annotation = only(
      parseAnnotationImport(w3c("a", { "marginalia:passage": "2", "marginalia:status": "closed", "marginalia:visibility": "public" })),
    );
    expect(annotation).toMatchObject({ passageHint: null, status: "open", visibility: null });
  });
});

describe("parseAnnotationImport: files it cannot read", () => {
  it.each([
    ["a number", 42],
    ["a string", "annotations"],
    ["null", null],
    ["undefined", undefined],
    ["an unrelated object", { name: "marginalia", version: "0.1.0", dependencies: {} }],
    ["a list of numbers", [1, 2, 3]],
    ["a Hypothesis-like object without its markers", { annotations: [1, 2] }],
    ["a collection without items", { type: "AnnotationCollection", first: { type: "AnnotationPage", items: "none" } }],
  ])("throws ImportFormatError for %s", (_, input) => {
    const error = formatError(input);
    expect(error.code).toBe("unrecognised");
    expect(error.message).toMatch(/^Not a W3C Web Annotation or Hypothesis export: /);
  });

  it("refuses more than 10,000 annotations in one file, before reading any", () => {
    expect(MAX_IMPORT_ANNOTATIONS).toBe(10_000);
    const many = Array.from({ length: MAX_IMPORT_ANNOTATIONS + 1 }, (_, i) => w3c(`a${i}`));
    const error = formatError(many);
    expect(error.code).toBe("too_many");
    expect(error.message).toBe("The file holds 10001 annotations; at most 10,000 can be imported at once.");
    expect(parseAnnotationImport(many.slice(1)).annotations).toHaveLength(MAX_IMPORT_ANNOTATIONS);
  });

  it("skips an item without a target, keeping the others", () => {
    const result = parseAnnotationImport([w3c("a"), w3c("b", { target: undefined }), w3c("c"), w3c("d", { target: [] })]);
    expect(result.annotations.map((a) => a.sourceId)).toEqual(["a", "c"]);
    expect(result.skipped).toEqual([
      { index: 1, reason: "target is missing (b)" },
      { index: 3, reason: "target is empty (d)" },
    ]);
  });

  it("skips a body longer than 20,000 code points, counting emoji as one", () => {
    const result = parseAnnotationImport([
      w3c("fits", { bodyValue: "😀".repeat(20_000), body: undefined }),
      w3c("long", { bodyValue: "a".repeat(20_001), body: undefined }),
    ]);
    expect(only(result).sourceId).toBe("fits");
    expect(result.skipped).toEqual([{ index: 1, reason: "the text is 20001 characters long; at most 20000 can be imported (long)" }]);
  });

  it("skips items of the wrong shape with a reason in plain words, never zod's", () => {
    const result = parseAnnotationImport([
      w3c("ok"),
      null,
      "an annotation",
      [w3c("nested")],
      w3c("body", { body: 42 }),
      w3c("motivation", { motivation: 5 }),
      w3c("creator", { creator: 7 }),
      w3c("person", { type: "Person" }),
      w3c("selector", { target: { source: REPORT, selector: [{ type: "TextPositionSelector", start: "1", end: 2 }] } }),
      w3c("backwards", { target: { source: REPORT, selector: { type: "TextPositionSelector", start: 5, end: 2 } } }),
      w3c("empty-quote", { target: { source: REPORT, selector: [{ type: "RangeSelector" }, { type: "TextQuoteSelector", exact: "" }] } }),
      w3c("untyped", { target: { source: REPORT, selector: [{ exact: "x" }] } }),
      { ...w3c("x"), id: { nested: true } },
      reply("noparent", {}, ""),
    ]);
    expect(only(result).sourceId).toBe("ok");
    expect(result.skipped).toEqual([
      { index: 1, reason: "the annotation should be an object" },
      { index: 2, reason: "the annotation should be an object" },
      { index: 3, reason: "the annotation should be an object" },
      { index: 4, reason: "body has a shape that is not understood (body)" },
      { index: 5, reason: "motivation has a shape that is not understood (motivation)" },
      { index: 6, reason: "creator has a shape that is not understood (creator)" },
      { index: 7, reason: "not an Annotation (its type is Person) (person)" },
      { index: 8, reason: "target.selector[0].start should be a number (selector)" },
      { index: 9, reason: "target.selector.end should be greater than start (backwards)" },
      { index: 10, reason: "target.selector[1].exact is empty (empty-quote)" },
      { index: 11, reason: "target.selector[0].type is missing (untyped)" },
      { index: 12, reason: "id should be text" },
      { index: 13, reason: "a reply that does not say which annotation it answers (noparent)" },
    ]);
  });

  it("does not crash on lone surrogates or NUL, and stores them as replacement characters", () => {
    const annotation = only(
      parseAnnotationImport(
        w3c("a", {
          body: [
            { type: "TextualBody", value: "bad \ud800 half \u0000 nul" },
            { type: "TextualBody", purpose: "tagging", value: "tag\udc00" },
          ],
          target: { source: REPORT, selector: { type: "TextQuoteSelector", exact: "x\udbff", prefix: "\udc00" } },
          creator: { name: "Name\ud83d" },
        }),
      ),
    );
    expect(annotation.body).toBe("bad \ufffd half \ufffd nul");
    expect(annotation.tags).toEqual(["tag\ufffd"]);
    expect(annotation.quote).toEqual({ exact: "x\ufffd", prefix: "\ufffd", suffix: "" });
    expect(annotation.creator.name).toBe("Name\ufffd");
    expect(annotation.body.isWellFormed()).toBe(true);
  });

  it("turns other control characters into U+FFFD too, and takes bidi controls and line breaks out of tags and creator names", () => {
    const annotation = only(
      parseAnnotationImport(
        w3c("a", {
          body: [
            { type: "TextualBody", value: "a\u0001b\u007fc\u0085d\te\nf" },
            { type: "TextualBody", purpose: "tagging", value: "\u202eMeth\nods\u202c" },
          ],
          creator: { name: "\u2067Ada\u2069 Lovelace" },
        }),
      ),
    );
    expect(annotation.body).toBe("a\ufffdb\ufffdc\ufffdd\te\nf");
    expect(annotation.tags).toEqual(["Meth ods"]);
    expect(annotation.creator.name).toBe("Ada Lovelace");
  });

  it("counts a created date outside the years 1000 to 9999, or on a day that does not exist, as not given", () => {
    const created = (value: string) => only(parseAnnotationImport(w3c("a", { created: value }))).created;
    for (const value of [
      "0000-01-01T00:00:00Z",
      "-271821-04-20T00:00:00Z",
      "+275760-09-13T00:00:00Z",
      "2023-02-30T00:00:00Z",
      "0999-12-31T23:59:59Z",
    ])
      expect(created(value), value).toBeNull();
    expect(created("2024-02-29T12:00:00.123456+00:00")?.toISOString()).toBe("2024-02-29T12:00:00.123Z");
  });

  it("skips malformed Hypothesis items, keeping the others", () => {
    const rows = hypothesisExport().annotations;
    const result = parseAnnotationImport({
      ...hypothesisExport(),
      annotations: [rows[0], { ...rows[4], target: undefined }, { ...rows[3], tags: "Methods" }, { ...rows[3], text: 12 }],
    });
    expect(only(result).sourceId).toBe("kT3n8Kc8Ee6zQ4vWq2Lr1A");
    expect(result.skipped.map((s) => s.reason)).toEqual([
      "target is missing (Zr2d6Kc8Ee6Jt7bVc0Pk4A)",
      "tags should be a list (Qa9f4Kc8Ee6hX1oTn3Wm7Q)",
      "text should be text (Qa9f4Kc8Ee6hX1oTn3Wm7Q)",
    ]);
  });
});
