import { beforeAll, describe, expect, it } from "vitest";
import type { ExportAnnotation } from "@/lib/exporters/types";
import type { AnnotationFilters } from "@/lib/validations/annotation";
import { call, newAnnotation, teamWorkspace } from "@/lib/testing/api";
import { gatherReportExport, openReportExport, type ExportRequest } from "./gather";

type Team = Awaited<ReturnType<typeof teamWorkspace>>;

async function all(annotations: AsyncIterable<ExportAnnotation>): Promise<ExportAnnotation[]> {
  const list: ExportAnnotation[] = [];
  for await (const annotation of annotations) list.push(annotation);
  return list;
}

/**
 * The export's annotations are listed once (ids, by the access and filter
 * rules) and read a batch at a time: whatever the batch size, the same
 * annotations in the same order, with their tags, tally and replies.
 */
describe("openReportExport", () => {
  let team: Team;
  let request: (userId: string, options?: Partial<ExportRequest["options"]>) => ExportRequest & { reportId: string };

  beforeAll(async () => {
    team = await teamWorkspace();
    const { report, people } = team;
    request = (userId, options = {}) => ({
      userId,
      reportId: report.id,
      origin: "https://marginalia.test",
      filters: {},
      options: { includeReplies: true, includePrivate: false, ...options },
    });
    await call("POST", `/api/v1/workspaces/${team.ws.id}/tags`, { as: people.owner, json: { name: "Beta" } });
    await call("POST", `/api/v1/workspaces/${team.ws.id}/tags`, { as: people.owner, json: { name: "alpha" } });
    // Out of reading order on purpose: the export sorts by ¶, then offsets.
    const later = await newAnnotation(people.author, report, { start: 10, end: 20, body: "later in ¶ 1", tags: ["Beta", "alpha"] }, 1);
    const claim = await newAnnotation(
      people.author,
      report,
      { start: 0, end: 5, kind: "claim", claimSummary: "A claim", body: "claim" },
      1,
    );
    await newAnnotation(people.annotator, report, { start: 0, end: 4, body: "in ¶ 0" }, 0);
    await newAnnotation(people.author, report, { start: 2, end: 6, body: "SECRET-private", visibility: "private" }, 0);
    await newAnnotation(people.annotator, report, { start: 1, end: 3, body: "in ¶ 2" }, 2);
    await call("PUT", `/api/v1/annotations/${claim.id}/stance`, { as: people.editor, json: { stance: "disputes" } });
    await call("PUT", `/api/v1/annotations/${claim.id}/stance`, { as: people.annotator, json: { stance: "supports" } });
    await call("PUT", `/api/v1/annotations/${claim.id}/stance`, { as: people.owner, json: { stance: "supports" } });
    for (const body of ["first reply", "second reply", "deleted reply"]) {
      await call("POST", `/api/v1/annotations/${later.id}/replies`, { as: people.annotator, json: { body } });
    }
    const replies = await call("GET", `/api/v1/annotations/${later.id}/replies`, { as: people.annotator });
    const deleted = (replies.body.replies as { id: string; body: string }[]).find((r) => r.body === "deleted reply")!;
    expect((await call("DELETE", `/api/v1/replies/${deleted.id}`, { as: people.annotator })).status).toBeLessThan(300);
  });

  it("lists the annotations in reading order, with tags, tally and replies, whatever the batch size", async () => {
    const { people } = team;
    const whole = await openReportExport(request(people.annotator.id));
    const annotations = await all(whole.annotations);
    expect(annotations.map((a) => a.body)).toEqual(["in ¶ 0", "claim", "later in ¶ 1", "in ¶ 2"]);
    expect(whole.head.annotationCount).toBe(4);
    expect(whole.head.replyCount).toBe(2);
    const later = annotations[2];
    expect(later.tags).toEqual(["alpha", "Beta"]);
    expect(later.replies.map((r) => [r.body, r.author.name])).toEqual([
      ["first reply", "Anan Annotator"],
      ["second reply", "Anan Annotator"],
    ]);
    expect(annotations[1].tally).toEqual({ supports: 2, disputes: 1, needs_evidence: 0 });
    // The stances themselves, in the order they were taken, beside the tally; nobody has set the verdict yet.
    expect(annotations[1].stances.map((st) => [st.author.name, st.stance, st.note, st.evidence])).toEqual([
      ["Edna Editor", "disputes", null, null],
      ["Anan Annotator", "supports", null, null],
      ["Olive Owner", "supports", null, null],
    ]);
    expect(annotations[0].stances).toEqual([]);
    expect(whole.head.claims).toEqual([
      {
        passageIndex: annotations[1].passageIndex,
        claimSummary: "A claim",
        quote: annotations[1].quote,
        verdict: "unverified",
        tally: annotations[1].tally,
        verdictSetBy: null,
        verdictSetAt: null,
      },
    ]);
    expect(later.author).toMatchObject({ name: "Aziz Author", emailSha1: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect([...whole.head.authorEmailSha1.keys()].sort()).toEqual([people.annotator.id, people.author.id].sort());

    for (const batchSize of [1, 2, 3]) {
      const batched = await openReportExport(request(people.annotator.id), { batchSize });
      expect(await all(batched.annotations), `batch size ${batchSize}`).toEqual(annotations);
    }
    // Each iteration reads anew: the workspace export writes a report more than once.
    expect(await all(whole.annotations)).toEqual(annotations);
  });

  it("reads the claims table and the reply count only when asked, the annotations the same either way", async () => {
    const { people } = team;
    const full = await openReportExport(request(people.annotator.id));
    const lean = await openReportExport(request(people.annotator.id), { claims: false, replyCount: false });
    expect(full.head.claims).toHaveLength(1);
    expect(full.head.replyCount).toBe(2);
    expect(lean.head.claims).toEqual([]);
    expect(lean.head.replyCount).toBe(0);
    expect(lean.head.annotationCount).toBe(full.head.annotationCount);
    expect(await all(lean.annotations)).toEqual(await all(full.annotations));
  });

  it("leaves replies out when not asked for, and never shows another member's private annotations", async () => {
    const { people } = team;
    const noReplies = await openReportExport(request(people.annotator.id, { includeReplies: false }), { batchSize: 2 });
    expect(noReplies.head.replyCount).toBe(0);
    expect((await all(noReplies.annotations)).every((a) => a.replies.length === 0)).toBe(true);

    const annotatorsOwn = await all((await openReportExport(request(people.annotator.id, { includePrivate: true }))).annotations);
    expect(annotatorsOwn.map((a) => a.body)).not.toContain("SECRET-private");
    const authorsOwn = await openReportExport(request(people.author.id, { includePrivate: true }), { batchSize: 1 });
    expect((await all(authorsOwn.annotations)).map((a) => a.body)).toContain("SECRET-private");
    expect(authorsOwn.head.annotationCount).toBe(5);
  });

  it("answers not found to a stranger, and gathers the same annotations in memory for the print view", async () => {
    const { people } = team;
    await expect(openReportExport(request(people.stranger.id))).rejects.toMatchObject({ code: "not_found" });
    const data = await gatherReportExport(request(people.viewer.id));
    expect(data.annotations).toEqual(await all((await openReportExport(request(people.viewer.id))).annotations));
    expect(data).not.toHaveProperty("annotationCount");
  });
});

/**
 * Each of the sidebar's filters narrows the export (and its reply count) as it
 * narrows the list; the annotations stay in reading order. Every filter below
 * changes the answer, so a filter the export stopped applying would show.
 */
describe("openReportExport's filters", () => {
  let team: Team;
  const exported = async (filters: AnnotationFilters) => {
    const source = await openReportExport({
      userId: team.people.author.id,
      reportId: team.report.id,
      origin: "https://marginalia.test",
      filters,
      options: { includeReplies: true, includePrivate: true },
    });
    return { bodies: (await all(source.annotations)).map((a) => a.body), replyCount: source.head.replyCount };
  };

  beforeAll(async () => {
    team = await teamWorkspace();
    const { ws, report, people } = team;
    await call("POST", `/api/v1/workspaces/${ws.id}/tags`, { as: people.owner, json: { name: "Gamma" } });
    const supported = await newAnnotation(
      people.author,
      report,
      { start: 0, end: 5, kind: "claim", claimSummary: "Supported", body: "supported claim" },
      1,
    );
    await newAnnotation(
      people.annotator,
      report,
      { start: 5, end: 9, kind: "claim", claimSummary: "Unverified", body: "unverified claim", tags: ["Gamma"] },
      0,
    );
    const resolved = await newAnnotation(people.annotator, report, { start: 0, end: 4, kind: "comment", body: "resolved comment" }, 0);
    await newAnnotation(people.author, report, { start: 1, end: 3, kind: "question", body: "question", tags: ["Gamma"] }, 2);
    await newAnnotation(people.author, report, { start: 6, end: 8, body: "private comment", visibility: "private" }, 1);
    expect(
      (await call("PUT", `/api/v1/annotations/${supported.id}/verdict`, { as: people.editor, json: { verdict: "supported" } })).status,
    ).toBe(200);
    expect(
      (
        await call("PATCH", `/api/v1/annotations/${resolved.id}`, {
          as: people.editor,
          json: { status: "resolved", version: resolved.version },
        })
      ).status,
    ).toBe(200);
    for (const on of [supported, resolved]) {
      expect((await call("POST", `/api/v1/annotations/${on.id}/replies`, { as: people.editor, json: { body: "a reply" } })).status).toBe(
        201,
      );
    }
  });

  it("lists everything the exporter may see, in reading order, when nothing is filtered", async () => {
    expect(await exported({})).toEqual({
      bodies: ["resolved comment", "unverified claim", "supported claim", "private comment", "question"],
      replyCount: 2,
    });
  });

  const cases: [string, (people: Team["people"]) => AnnotationFilters, string[], number][] = [
    ["author", (p) => ({ author: [p.annotator.id] }), ["resolved comment", "unverified claim"], 1],
    ["kind", () => ({ kind: ["claim", "question"] }), ["unverified claim", "supported claim", "question"], 1],
    ["tag (any of, in any case)", () => ({ tag: ["gamma", "no-such-tag"] }), ["unverified claim", "question"], 0],
    ["verdict", () => ({ verdict: ["supported"] }), ["supported claim"], 1],
    ["verdict, which only claims have", () => ({ verdict: ["unverified"] }), ["unverified claim"], 0],
    ["status", () => ({ status: ["resolved"] }), ["resolved comment"], 1],
    ["visibility", () => ({ visibility: ["private"] }), ["private comment"], 0],
    ["several at once", (p) => ({ author: [p.author.id], kind: ["claim", "comment"], visibility: ["workspace"] }), ["supported claim"], 1],
  ];
  it.each(cases)("by %s", async (_, filters, bodies, replyCount) => {
    expect(await exported(filters(team.people))).toEqual({ bodies, replyCount });
  });
});
