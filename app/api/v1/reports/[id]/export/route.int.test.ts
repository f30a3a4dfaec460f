import { parse } from "csv-parse/sync";
import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { call, fetchBytes, newAnnotation, newReport, teamWorkspace, type Report, type TestUser } from "@/lib/testing/api";

type Team = Awaited<ReturnType<typeof teamWorkspace>>;

/** Offsets of a phrase in the report's passage holding it (the sample is all BMP text, so code points = UTF-16). */
function phrase(report: Report, text: string) {
  const index = report.passages.findIndex((p) => p.text.includes(text));
  if (index < 0) throw new Error(`no passage holds “${text}”`);
  const start = report.passages[index].text.indexOf(text);
  return { passage: index, fields: { passageId: report.passages[index].id, start, end: start + text.length } };
}

async function annotate(user: TestUser, report: Report, text: string, fields: Record<string, unknown>) {
  const at = phrase(report, text);
  return newAnnotation(user, report, { ...at.fields, ...fields }, at.passage);
}

/** The export as text; .docx read back with mammoth. */
async function exported(
  reportId: string,
  as: TestUser,
  query: string,
): Promise<{ status: number; text: string; headers: Headers; bytes: Buffer }> {
  const res = await fetchBytes(`/api/v1/reports/${reportId}/export?${query}`, as);
  if (res.status === 200 && /format=docx/.test(query)) return { ...res, text: (await mammoth.extractRawText({ buffer: res.bytes })).value };
  return res;
}

const FORMATS = ["markdown", "csv", "jsonld", "docx"] as const;

