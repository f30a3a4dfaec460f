import { describe, expect, it } from "vitest";
import { call, newAnnotation, teamWorkspace } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";

const V1 = [
  "# Water report",
  "",
  "Rainfall in the basin fell by a third between 2000 and 2020, according to the ministry.",
  "",
  "Upstream dams reduced the river's flow further, although no independent measurements exist.",
  "",
  "This paragraph will be removed entirely in the revision of the report.",
  "",
  "يقول التقرير إن المزارعين تركوا أراضيهم بعد عام 2015 بأعداد كبيرة.",
].join("\n");

const V2 = [
  "# Water report",
  "",
  "A new opening paragraph was added by the authors in the second edition.",
  "",
  "Rainfall in the basin fell by a third between 2000 and 2020, according to the ministry.",
  "",
  "Upstream dams cut the river's flow further, although no independent measurements exist.",
  "",
  "تحديث: يقول التقرير إن المزارعين تركوا أراضيهم بعد عام 2015 بأعداد كبيرة.",
].join("\n");

async function setup() {
  const team = await teamWorkspace();
  const created = await call("POST", `/api/v1/workspaces/${team.ws.id}/reports`, {
    as: team.people.owner,
    json: { format: "markdown", content: V1 },
  });
  const report = (await call("GET", `/api/v1/reports/${created.body.id}`, { as: team.people.owner })).body;
  return { ...team, report };
}

function at(text: string, phrase: string) {
  const start = Array.from(text.slice(0, text.indexOf(phrase))).length;
  return { start, end: start + Array.from(phrase).length };
}

describe("POST /api/v1/reports/{id}/versions", () => {
  it("re-anchors every annotation: anchored, moved or orphaned, and keeps the old version readable", async () => {
    const { report, people } = await setup();
    const [p1, p2, p3, p4] = report.passages;
    const exact = await newAnnotation(people.author, report, { ...at(p1.text, "fell by a third"), body: "exact" }, 0);
    const edited = await newAnnotation(people.author, report, { ...at(p2.text, "dams reduced the river's flow"), body: "edited" }, 1);
    const deleted = await newAnnotation(people.author, report, { ...at(p3.text, "removed entirely"), body: "deleted" }, 2);
    const arabic = await newAnnotation(people.author, report, { ...at(p4.text, "تركوا أراضيهم"), body: "arabic" }, 3);
    // Someone's private note on the deleted passage: it is re-anchored too, but never counted for others to see.
    await newAnnotation(people.annotator, report, { ...at(p3.text, "will be removed"), body: "private", visibility: "private" }, 2);

    const res = await call("POST", `/api/v1/reports/${report.id}/versions`, {
      as: people.editor,
      json: { format: "markdown", content: V2 },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ version: 2, anchored: 2, moved: 1, orphaned: 1 });

    const now = await call("GET", `/api/v1/reports/${report.id}`, { as: people.viewer });
    expect(now.body).toMatchObject({ version: 2, currentVersion: 2 });
    const list = (await call("GET", `/api/v1/reports/${report.id}/annotations`, { as: people.viewer })).body.annotations;
    const byBody = Object.fromEntries(list.map((a: { body: string }) => [a.body, a]));
    expect(Object.keys(byBody).sort()).toEqual(["arabic", "edited", "exact"]);
    expect((await call("GET", `/api/v1/reports/${report.id}/versions`, { as: people.viewer })).body.versions[0]).toMatchObject({
      version: 2,
      anchored: 2,
      moved: 1,
      orphaned: 1,
    });
    expect(byBody.exact).toMatchObject({ passageIndex: 2, quote: "fell by a third" });
    expect(byBody.edited.quote).toContain("river's flow");
    expect(byBody.arabic).toMatchObject({ passageIndex: 4, quote: "تركوا أراضيهم" });
    const v2text = now.body.passages[3].text;
    expect(Array.from(v2text).slice(byBody.arabic.start, byBody.arabic.end).join("")).toBe("تركوا أراضيهم");

    const orphans = await call("GET", `/api/v1/reports/${report.id}/orphans`, { as: people.viewer });
    expect(orphans.body.orphans.map((o: { id: string; quote: string }) => [o.id, o.quote])).toEqual([[deleted.id, "removed entirely"]]);

    // Version 1 still reads as it was, with its annotations where they were.
    const old = await call("GET", `/api/v1/reports/${report.id}?version=1`, { as: people.viewer });
    expect(old.body.passages.map((p: { text: string }) => p.text)).toEqual(report.passages.map((p: { text: string }) => p.text));
    const oldList = (await call("GET", `/api/v1/reports/${report.id}/annotations?version=1`, { as: people.viewer })).body.annotations;
    expect(oldList.map((a: { id: string; start: number; quote: string }) => [a.id, a.start, a.quote])).toEqual([
      [exact.id, exact.start, "fell by a third"],
      [edited.id, edited.start, "dams reduced the river's flow"],
      [deleted.id, deleted.start, "removed entirely"],
      [arabic.id, arabic.start, "تركوا أراضيهم"],
    ]);
    expect((await call("GET", `/api/v1/reports/${report.id}?version=3`, { as: people.viewer })).status).toBe(404);
    expect(await query("SELECT 1 FROM annotations WHERE report_id = $1", [report.id])).toHaveLength(5);
  });

  it("lets an editor re-attach an orphan to new text, and nobody below editor", async () => {
    const { report, people } = await setup();
    const orphan = await newAnnotation(people.author, report, { ...at(report.passages[2].text, "removed entirely"), body: "lost" }, 2);
    await call("POST", `/api/v1/reports/${report.id}/versions`, { as: people.editor, json: { format: "markdown", content: V2 } });
    const current = (await call("GET", `/api/v1/reports/${report.id}`, { as: people.editor })).body;
    const target = current.passages[0];
    const body = { passageId: target.id, ...at(target.text, "new opening paragraph") };
    expect((await call("PUT", `/api/v1/annotations/${orphan.id}/anchor`, { as: people.annotator, json: body })).status).toBe(403);
    const res = await call("PUT", `/api/v1/annotations/${orphan.id}/anchor`, { as: people.editor, json: body });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ quote: "new opening paragraph", passageIndex: 1 });
    expect((await call("GET", `/api/v1/reports/${report.id}/orphans`, { as: people.editor })).body.orphans).toEqual([]);
    const stale = await call("PUT", `/api/v1/annotations/${orphan.id}/anchor`, {
      as: people.editor,
      json: { ...body, passageId: report.passages[0].id },
    });
    expect(stale.status).toBe(422);
  });

  it("allows editors only (403 below, 404 to strangers), and refuses empty text (422) without a new version", async () => {
    const { report, people } = await setup();
    const json = { format: "markdown", content: V2 };
    expect((await call("POST", `/api/v1/reports/${report.id}/versions`, { as: people.annotator, json })).status).toBe(403);
    expect((await call("POST", `/api/v1/reports/${report.id}/versions`, { as: people.stranger, json })).status).toBe(404);
    expect(
      (await call("POST", `/api/v1/reports/${report.id}/versions`, { as: people.editor, json: { format: "text", content: "  " } })).status,
    ).toBe(422);
    const versions = await call("GET", `/api/v1/reports/${report.id}/versions`, { as: people.viewer });
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([1]);
  });
});

