import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { expectGolden } from "./__golden__/expect-golden";
import { CSV_COLUMNS, type CsvColumn, csvHeader, csvWriter } from "./csv";
import { exportFixture } from "./fixture";
import { streamedChunks, streamedText } from "./streamed";
import type { ExportData } from "./types";

type CsvRecord = Record<CsvColumn, string>;

const BOM = "\ufeff";
const HEADER = `${CSV_COLUMNS.join(",")}\r\n`;

const readRecords = (csv: string): CsvRecord[] => parse(csv, { bom: true, columns: true });
const readRows = (csv: string): string[][] => parse(csv, { bom: true });

/** Annotation and reply rows by their id (stance rows, which have none of their own, left out). */
function recordsById(csv: string): Map<string, CsvRecord> {
  return new Map(
    readRecords(csv)
      .filter((record) => record.record_type !== "stance")
      .map((record) => [record.reply_id || record.annotation_id, record]),
  );
}

const csvOf = (data: ExportData) => streamedText((head) => csvWriter(head), data);

/** Many reports' rows under one header, as the workspace export writes its annotations.csv. */
async function workspaceCsvOf(datas: ExportData[]): Promise<string> {
  let csv = csvHeader();
  for (const data of datas) csv += await streamedText((head) => csvWriter(head, { header: false }), data);
  return csv;
}

/** A second, smaller report for workspace-wide exports. */
function otherReport(): ExportData {
  const data = exportFixture();
  data.report = { ...data.report, id: "rep_2", title: "Heat Pumps, Revisited", url: "https://marginalia.example/w/energy-desk/r/rep_2" };
  data.annotations = [{ ...data.annotations[1], id: "a_other", replies: [] }];
  return data;
}