describe("GET /api/v1/reports/{id}/export", () => {
  let team: Team;
  let claimId: string;

  beforeAll(async () => {
    team = await teamWorkspace();
    const { report, people } = team;
    await call("POST", `/api/v1/workspaces/${team.ws.id}/tags`, { as: people.owner, json: { name: "Context" } });
    const claim = await annotate(people.author, report, "calamitous earthquake", {
      kind: "claim",
      claimSummary: "The earthquake opened a humanitarian window",
      body: "Shared claim about the earthquake",
      tags: ["Context"],
    });
    claimId = claim.id;
    await call("PUT", `/api/v1/annotations/${claim.id}/stance`, { as: people.editor, json: { stance: "disputes" } });
    await call("PUT", `/api/v1/annotations/${claim.id}/stance`, { as: people.annotator, json: { stance: "supports" } });
    await call("PUT", `/api/v1/annotations/${claim.id}/verdict`, { as: people.editor, json: { verdict: "contested" } });
    await call("POST", `/api/v1/annotations/${claim.id}/replies`, { as: people.annotator, json: { body: "Reply from the annotator" } });
    await annotate(people.author, report, "sponsored by Russia", { body: "=1+2 formula-looking comment", kind: "comment" });
    await annotate(people.author, report, "Arab nations", { body: "SECRET-author-private", visibility: "private" });
    await annotate(people.annotator, report, "King Abdullah II", { body: "SECRET-annotator-private", visibility: "private" });
  });

  it("serves every format as a download named after the report and the day", async () => {
    const types = {
      markdown: /^text\/markdown/,
      csv: /^text\/csv/,
      jsonld: /^application\/ld\+json/,
      docx: /^application\/vnd\.openxmlformats/,
    };
    const extensions = { markdown: "md", csv: "csv", jsonld: "jsonld", docx: "docx" };
    const today = new Date().toISOString().slice(0, 10);
    for (const format of FORMATS) {
      const res = await exported(team.report.id, team.people.annotator, `format=${format}`);
      expect(res.status, format).toBe(200);
      expect(res.headers.get("content-type")).toMatch(types[format]);
      const disposition = res.headers.get("content-disposition") ?? "";
      expect(disposition).toMatch(/^attachment; filename="the-political-viability-of-rekindling-international-relations-with-the-syrian/);
      expect(disposition).toContain(`-${today}.${extensions[format]}"`);
      expect(res.text).toContain("Shared claim about the earthquake");
      expect(res.text).toContain("Reply from the annotator");
    }
  });

  it("states in JSON-LD the total of annotations and replies, as the items it lists", async () => {
    // The reply count is read for JSON-LD only: a total of the annotations alone would be one short here.
    const jsonld = JSON.parse((await exported(team.report.id, team.people.annotator, "format=jsonld")).text);
    const items = jsonld.first.items as { motivation: string }[];
    expect(items.filter((item) => item.motivation === "replying")).toHaveLength(1);
    expect(jsonld.total).toBe(items.length);
  });

  it("never includes another member's private annotations; your own only when asked", async () => {
    for (const format of FORMATS) {
      const plain = await exported(team.report.id, team.people.annotator, `format=${format}`);
      expect(plain.text, format).not.toContain("SECRET-author-private");
      expect(plain.text, format).not.toContain("SECRET-annotator-private");
      const mine = await exported(team.report.id, team.people.annotator, `format=${format}&includePrivate=true`);
      expect(mine.text, format).toContain("SECRET-annotator-private");
      expect(mine.text, format).not.toContain("SECRET-author-private");
      // Asking for private ones by filter does not reveal anyone else's either.
      const filtered = await exported(team.report.id, team.people.annotator, `format=${format}&includePrivate=true&visibility=private`);
      expect(filtered.text, format).not.toContain("SECRET-author-private");
      expect(filtered.text, format).not.toContain("Shared claim about the earthquake");
    }
  });

  it("lets a viewer export what they can read, and gives a stranger 404 for every format", async () => {
    for (const format of FORMATS) {
      const viewer = await exported(team.report.id, team.people.viewer, `format=${format}&includePrivate=true`);
      expect(viewer.status).toBe(200);
      expect(viewer.text).toContain("Shared claim about the earthquake");
      expect(viewer.text).not.toMatch(/SECRET-/);
      const stranger = await fetchBytes(`/api/v1/reports/${team.report.id}/export?format=${format}`, team.people.stranger);
      expect(stranger.status).toBe(404);
      expect(stranger.text).not.toContain("earthquake");
    }
    expect((await fetchBytes(`/api/v1/reports/${team.report.id}/export?format=markdown`, {})).status).toBe(401);
  });

  it("answers an unknown or missing format with 400 and bad filters with 422", async () => {
    const url = `/api/v1/reports/${team.report.id}/export`;
    const unknown = await call("GET", `${url}?format=pdf`, { as: team.people.owner });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain("markdown, csv, jsonld, docx");
    expect((await call("GET", url, { as: team.people.owner })).status).toBe(400);
    expect((await call("GET", `${url}?format=csv&kind=banana`, { as: team.people.owner })).status).toBe(422);
    expect((await call("GET", `${url}?format=csv&from=yesterday`, { as: team.people.owner })).status).toBe(422);
    expect((await call("GET", `${url}?format=csv&from=2026-02-01&to=2026-01-01`, { as: team.people.owner })).status).toBe(422);
    expect((await call("GET", `${url}?format=csv&includeReplies=maybe`, { as: team.people.owner })).status).toBe(422);
  });

  it("writes CSV with a BOM, the claim's tally and verdict, replies as rows, and formulas defused", async () => {
    const res = await exported(team.report.id, team.people.owner, "format=csv");
    expect(res.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(res.text, { bom: true, columns: true }) as Record<string, string>[];
    const claim = rows.find((r) => r.annotation_id === claimId && r.record_type === "annotation")!;
    expect(claim).toMatchObject({
      kind: "claim",
      verdict: "contested",
      supports: "1",
      disputes: "1",
      needs_evidence: "0",
      tags: "Context",
      author: "Aziz Author",
    });
    expect(rows.filter((r) => r.annotation_id === claimId && r.record_type === "reply").map((r) => r.body)).toEqual([
      "Reply from the annotator",
    ]);
    expect(rows.find((r) => r.body.includes("formula-looking"))!.body).toBe("'=1+2 formula-looking comment");
    const noReplies = parse((await exported(team.report.id, team.people.owner, "format=csv&includeReplies=false")).text, {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(noReplies.some((r) => r.record_type === "reply")).toBe(false);
    expect(noReplies).toHaveLength(rows.length - 1);
  });

  it("applies the sidebar's filters and the date range; a filter matching nothing gives a valid empty file", async () => {
    const claims = parse((await exported(team.report.id, team.people.owner, "format=csv&kind=claim&includeReplies=false")).text, {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    // The claim, then a row per stance taken on it.
    expect(claims.map((r) => [r.record_type, r.annotation_id])).toEqual([
      ["annotation", claimId],
      ["stance", claimId],
      ["stance", claimId],
    ]);
    const byTag = await exported(team.report.id, team.people.owner, "format=markdown&tag=context");
    expect(byTag.text).toContain("Shared claim about the earthquake");
    expect(byTag.text).not.toContain("formula-looking");
    expect(byTag.text).toContain("tag: context");

    const none = await exported(team.report.id, team.people.owner, "format=csv&tag=no-such-tag");
    expect(none.status).toBe(200);
    expect(none.text.startsWith("\ufeffrecord_type,")).toBe(true);
    expect(parse(none.text, { bom: true, columns: true })).toEqual([]);
    const future = await exported(team.report.id, team.people.owner, "format=markdown&from=2999-01-01");
    expect(future.text).toContain("No annotations match these filters.");
    const today = new Date().toISOString().slice(0, 10);
    const todays = parse(
      (await exported(team.report.id, team.people.owner, `format=csv&from=${today}&to=${today}&includeReplies=false`)).text,
      { bom: true, columns: true },
    );
    expect(todays.filter((r) => (r as Record<string, string>).record_type === "annotation")).toHaveLength(2);
    const jsonld = JSON.parse((await exported(team.report.id, team.people.owner, "format=jsonld&tag=no-such-tag")).text);
    expect(jsonld).toMatchObject({ type: "AnnotationCollection", total: 0 });
  });

  it("puts the team notes, a heading per passage and the claims table in the Word file", async () => {
    const { report, people } = team;
    await call("PUT", `/api/v1/reports/${report.id}/notes`, {
      as: people.editor,
      json: { body: "# Our conclusion\n\nThe **window** is real.", version: 0 },
    });
    const res = await fetchBytes(`/api/v1/reports/${report.id}/export?format=docx`, people.owner);
    const html = (await mammoth.convertToHtml({ buffer: res.bytes })).value;
    expect(html).toContain("<h2>Team notes</h2>");
    expect(html).toMatch(/<h3>Our conclusion<\/h3>/);
    expect(html).toContain("<strong>window</strong>");
    expect(html).toMatch(/<table>.*The earthquake opened a humanitarian window.*Contested.*<\/table>/s);
    const md = await exported(report.id, people.owner, "format=markdown");
    expect(md.text).toContain("## Team notes\n\n### Our conclusion");
  });
  it("carries each stance's note and evidence, and who set the verdict, in every format (the files read back as files)", async () => {
    const { report, people } = team;
    const link = "https://example.org/appendix?table=a3";
    const evidencePassage = phrase(report, "sponsored by Russia");
    const paragraph = evidencePassage.passage + 1;
    expect(
      (
        await call("PUT", `/api/v1/annotations/${claimId}/stance`, {
          as: people.editor,
          json: { stance: "disputes", note: "The appendix gives 35% <not 40%>.", evidence: { url: link } },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call("PUT", `/api/v1/annotations/${claimId}/stance`, {
          as: people.annotator,
          json: { stance: "supports", note: "Confirmed by the ministry", evidence: { passageId: evidencePassage.fields.passageId } },
        })
      ).status,
    ).toBe(200);
    const passageLink = new RegExp(`/w/[^/]+/r/${report.id}#p-${paragraph}$`);

    // CSV: a stance row each, with the note, the stance and the evidence's address; the claim row says who set the verdict.
    const rows = parse((await exported(report.id, people.owner, "format=csv&kind=claim")).text, { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    const stances = rows.filter((r) => r.record_type === "stance");
    expect(stances.map((r) => [r.author, r.stance, r.body, r.evidence])).toEqual([
      ["Edna Editor", "disputes", "The appendix gives 35% <not 40%>.", link],
      ["Anan Annotator", "supports", "Confirmed by the ministry", `¶ ${paragraph}`],
    ]);
    expect(stances[0].evidence_link).toBe(link);
    expect(stances[1].evidence_link).toMatch(passageLink);
    const claimRow = rows.find((r) => r.record_type === "annotation")!;
    expect(claimRow.verdict_set_by).toBe("Edna Editor");
    expect(claimRow.verdict_set_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    // Word: the document's own XML, and its relationships for the links.
    const docx = unzipSync(new Uint8Array((await fetchBytes(`/api/v1/reports/${report.id}/export?format=docx`, people.owner)).bytes));
    const xml = strFromU8(docx["word/document.xml"]);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(text).toMatch(/The appendix gives 35% &lt;not 40%(&gt;|>)\./);
    expect(text).toContain("Confirmed by the ministry.");
    expect(text).toMatch(/Contested, set by Edna Editor on \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    const rels = strFromU8(docx["word/_rels/document.xml.rels"]);
    expect(rels).toContain(link.replace(/&/g, "&amp;"));
    expect(xml).toContain(`>¶ ${paragraph}<`);

    // Markdown: one list item per stance, the evidence linked, nothing escaped that need not be.
    const md = (await exported(report.id, people.owner, "format=markdown")).text;
    expect(md).toMatch(/Verdict: \*\*Contested\*\*, set by Edna Editor on /);
    expect(md).toContain(`- **Edna Editor** disputes: The appendix gives 35% `);
    expect(md).toMatch(/disputes: The appendix gives 35% \\?<not 40%>\. Evidence: <https:\/\/example\.org\/appendix\?table=a3>/);
    expect(md).toMatch(
      new RegExp(
        `- \\*\\*Anan Annotator\\*\\* supports: Confirmed by the ministry\\. Evidence: \\[¶ ${paragraph}\\]\\(http[^)]+#p-${paragraph}\\)`,
      ),
    );
    expect(md).not.toMatch(/&(lt|gt|amp);/);

    // JSON-LD: the stances with their creators and notes.
    const jsonld = JSON.parse((await exported(report.id, people.owner, "format=jsonld")).text);
    const claim = jsonld.first.items.find((item: { id: string }) => item.id.endsWith(claimId));
    expect(
      claim["marginalia:stances"].map((s: { creator: { name: string }; "marginalia:note"?: string }) => [
        s.creator.name,
        s["marginalia:note"],
      ]),
    ).toEqual([
      ["Edna Editor", "The appendix gives 35% <not 40%>."],
      ["Anan Annotator", "Confirmed by the ministry"],
    ]);
  });
});

describe("GET /api/v1/workspaces/{id}/export", () => {
  it("zips a Markdown file per report and one CSV of everything the member may see", async () => {
    const { ws, report, people } = await teamWorkspace();
    const second = await newReport(people.owner, ws.id, "# Second report\n\nA short second text about grid storage.", "markdown");
    await annotate(people.author, report, "calamitous earthquake", { body: "First report note" });
    await annotate(people.author, second, "grid storage", { body: "Second report note" });
    await annotate(people.author, second, "short second", { body: "SECRET-private", visibility: "private" });

    const res = await fetchBytes(`/api/v1/workspaces/${ws.id}/export`, people.viewer);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="team-\d{4}-\d{2}-\d{2}\.zip"/);
    const files = unzipSync(new Uint8Array(res.bytes));
    const names = Object.keys(files).sort();
    expect(names.filter((n) => n.startsWith("reports/"))).toHaveLength(2);
    expect(names).toContain("annotations.csv");
    const all = names.map((n) => strFromU8(files[n])).join("\n");
    expect(all).toContain("First report note");
    expect(all).toContain("Second report note");
    expect(all).not.toContain("SECRET-private");
    const rows = parse(strFromU8(files["annotations.csv"]), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.body).sort()).toEqual(["First report note", "Second report note"]);
    expect(new Set(rows.map((r) => r.report_id))).toEqual(new Set([report.id, second.id]));
    const secondMd = names.find((n) => n.startsWith("reports/second-report"))!;
    expect(strFromU8(files[secondMd])).toContain("# Second report");
    // Every report ends with its reference, and the archive holds one bibliography in three formats.
    expect(strFromU8(files[secondMd])).toMatch(/\n## References\n\n.*“Second Report\.”.*\n$/);
    expect(strFromU8(files["references.bib"]).match(/^@techreport\{/gm)).toHaveLength(2);
    expect(strFromU8(files["references.ris"]).match(/^TY {2}- RPRT$/gm)).toHaveLength(2);
    expect(JSON.parse(strFromU8(files["references.json"])).map((item: { id: string }) => item.id)).toEqual([report.id, second.id]);

    expect((await fetchBytes(`/api/v1/workspaces/${ws.id}/export`, people.stranger)).status).toBe(404);
  });
});
