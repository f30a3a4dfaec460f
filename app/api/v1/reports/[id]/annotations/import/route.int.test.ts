import { describe, expect, it } from "vitest";
import {
  addMember,
  call,
  newAnnotation,
  newReport,
  newUser,
  newWorkspace,
  sampleText,
  teamWorkspace,
  type Report,
  type TestUser,
} from "@/lib/testing/api";
import { query } from "@/lib/testing/db";

interface Listed {
  id: string;
  quote: string;
  body: string;
  kind: string;
  tags: string[];
  claimSummary: string | null;
  status: string;
  anchorStatus: string;
  author: { id: string; name: string };
  importedCreator: string | null;
  passageIndex: number;
}

function at(report: Report, text: string) {
  const i = report.passages.findIndex((p) => p.text.includes(text));
  if (i < 0) throw new Error(`no passage holds “${text}”`);
  const start = report.passages[i].text.indexOf(text);
  return { i, fields: { passageId: report.passages[i].id, start, end: start + text.length } };
}

async function annotate(user: TestUser, report: Report, text: string, fields: Record<string, unknown> = {}) {
  const place = at(report, text);
  return newAnnotation(user, report, { ...place.fields, ...fields }, place.i);
}

const importUrl = (reportId: string) => `/api/v1/reports/${reportId}/annotations/import`;

async function list(reportId: string, as: TestUser): Promise<Listed[]> {
  return (await call("GET", `/api/v1/reports/${reportId}/annotations`, { as })).body.annotations;
}

const QUOTES = {
  earthquake: "calamitous earthquake that ravaged Syria",
  russia: "underpinned and sponsored by Russia",
  leaned: "leaned towards normalizing relations",
};

/** Report A with three annotations (a tagged comment with a reply, a resolved claim, a question) by two people. */
async function annotatedReport() {
  const team = await teamWorkspace();
  const { report, people } = team;
  await call("POST", `/api/v1/workspaces/${team.ws.id}/tags`, { as: people.owner, json: { name: "Context" } });
  const a1 = await annotate(people.author, report, QUOTES.earthquake, { body: "The **window** argument", tags: ["Context"] });
  await call("POST", `/api/v1/annotations/${a1.id}/replies`, { as: people.owner, json: { body: "Agreed, see ¶ 3." } });
  const a2 = await annotate(people.owner, report, QUOTES.russia, {
    kind: "claim",
    claimSummary: "Russia sponsored normalisation",
    body: "Check the 2018 date",
  });
  await call("PATCH", `/api/v1/annotations/${a2.id}`, { as: people.owner, json: { status: "resolved", version: a2.version } });
  await annotate(people.author, report, QUOTES.leaned, { kind: "question", body: "Which countries?" });
  const res = await call("GET", `/api/v1/reports/${report.id}/export?format=jsonld`, { as: people.owner });
  expect(res.status).toBe(200);
  return { ...team, jsonld: res.body };
}

