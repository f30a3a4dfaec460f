import { describe, expect, it } from "vitest";
import { call, newAnnotation, newReport, teamWorkspace, type Report, type TestUser } from "@/lib/testing/api";

interface Hit {
  type: string;
  report: { id: string; title: string };
  passageIndex: number | null;
  annotationId: string | null;
  replyId: string | null;
  snippet: { text: string; match: boolean }[];
  href: string;
}

async function search(wsId: string, as: TestUser, query: string): Promise<{ status: number; hits: Hit[]; body: unknown }> {
  const res = await call("GET", `/api/v1/workspaces/${wsId}/search?${query}`, { as });
  return { status: res.status, hits: res.body?.results ?? [], body: res.body };
}

function at(report: Report, text: string) {
  const i = report.passages.findIndex((p) => p.text.includes(text));
  const start = report.passages[i].text.indexOf(text);
  return { i, fields: { passageId: report.passages[i].id, start, end: start + text.length } };
}

const q = (s: string) => `q=${encodeURIComponent(s)}`;

describe("GET /api/v1/workspaces/{id}/search", () => {
  it("finds report text, annotations, replies, tags and team notes, with the words marked", async () => {
    const { ws, report, people } = await teamWorkspace();
    const place = at(report, "calamitous earthquake");
    await call("POST", `/api/v1/workspaces/${ws.id}/tags`, { as: people.owner, json: { name: "Seismology" } });
    const a = await newAnnotation(
      people.author,
      report,
      { ...place.fields, body: "Zanzibarian ledger mismatch", tags: ["Seismology"] },
      place.i,
    );
    const reply = await call("POST", `/api/v1/annotations/${a.id}/replies`, {
      as: people.annotator,
      json: { body: "The quokkafied figures again" },
    });
    await call("PUT", `/api/v1/reports/${report.id}/notes`, {
      as: people.editor,
      json: { body: "## Verdict\n\nThe brontosaurine argument holds.", version: 0 },
    });

    const text = await search(ws.id, people.viewer, q("calamitous"));
    expect(text.status).toBe(200);
    const passage = text.hits.find((h) => h.type === "passage")!;
    expect(passage).toMatchObject({ report: { id: report.id }, passageIndex: report.passages[place.i].index });
    expect(passage.href).toBe(`/w/${ws.slug}/r/${report.id}#p-${report.passages[place.i].index}`);
    expect(passage.snippet.filter((s) => s.match).map((s) => s.text.toLowerCase())).toContain("calamitous");
    // The quote of the annotation on it is found too.
    expect(text.hits.some((h) => h.type === "annotation" && h.annotationId === a.id)).toBe(true);

    expect((await search(ws.id, people.viewer, q("zanzibarian"))).hits.map((h) => [h.type, h.annotationId])).toEqual([
      ["annotation", a.id],
    ]);
    const replyHit = (await search(ws.id, people.viewer, q("quokkafied"))).hits;
    expect(replyHit.map((h) => [h.type, h.replyId, h.href])).toEqual([
      ["reply", reply.body.id, `/w/${ws.slug}/r/${report.id}?annotation=${a.id}`],
    ]);
    // A short text is shown whole, the match marked.
    expect(replyHit[0].snippet).toEqual([
      { text: "The ", match: false },
      { text: "quokkafied", match: true },
      { text: " figures again", match: false },
    ]);
    const tagHit = (await search(ws.id, people.viewer, q("seismology"))).hits;
    expect(tagHit.map((h) => h.annotationId)).toContain(a.id);
    const notes = (await search(ws.id, people.viewer, q("brontosaurine"))).hits;
    expect(notes.map((h) => [h.type, h.href])).toEqual([["notes", `/w/${ws.slug}/r/${report.id}?panel=notes`]]);
  });

  it("shows team-notes hits as plain text, not their Markdown", async () => {
    const { ws, report, people } = await teamWorkspace();
    const body = `## Verdict\n\nThe **stegosaurine** case holds &lt;mostly&gt; \\~ see [the table](https://example.org/t) and [@ id="${people.viewer.id}" label="Vera Viewer"].`;
    expect((await call("PUT", `/api/v1/reports/${report.id}/notes`, { as: people.editor, json: { body, version: 0 } })).status).toBe(200);
    const [hit] = (await search(ws.id, people.viewer, q("stegosaurine"))).hits;
    expect(hit.type).toBe("notes");
    expect(hit.snippet.map((p) => p.text).join("")).toBe("Verdict The stegosaurine case holds <mostly> ~ see the table and @Vera Viewer.");
    expect(hit.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(["stegosaurine"]);
  });

  it("matches prefixes and phrases, and ranks the exact phrase first", async () => {
    const { ws, people } = await teamWorkspace();
    const report = await newReport(
      people.owner,
      ws.id,
      "# Prices\n\nThe window of humanitarian aid closed early.\n\nA humanitarian window opened after the earthquake.\n\nWindows and doors were humanitarian concerns.",
      "markdown",
    );
    // (The team's workspace also holds the sample report, which speaks of humanitarian windows too.)
    const inReport = (hits: Hit[]) => hits.filter((h) => h.type === "passage" && h.report.id === report.id);
    const prefix = await search(ws.id, people.viewer, q("humanitar"));
    expect(inReport(prefix.hits)).toHaveLength(3);
    const phrase = await search(ws.id, people.viewer, q('"humanitarian window"'));
    const passages = inReport(phrase.hits);
    expect(passages).toHaveLength(1);
    expect(passages[0].snippet.map((s) => s.text).join("")).toContain("humanitarian window opened");
    const ranked = inReport((await search(ws.id, people.viewer, q("humanitarian window"))).hits);
    expect(ranked.length).toBeGreaterThanOrEqual(2);
    expect(ranked[0].passageIndex).toBe(report.passages.find((p) => p.text.startsWith("A humanitarian window"))!.index);
  });

  it("still ranks the exact words first when far more passages hold them apart than it ranks", async () => {
    const { ws, people } = await teamWorkspace();
    // Hundreds of matches of both words, the one exact occurrence last: it is found and put first anyway.
    const apart = Array.from({ length: 450 }, (_, i) => `Paragraph ${i}: humanitarian aid came through the narrow window of the valley.`);
    const report = await newReport(
      people.owner,
      ws.id,
      ["# Crossings", "", ...apart.flatMap((p) => [p, ""]), "At last a humanitarian window opened."].join("\n"),
      "markdown",
    );
    const hits = (await search(ws.id, people.viewer, q("humanitarian window"))).hits.filter((h) => h.report.id === report.id);
    expect(hits.length).toBeGreaterThan(10);
    expect(hits[0].passageIndex).toBe(report.passages.find((p) => p.text.startsWith("At last"))!.index);
  });

  it("never finds deleted annotations or replies", async () => {
    const { ws, report, people } = await teamWorkspace();
    const place = at(report, "calamitous earthquake");
    const gone = await newAnnotation(people.author, report, { ...place.fields, body: "Quetzalcoatlian remark" }, place.i);
    const kept = await newAnnotation(people.author, report, { ...place.fields, body: "Quetzalcoatlian thread" }, place.i);
    const reply = await call("POST", `/api/v1/annotations/${kept.id}/replies`, {
      as: people.annotator,
      json: { body: "Quetzalcoatlian reply" },
    });
    expect((await search(ws.id, people.viewer, q("quetzalcoatlian"))).hits).toHaveLength(3);
    expect((await call("DELETE", `/api/v1/annotations/${gone.id}`, { as: people.author })).status).toBe(204);
    expect((await call("DELETE", `/api/v1/replies/${reply.body.id}`, { as: people.annotator })).status).toBe(204);
    expect((await search(ws.id, people.viewer, q("quetzalcoatlian"))).hits.map((h) => [h.type, h.annotationId])).toEqual([
      ["annotation", kept.id],
    ]);
  });

  it("gives the same results in the same order every time", async () => {
    const { ws, people } = await teamWorkspace();
    // Fewer than the matches, so that the cut falls among them.
    const all = await search(ws.id, people.viewer, q("the"));
    expect(all.hits.length).toBeGreaterThan(2);
    const first = await search(ws.id, people.viewer, `${q("the")}&limit=2`);
    expect(first.hits).toEqual(all.hits.slice(0, 2));
    for (let i = 0; i < 3; i++) expect((await search(ws.id, people.viewer, `${q("the")}&limit=2`)).hits).toEqual(first.hits);
  });

  it("finds Arabic words", async () => {
    const { ws, people } = await teamWorkspace();
    const report = await newReport(
      people.owner,
      ws.id,
      "# تقرير\n\nقال التقرير إن التخزين سيخفض الأسعار بنسبة ٢٠٪ بحلول ٢٠٣٠.",
      "markdown",
    );
    const hits = (await search(ws.id, people.viewer, q("الأسعار"))).hits;
    expect(hits.map((h) => [h.type, h.report.id])).toEqual([["passage", report.id]]);
    expect(hits[0].snippet.find((s) => s.match)?.text).toBe("الأسعار");
    expect((await search(ws.id, people.viewer, q("التخز"))).hits).toHaveLength(1);
  });

  it("finds private annotations for their author only, and nothing from another workspace", async () => {
    const { ws, report, people } = await teamWorkspace();
    const place = at(report, "calamitous earthquake");
    const secret = await newAnnotation(
      people.author,
      report,
      { ...place.fields, body: "Xylophonic private musing", visibility: "private" },
      place.i,
    );
    await call("POST", `/api/v1/annotations/${secret.id}/replies`, { as: people.author, json: { body: "Xylophonic reply to self" } });
    expect((await search(ws.id, people.author, q("xylophonic"))).hits).toHaveLength(2);
    expect((await search(ws.id, people.editor, q("xylophonic"))).hits).toEqual([]);
    expect((await search(ws.id, people.owner, q("xylophonic"))).hits).toEqual([]);

    const other = await teamWorkspace();
    const place2 = at(other.report, "calamitous earthquake");
    await newAnnotation(other.people.author, other.report, { ...place2.fields, body: "Xylophonic elsewhere" }, place2.i);
    expect((await search(ws.id, people.author, q("xylophonic elsewhere"))).hits).toEqual([]);
    expect((await search(ws.id, people.stranger, q("xylophonic"))).status).toBe(404);
  });

  it("filters by kind, tag, author and date", async () => {
    const { ws, report, people } = await teamWorkspace();
    const p1 = at(report, "calamitous earthquake");
    const claim = await newAnnotation(people.author, report, { ...p1.fields, kind: "claim", body: "Pangolin claim" }, p1.i);
    const comment = await newAnnotation(people.annotator, report, { ...p1.fields, body: "Pangolin comment" }, p1.i);
    expect((await search(ws.id, people.viewer, `${q("pangolin")}&kind=claim`)).hits.map((h) => h.annotationId)).toEqual([claim.id]);
    expect((await search(ws.id, people.viewer, `${q("pangolin")}&author=${people.annotator.id}`)).hits.map((h) => h.annotationId)).toEqual([
      comment.id,
    ]);
    expect((await search(ws.id, people.viewer, `${q("pangolin")}&from=2999-01-01`)).hits).toEqual([]);
    expect((await search(ws.id, people.viewer, `${q("pangolin")}&tag=none`)).hits).toEqual([]);
  });

  it("takes any string without erroring: quotes, operators, SQL, lone surrogates; 400 only for absurd length", async () => {
    const { ws, people } = await teamWorkspace();
    for (const s of ['"', "'", "a & | ! ( ) :*", "'; DROP TABLE annotations; --", "\\", "%_%", "-", '"""', "   ", "<->", "😀"]) {
      const res = await search(ws.id, people.viewer, q(s));
      expect(res.status, JSON.stringify(s)).toBe(200);
    }
    // A lone surrogate, as a client might send it: bytes that are not UTF-8.
    expect((await search(ws.id, people.viewer, "q=%ED%A0%80abc")).status).toBe(200);
    expect((await search(ws.id, people.viewer, "q=%FF%FE")).status).toBe(200);
    expect((await search(ws.id, people.viewer, q("x".repeat(501)))).status).toBe(400);
    expect((await search(ws.id, people.viewer, "")).status).toBe(422);
    expect((await search(ws.id, people.viewer, `${q("a")}&limit=1000`)).status).toBe(422);
    expect((await search(ws.id, people.viewer, `${q("a")}&kind=banana`)).status).toBe(422);
  });

  it("pages through the ranking with signed cursors bound to the search", async () => {
    const { ws, report, people } = await teamWorkspace();
    const place = at(report, "calamitous earthquake");
    for (let i = 0; i < 5; i++) await newAnnotation(people.author, report, { ...place.fields, body: `Wombatish note ${i}` }, place.i);
    const whole = await search(ws.id, people.viewer, `${q("wombatish")}&limit=100`);
    expect(whole.hits).toHaveLength(5);
    expect((whole.body as { nextCursor: string | null }).nextCursor).toBeNull();

    const seen: string[] = [];
    let cursor: string | null = null;
    const sizes: number[] = [];
    do {
      const page = await search(ws.id, people.viewer, `${q("wombatish")}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(page.status).toBe(200);
      sizes.push(page.hits.length);
      seen.push(...page.hits.map((h) => h.annotationId!));
      cursor = (page.body as { nextCursor: string | null }).nextCursor;
    } while (cursor);
    expect(sizes).toEqual([2, 2, 1]);
    expect(seen).toEqual(whole.hits.map((h) => h.annotationId));

    const first = await search(ws.id, people.viewer, `${q("wombatish")}&limit=2`);
    const next = (first.body as { nextCursor: string }).nextCursor;
    // Another query, other filters or an altered cursor: refused, not misread.
    expect((await search(ws.id, people.viewer, `${q("ledger")}&limit=2&cursor=${encodeURIComponent(next)}`)).status).toBe(400);
    expect((await search(ws.id, people.viewer, `${q("wombatish")}&kind=claim&limit=2&cursor=${encodeURIComponent(next)}`)).status).toBe(
      400,
    );
    const [body, mac] = next.split(".");
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, "base64url").toString()), k: [0] })).toString("base64url");
    expect((await search(ws.id, people.viewer, `${q("wombatish")}&limit=2&cursor=${forged}.${mac}`)).status).toBe(400);
  });
});
