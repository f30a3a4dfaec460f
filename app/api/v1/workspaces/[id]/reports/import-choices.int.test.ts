import { describe, expect, it } from "vitest";
import { baseUrl, call, newUser, newWorkspace } from "@/lib/testing/api";

const path = (id: string) => `/api/v1/workspaces/${id}/reports`;

/**
 * A pasted article: a title, names without a "By" (not taken for a byline), a standfirst,
 * a sentence split in two, an ad, and the date at the very end (a last line is never
 * taken for the date by itself).
 */
const ARTICLE = [
  "Desalination Costs",
  "",
  "Rana Khalil and Thomas Berger",
  "",
  "What a plant on the Red Sea would cost, and who would pay.",
  "",
  "The plant would supply most of the capital's water",
  "",
  "by 2030, if the pipeline is finished on time.",
  "",
  "Its energy costs are the largest unknown in the plan, and nobody has said who will bear them.",
  "",
  "Advertisement: try our premium edition",
  "",
  "4 March 2024",
].join("\n");

type Passage = { index: number; kind: string; text: string; marks: unknown[]; listNumber: number | null };

async function editorWorkspace() {
  const owner = await newUser();
  return { owner, ws: await newWorkspace(owner) };
}

describe("the import preview's choices", () => {
  it("pages a dry run's passages with passageOffset and passageLimit", async () => {
    const { owner, ws } = await editorWorkspace();
    const content = [
      "Twelve passages",
      "",
      ...Array.from({ length: 12 }, (_, i) => `Paragraph number ${i + 1} of the report, with a sentence.\n`),
    ].join("\n");
    const first = await call("POST", `${path(ws.id)}?dryRun=1`, { as: owner, json: { format: "text", content } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ passageCount: 12, passageOffset: 0, passageLimit: 500 });
    expect(first.body.passages).toHaveLength(12);

    const page = await call("POST", `${path(ws.id)}?dryRun=1&passageOffset=5&passageLimit=4`, {
      as: owner,
      json: { format: "text", content },
    });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ passageCount: 12, passageOffset: 5, passageLimit: 4 });
    expect(page.body.passages.map((p: Passage) => [p.index, p.text])).toEqual(
      [6, 7, 8, 9].map((n) => [n, `Paragraph number ${n} of the report, with a sentence.`]),
    );

    const past = await call("POST", `${path(ws.id)}?dryRun=1&passageOffset=40`, { as: owner, json: { format: "text", content } });
    expect(past.body.passages).toEqual([]);
    for (const query of ["passageLimit=0", "passageLimit=2001", "passageOffset=-1", "passageOffset=1e3"]) {
      const bad = await call("POST", `${path(ws.id)}?dryRun=1&${query}`, { as: owner, json: { format: "text", content } });
      expect(bad.status, query).toBe(422);
      expect(bad.body.error.details.issues[0].path, query).toBe(query.split("=")[0]);
    }
  });

  it("removes, merges and takes the authors, date and subtitle from passages on a real import", async () => {
    const { owner, ws } = await editorWorkspace();
    const preview = await call("POST", `${path(ws.id)}?dryRun=1`, { as: owner, json: { format: "text", content: ARTICLE } });
    expect(preview.body).toMatchObject({ authors: [], publishedAt: null });
    expect(preview.body.passages.map((p: Passage) => p.text)).toEqual([
      "Rana Khalil and Thomas Berger",
      "What a plant on the Red Sea would cost, and who would pay.",
      "The plant would supply most of the capital's water",
      "by 2030, if the pipeline is finished on time.",
      "Its energy costs are the largest unknown in the plan, and nobody has said who will bear them.",
      "Advertisement: try our premium edition",
      "4 March 2024",
    ]);
    const choices = { authorsFrom: 1, subtitleFrom: 2, merge: [3], omit: [6], publishedAtFrom: 7 };
    // A dry run checks the choices but keeps its passages as parsed, so their numbers stay.
    const checked = await call("POST", `${path(ws.id)}?dryRun=1`, { as: owner, json: { format: "text", content: ARTICLE, ...choices } });
    expect(checked.status).toBe(200);
    expect(checked.body.passageCount).toBe(7);

    const res = await call("POST", path(ws.id), { as: owner, json: { format: "text", content: ARTICLE, ...choices } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: "Desalination Costs", publishedAt: "2024-03-04", passageCount: 2 });
    const report = await call("GET", `/api/v1/reports/${res.body.id}`, { as: owner });
    expect(report.body).toMatchObject({
      authors: ["Rana Khalil", "Thomas Berger"],
      subtitle: "What a plant on the Red Sea would cost, and who would pay.",
      publishedAt: "2024-03-04",
    });
    expect(report.body.passages.map((p: Passage) => [p.index, p.text])).toEqual([
      [1, "The plant would supply most of the capital's water by 2030, if the pipeline is finished on time."],
      [2, "Its energy costs are the largest unknown in the plan, and nobody has said who will bear them."],
    ]);
  });

  it("takes the same choices with a multipart upload", async () => {
    const { owner, ws } = await editorWorkspace();
    const form = new FormData();
    form.append("file", new Blob([ARTICLE], { type: "text/plain" }), "article.txt");
    form.append("omit", "1,6");
    form.append("omit", "7");
    form.append("merge", "3");
    form.append("subtitleFrom", "2");
    const res = await fetch(`${baseUrl()}${path(ws.id)}`, {
      method: "POST",
      headers: { authorization: `Bearer ${owner.token}` },
      body: form,
    });
    const body = await res.json();
    expect(res.status).toBe(201);
    expect(body.passageCount).toBe(2);

    const bad = new FormData();
    bad.append("file", new Blob([ARTICLE], { type: "text/plain" }), "article.txt");
    bad.append("omit", "two");
    const refused = await fetch(`${baseUrl()}${path(ws.id)}`, {
      method: "POST",
      headers: { authorization: `Bearer ${owner.token}` },
      body: bad,
    });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.details.issues[0].path).toBe("omit.0");
  });

  it("refuses choices out of range, overlapping, or sent with the field they fill (422, nothing stored)", async () => {
    const { owner, ws } = await editorWorkspace();
    const attempt = (choices: Record<string, unknown>, dryRun = false) =>
      call("POST", `${path(ws.id)}${dryRun ? "?dryRun=1" : ""}`, { as: owner, json: { format: "text", content: ARTICLE, ...choices } });
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ omit: [8] }, "omit.0", /no passage 8/],
      [{ merge: [7] }, "merge.0", /no passage 7 with a passage after it/],
      [{ omit: [5], merge: [4] }, "merge.0", /Passage 5 cannot be merged and also removed/],
      [{ authorsFrom: 1, subtitleFrom: 1 }, "subtitleFrom", /cannot be the subtitle and also the authors/],
      [{ publishedAtFrom: 6 }, "publishedAtFrom", /is not a date/],
      [{ omit: [1, 2, 3, 4, 5, 6, 7] }, "omit", /Keep at least one passage/],
      [{ authors: ["Someone"], authorsFrom: 1 }, "authorsFrom", /not both/],
      [{ omit: [0] }, "omit.0", /1 or more/],
      [{ omit: ["3"] }, "omit.0", /must be a number/],
      [{ authorsFrom: 1.5 }, "authorsFrom", /whole number/],
    ];
    for (const [choices, path, message] of cases) {
      for (const dryRun of [true, false]) {
        const res = await attempt(choices, dryRun);
        expect(res.status, JSON.stringify(choices)).toBe(422);
        expect(res.body.error.details.issues[0], JSON.stringify(choices)).toMatchObject({ path, message: expect.stringMatching(message) });
      }
    }
    const list = await call("GET", path(ws.id), { as: owner });
    expect(list.body.reports).toEqual([]);
  });

  it("keeps the document's own first heading when another title is given, and drops it when it is the same", async () => {
    const { owner, ws } = await editorWorkspace();
    const md = "# Energy Outlook\n\nDemand rose.";
    const other = await call("POST", path(ws.id), { as: owner, json: { format: "markdown", content: md, title: "Outlook, reviewed" } });
    const kept = await call("GET", `/api/v1/reports/${other.body.id}`, { as: owner });
    expect(kept.body.title).toBe("Outlook, reviewed");
    expect(kept.body.passages.map((p: Passage) => [p.kind, p.text])).toEqual([
      ["heading", "Energy Outlook"],
      ["paragraph", "Demand rose."],
    ]);
    const same = await call("POST", path(ws.id), { as: owner, json: { format: "markdown", content: md, title: "energy  outlook" } });
    const dropped = await call("GET", `/api/v1/reports/${same.body.id}`, { as: owner });
    expect(dropped.body.passages.map((p: Passage) => p.text)).toEqual(["Demand rose."]);
    const preview = await call("POST", `${path(ws.id)}?dryRun=1`, { as: owner, json: { format: "markdown", content: md } });
    expect(preview.body.titlePassage).toBe("Energy Outlook");
  });

  it("stores a Markdown brief's bold, italics, links and list numbers beside the unchanged text", async () => {
    const { owner, ws } = await editorWorkspace();
    const md =
      "# Brief\n\n**Date:** 12 March 2024\n\nTariffs rose **sharply** in _three_ places, says [the ministry](https://example.org/t).\n\n3. Publish the table.\n4. Fund the districts.";
    const res = await call("POST", path(ws.id), { as: owner, json: { format: "markdown", content: md } });
    expect(res.body.publishedAt).toBe("2024-03-12");
    const report = await call("GET", `/api/v1/reports/${res.body.id}`, { as: owner });
    expect(report.body.passages).toMatchObject([
      {
        text: "Tariffs rose sharply in three places, says the ministry.",
        marks: [
          { type: "bold", start: 13, end: 20 },
          { type: "italic", start: 24, end: 29 },
          { type: "link", start: 43, end: 55, href: "https://example.org/t" },
        ],
        listNumber: null,
      },
      { text: "Publish the table.", marks: [], listNumber: 3 },
      { text: "Fund the districts.", marks: [], listNumber: 4 },
    ]);
  });
});