describe("csvWriter", () => {
  it("matches the golden file for the fixture", async () => {
    expectGolden("fixture.csv", await csvOf(exportFixture()));
  });

  it("starts with a BOM and the documented header, and ends records with CRLF", async () => {
    const csv = await csvOf(exportFixture());
    expect([...Buffer.from(csv, "utf8").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.startsWith(BOM + HEADER)).toBe(true);
    expect(csv.lastIndexOf(BOM)).toBe(0);
    expect(readRows(csv)[0]).toEqual([...CSV_COLUMNS]);
    // Nine records and a header, each ended by CRLF; line breaks inside bodies stay LF.
    expect(csv.split("\r\n")).toHaveLength(11);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("has a row per annotation, each followed by its stances and then its replies", async () => {
    const records = readRecords(await csvOf(exportFixture()));
    expect(records.map((record) => [record.record_type, record.annotation_id, record.reply_id])).toEqual([
      ["annotation", "a_claim", ""],
      ["stance", "a_claim", ""],
      ["stance", "a_claim", ""],
      ["stance", "a_claim", ""],
      ["reply", "a_claim", "r1"],
      ["reply", "a_claim", "r2"],
      ["annotation", "a_hl", ""],
      ["annotation", "a_formula", ""],
      ["annotation", "a_arabic", ""],
    ]);
    // Stances are the claim's reasoning, not replies: they stay when replies are left out.
    expect(readRecords(await csvOf({ ...exportFixture(), includeReplies: false })).map((record) => record.record_type)).toEqual([
      "annotation",
      "stance",
      "stance",
      "stance",
      "annotation",
      "annotation",
      "annotation",
    ]);
  });

  it("writes each stance with its author, note and evidence, and who set the verdict", async () => {
    const records = readRecords(await csvOf(exportFixture()));
    expect(
      records
        .filter((record) => record.record_type === "stance")
        .map((r) => [r.author, r.stance, r.body, r.evidence, r.evidence_link, r.created_at]),
    ).toEqual([
      [
        "Bob Ruiz",
        "disputes",
        "Table A3 says 35%, not *40%*.",
        "¶ 3",
        "https://marginalia.example/w/energy-desk/r/rep_1#p-3",
        "2026-11-18T15:05:00Z",
      ],
      [
        "سميرة الحسن",
        "disputes",
        "",
        "https://example.org/grid-storage/appendix#a3",
        "https://example.org/grid-storage/appendix#a3",
        "2026-11-19T08:05:00Z",
      ],
      ["Alice Example", "supports", "The press release agrees", "", "", "2026-11-19T09:00:00Z"],
    ]);
    const stance = records.find((record) => record.record_type === "stance");
    expect(stance).toMatchObject({
      report_id: "rep_1",
      annotation_id: "a_claim",
      paragraph: "2",
      link: "https://marginalia.example/w/energy-desk/r/rep_1#p-2",
      kind: "",
      verdict: "",
      verdict_set_by: "",
    });
    expect(recordsById(await csvOf(exportFixture())).get("a_claim")).toMatchObject({
      verdict_set_by: "Bob Ruiz",
      verdict_set_at: "2026-11-20T10:00:00Z",
      stance: "",
      evidence: "",
    });
    expect(recordsById(await csvOf(exportFixture())).get("a_hl")).toMatchObject({ verdict_set_by: "", verdict_set_at: "" });
    // Whom a thread is assigned to, and by when; empty when nobody.
    expect(recordsById(await csvOf(exportFixture())).get("a_claim")).toMatchObject({ assignee: "Bob Ruiz", due_at: "2026-12-01" });
    expect(recordsById(await csvOf(exportFixture())).get("a_hl")).toMatchObject({ assignee: "", due_at: "" });
  });

  it("fills the claim columns for claims only, and dates in ISO 8601 UTC to the second", async () => {
    const records = recordsById(await csvOf(exportFixture()));
    expect(records.get("a_claim")).toMatchObject({
      report_id: "rep_1",
      report_title: "Grid Storage and the Winter Peak",
      paragraph: "2",
      kind: "claim",
      visibility: "workspace",
      claim_summary: "Battery storage grew 40% in 2022",
      verdict: "contested",
      supports: "1",
      disputes: "2",
      needs_evidence: "0",
      tags: "Methods; Numbers",
      status: "open",
      author: "Alice Example",
      created_at: "2026-11-18T14:05:09Z",
      edited_at: "",
      link: "https://marginalia.example/w/energy-desk/r/rep_1#p-2",
    });
    expect(records.get("a_hl")).toMatchObject({
      kind: "highlight",
      claim_summary: "",
      verdict: "",
      supports: "",
      disputes: "",
      needs_evidence: "",
    });
    expect(records.get("a_formula")).toMatchObject({ visibility: "private", status: "resolved", edited_at: "2026-11-19T11:00:00Z" });
    expect(records.get("a_arabic")?.original_author).toBe("acct:hala@hypothes.is (Hala)");
  });

  it("makes reply rows stand alone, with the annotation's own columns empty", async () => {
    const reply = recordsById(await csvOf(exportFixture())).get("r1");
    expect(reply).toEqual({
      record_type: "reply",
      report_id: "rep_1",
      report_title: "Grid Storage and the Winter Peak",
      annotation_id: "a_claim",
      reply_id: "r1",
      paragraph: "2",
      kind: "",
      visibility: "",
      quote: "",
      body: "Agreed, and @Alice Example the footnote says 2021.",
      claim_summary: "",
      verdict: "",
      supports: "",
      disputes: "",
      needs_evidence: "",
      tags: "",
      status: "",
      author: "Bob Ruiz",
      original_author: "",
      created_at: "2026-11-18T15:00:00Z",
      edited_at: "2026-11-18T15:10:00Z",
      link: "https://marginalia.example/w/energy-desk/r/rep_1#p-2",
      stance: "",
      evidence: "",
      evidence_link: "",
      verdict_set_by: "",
      verdict_set_at: "",
      assignee: "",
      due_at: "",
    });
  });

  it("keeps Arabic text intact, byte for byte", async () => {
    const csv = await csvOf(exportFixture());
    const records = recordsById(csv);
    expect(records.get("a_arabic")?.quote).toBe("سيخفض الأسعار");
    expect(records.get("a_arabic")?.author).toBe("سميرة الحسن");
    expect(records.get("r2")?.author).toBe("سميرة الحسن");
    expect(Buffer.from(csv, "utf8").includes(Buffer.from("سيخفض الأسعار", "utf8"))).toBe(true);
  });

  it("defuses cells that a spreadsheet would run as formulas, and only those", async () => {
    const records = recordsById(await csvOf(exportFixture()));
    expect(records.get("a_formula")?.quote).toBe("'=SUM(A1:A9)");
    expect(records.get("a_formula")?.body).toMatch(/^'=HYPERLINK\("http:\/\/evil\.example"\) — /);
    expect(records.get("a_arabic")?.body).toBe("'-20% هو رقم متفائل جدا.");
    expect(records.get("r2")?.body).toBe("'@attacker said: +cmd|' /C calc'!A0");
    expect(records.get("a_claim")?.body).toBe("Their own chart shows 35%, not 40%.");
    expect(records.get("a_claim")?.quote).toBe("Battery storage grew by 40% in 2022");

    const data = exportFixture();
    Object.assign(data.annotations[0], { claimSummary: "+1 for storage", tags: ["\tTabbed", "Plain"], body: "\rcarriage" });
    const tricky = recordsById(await csvOf(data)).get("a_claim");
    expect(tricky).toMatchObject({ claim_summary: "'+1 for storage", tags: "'\tTabbed; Plain", body: "'\rcarriage" });
  });

  it("round-trips multi-line bodies with quotes and commas", async () => {
    const data = exportFixture();
    data.annotations[1].body = 'Line one, with a comma\n\nLine "two"\r\nand a trailing "quote"';
    const records = recordsById(await csvOf(data));
    expect(records.get("a_hl")?.body).toBe(data.annotations[1].body);
    expect(records.get("a_formula")?.body).toBe(`'${exportFixture().annotations[2].body}`);
  });

  it("gives just the BOM and header when there are no annotations", async () => {
    const csv = await csvOf({ ...exportFixture(), annotations: [] });
    expect(csv).toBe(BOM + HEADER);
    expect(readRecords(csv)).toEqual([]);
    expect(csvHeader()).toBe(BOM + HEADER);
  });

  it("puts many reports in one file under one header", async () => {
    const csv = await workspaceCsvOf([exportFixture(), otherReport()]);
    expect(csv.split(HEADER)).toHaveLength(2);
    const records = readRecords(csv);
    expect(records).toHaveLength(10);
    expect(records.map((record) => record.report_id)).toEqual([...Array(9).fill("rep_1"), "rep_2"]);
    expect(records[9]).toMatchObject({
      report_title: "Heat Pumps, Revisited",
      annotation_id: "a_other",
      link: "https://marginalia.example/w/energy-desk/r/rep_2#p-2",
    });
  });
});

describe("csvWriter without its header", () => {
  it("writes one piece per annotation, its stances and replies with it, to follow the header", async () => {
    const chunks = await streamedChunks((head) => csvWriter(head, { header: false }), exportFixture(), 1);
    expect(chunks).toHaveLength(4);
    expect(readRecords(csvHeader() + chunks[0]).map((record) => record.record_type)).toEqual([
      "annotation",
      "stance",
      "stance",
      "stance",
      "reply",
      "reply",
    ]);
    expect(csvHeader() + chunks.join("")).toBe(await csvOf(exportFixture()));
  });
});