describe("POST /api/v1/reports/{id}/annotations/import", () => {
  it("round-trips our JSON-LD into a copy of the report in another workspace: same quotes, bodies, tags and threads", async () => {
    const { people, jsonld, report } = await annotatedReport();
    const elsewhere = await newWorkspace(people.owner, "Elsewhere");
    const copy = await newReport(people.owner, elsewhere.id);

    const res = await call("POST", importUrl(copy.id), {
      as: people.owner,
      json: jsonld,
      headers: { "content-type": "application/ld+json" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 3, anchored: 3, moved: 0, orphaned: 0, replies: 1, skipped: [] });

    const original = await list(report.id, people.owner);
    const imported = await list(copy.id, people.owner);
    const shape = (a: Listed) => ({
      quote: a.quote,
      body: a.body,
      kind: a.kind,
      tags: a.tags,
      claimSummary: a.claimSummary,
      status: a.status,
      passageIndex: a.passageIndex,
    });
    expect(imported.map(shape)).toEqual(original.map(shape));
    // The owner is a member here, so keeps authorship; the other author is not, so the importer stands in and the name is kept.
    const claim = imported.find((a) => a.kind === "claim")!;
    expect(claim.author.id).toBe(people.owner.id);
    expect(claim.importedCreator).toBeNull();
    const comment = imported.find((a) => a.quote === QUOTES.earthquake)!;
    expect(comment.author.id).toBe(people.owner.id);
    expect(comment.importedCreator).toBe("Aziz Author");
    const replies = await call("GET", `/api/v1/annotations/${comment.id}/replies`, { as: people.owner });
    expect(replies.body.replies.map((r: { body: string; author: { id: string } }) => [r.body, r.author.id])).toEqual([
      ["Agreed, see ¶ 3.", people.owner.id],
    ]);
    // The tag was added to the new workspace's codebook (the owner may).
    expect(
      (await call("GET", `/api/v1/workspaces/${elsewhere.id}/tags`, { as: people.owner })).body.tags.map((t: { name: string }) => t.name),
    ).toEqual(["Context"]);
  });

  it("anchors into a revised copy: an edited quote moves, a deleted passage's annotation is an orphan", async () => {
    const { people, jsonld } = await annotatedReport();
    const revisedText = sampleText()
      .replace("that ravaged Syria", "that struck Syria")
      .replace(/The trajectory of normalizing relations[^\n]*\n/, "");
    expect(revisedText).not.toContain(QUOTES.russia);
    const elsewhere = await newWorkspace(people.owner, "Revised");
    const revised = await newReport(people.owner, elsewhere.id, revisedText);

    const res = await call("POST", importUrl(revised.id), { as: people.owner, json: jsonld });
    expect(res.body).toMatchObject({ imported: 3, anchored: 1, moved: 1, orphaned: 1, orphans: [{ quote: QUOTES.russia }] });
    const placed = await list(revised.id, people.owner);
    expect(placed.map((a) => [a.quote, a.anchorStatus])).toEqual([
      ["calamitous earthquake that struck Syria", "moved"],
      [QUOTES.leaned, "anchored"],
    ]);
    const orphans = (await call("GET", `/api/v1/reports/${revised.id}/orphans`, { as: people.owner })).body.orphans;
    expect(orphans.map((o: Listed) => [o.quote, o.body])).toEqual([[QUOTES.russia, "Check the 2018 date"]]);
  });

  it("imports a Hypothesis export: selectors anchor, replies thread, page notes are orphans, and unknown tags are left to editors", async () => {
    const owner = await newUser("Olive Owner");
    const ws = await newWorkspace(owner);
    const annotator = await newUser("Anan Annotator");
    await addMember(owner, ws.id, annotator, "annotator");
    const report = await newReport(owner, ws.id);
    const hypothesis = {
      export_date: "2026-11-25T16:42:10.517Z",
      export_userid: "acct:hala@hypothes.is",
      client_version: "1.1689.0",
      annotations: [
        {
          id: "root1",
          created: "2026-11-12T09:14:03.318224+00:00",
          updated: "2026-11-12T09:14:03.318224+00:00",
          user: "acct:hala@hypothes.is",
          user_info: { display_name: "Hala Mansour" },
          uri: "https://example.org/report",
          text: "A poignant phrase **indeed**",
          tags: ["Rhetoric"],
          target: [
            {
              source: "https://example.org/report",
              selector: [
                { type: "TextPositionSelector", start: 400, end: 437 },
                {
                  type: "TextQuoteSelector",
                  exact: "opened a poignant humanitarian window",
                  prefix: "but also\n",
                  suffix: ", prompting a mobilization among so",
                },
              ],
            },
          ],
        },
        {
          id: "reply1",
          created: "2026-11-12T10:00:00+00:00",
          user: "acct:omar@hypothes.is",
          text: "Agreed.",
          tags: [],
          references: ["root1"],
          target: [{ source: "https://example.org/report" }],
        },
        {
          id: "page1",
          created: "2026-11-12T11:00:00+00:00",
          user: "acct:hala@hypothes.is",
          text: "A page note",
          tags: [],
          target: [{ source: "https://example.org/report" }],
        },
      ],
    };
    const res = await call("POST", importUrl(report.id), { as: annotator, json: hypothesis });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 2, anchored: 1, orphaned: 1, replies: 1, skippedTags: ["Rhetoric"] });
    const [placed] = await list(report.id, annotator);
    expect(placed).toMatchObject({
      quote: "opened a poignant humanitarian window",
      body: "A poignant phrase **indeed**",
      importedCreator: "Hala Mansour (acct:hala@hypothes.is)",
      tags: [],
    });
    expect(placed.author.id).toBe(annotator.id);
    const replies = (await call("GET", `/api/v1/annotations/${placed.id}/replies`, { as: owner })).body.replies;
    expect(replies).toMatchObject([{ body: "Agreed.", importedCreator: "acct:omar@hypothes.is" }]);
    // A page note has nothing to anchor to: listed with the orphans, not in the text.
    const orphans = (await call("GET", `/api/v1/reports/${report.id}/orphans`, { as: owner })).body.orphans;
    expect(orphans.map((o: Listed) => o.body)).toEqual(["A page note"]);
  });

  it("refuses what it cannot read and those who may not import, writing nothing", async () => {
    const { report, people, jsonld } = await annotatedReport();
    const before = await query("SELECT count(*)::int AS n FROM annotations WHERE report_id = $1", [report.id]);
    const url = importUrl(report.id);
    expect((await call("POST", url, { as: people.viewer, json: jsonld })).status).toBe(403);
    expect((await call("POST", url, { as: people.stranger, json: jsonld })).status).toBe(404);
    expect((await call("POST", url, { as: people.stranger, raw: "{nope" })).status).toBe(404);
    expect((await call("POST", url, { as: people.annotator, raw: "{nope" })).status).toBe(400);
    const unrelated = await call("POST", url, { as: people.annotator, json: { hello: "world" } });
    expect(unrelated.status).toBe(422);
    expect(unrelated.body.error.message).toMatch(/W3C Web Annotation|Hypothesis/);
    expect((await call("POST", url, { as: people.annotator, raw: "x", headers: { "content-type": "text/plain" } })).status).toBe(415);
    expect(await query("SELECT count(*)::int AS n FROM annotations WHERE report_id = $1", [report.id])).toEqual(before);
  });

  it("accepts the file as a multipart upload", async () => {
    const { report, people, jsonld } = await annotatedReport();
    const form = new FormData();
    form.set("file", new Blob([JSON.stringify(jsonld)], { type: "application/ld+json" }), "annotations.jsonld");
    const res = await fetch(`${process.env.MARGINALIA_TEST_BASE_URL}${importUrl(report.id)}`, {
      method: "POST",
      headers: { authorization: `Bearer ${people.annotator.token}` },
      body: form,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ imported: 3, anchored: 3 });
  });
});