describe("imports: preview, metadata and files", () => {
  it("previews with ?dryRun=1 and stores nothing", async () => {
    const { ws, people } = await teamWorkspace();
    const before = await query("SELECT 1 FROM reports WHERE workspace_id = $1", [ws.id]);
    const res = await call("POST", `/api/v1/workspaces/${ws.id}/reports?dryRun=1`, {
      as: people.editor,
      json: { format: "markdown", content: V1 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ sourceFormat: "markdown", title: "Water report", passageCount: 4, language: "en" });
    expect(res.body.passages[0]).toMatchObject({ index: 1, kind: "paragraph" });
    expect(await query("SELECT 1 FROM reports WHERE workspace_id = $1", [ws.id])).toHaveLength(before.length);
  });

  it("stores metadata sent with the import and lets editors correct it", async () => {
    const { ws, people } = await teamWorkspace();
    const created = await call("POST", `/api/v1/workspaces/${ws.id}/reports`, {
      as: people.editor,
      json: {
        format: "markdown",
        content: V1,
        title: "Water, revised title",
        authors: ["R. Haddad", "S. Cohen"],
        publisher: "Policy Institute",
        publishedAt: "2024-02-29",
        language: "en",
      },
    });
    expect(created.status).toBe(201);
    const report = (await call("GET", `/api/v1/reports/${created.body.id}`, { as: people.viewer })).body;
    expect(report).toMatchObject({
      title: "Water, revised title",
      authors: ["R. Haddad", "S. Cohen"],
      publisher: "Policy Institute",
      publishedAt: "2024-02-29",
      language: "en",
    });
    const patched = await call("PATCH", `/api/v1/reports/${report.id}`, {
      as: people.editor,
      json: { subtitle: "A field study", publishedAt: null },
    });
    expect(patched.body).toMatchObject({ subtitle: "A field study", publishedAt: null });
    expect((await call("PATCH", `/api/v1/reports/${report.id}`, { as: people.annotator, json: { title: "Mine now" } })).status).toBe(403);
    expect((await call("PATCH", `/api/v1/reports/${report.id}`, { as: people.editor, json: { publishedAt: "2023-02-30" } })).status).toBe(
      422,
    );
  });

  it("takes a multipart upload, and refuses a file type it cannot read (415)", async () => {
    const { ws, people } = await teamWorkspace();
    const upload = (name: string, type: string, content: string | Uint8Array<ArrayBuffer>) => {
      const form = new FormData();
      form.append("file", new Blob([content], { type }), name);
      form.append("title", "Uploaded");
      return fetch(`${process.env.MARGINALIA_TEST_BASE_URL}/api/v1/workspaces/${ws.id}/reports`, {
        method: "POST",
        headers: { authorization: `Bearer ${people.editor.token}` },
        body: form,
      });
    };
    const ok = await upload("notes.md", "text/markdown", V1);
    expect(ok.status).toBe(201);
    // The given title differs from the document's own heading, so that heading stays a passage.
    expect(await ok.json()).toMatchObject({ title: "Uploaded", passageCount: 5 });
    const exe = await upload("tool.exe", "application/octet-stream", new Uint8Array([77, 90, 0, 1]));
    expect(exe.status).toBe(415);
    const fakePdf = await upload("report.pdf", "application/pdf", "this is not a pdf at all");
    expect(fakePdf.status).toBe(422);
    expect(await query("SELECT title FROM reports WHERE workspace_id = $1 AND title = 'Uploaded'", [ws.id])).toHaveLength(1);
    expect(await query("SELECT 1 FROM reports WHERE workspace_id = $1", [ws.id])).toHaveLength(2);
  });
});