describe("POST /api/v1/reports/{id}/versions with choices", () => {
  it("pages the dry run and leaves out the passages named in omit", async () => {
    const { owner, ws } = await editorWorkspace();
    const created = await call("POST", path(ws.id), {
      as: owner,
      json: { format: "text", content: "Report\n\nFirst paragraph of the text.\n\nSecond paragraph of the text." },
    });
    const revised =
      "Report\n\nFirst paragraph of the text.\n\nEditor’s note: this version adds the March figures.\n\nSecond paragraph of the text, revised.";
    const url = `/api/v1/reports/${created.body.id}/versions`;
    const preview = await call("POST", `${url}?dryRun=1&passageLimit=1&passageOffset=1`, {
      as: owner,
      json: { format: "text", content: revised },
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ passageCount: 3, passageOffset: 1, passageLimit: 1 });
    expect(preview.body.passages.map((p: Passage) => p.index)).toEqual([2]);
    const res = await call("POST", url, { as: owner, json: { format: "text", content: revised, omit: [2] } });
    expect(res.status).toBe(201);
    const report = await call("GET", `/api/v1/reports/${created.body.id}`, { as: owner });
    expect(report.body.passages.map((p: Passage) => p.text)).toEqual([
      "First paragraph of the text.",
      "Second paragraph of the text, revised.",
    ]);
  });
});
