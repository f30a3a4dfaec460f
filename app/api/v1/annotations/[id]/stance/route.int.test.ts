import { describe, expect, it } from "vitest";
import { call, newAnnotation, newReport, newUser, newWorkspace, teamWorkspace } from "@/lib/testing/api";

describe("PUT /api/v1/annotations/{id}/stance and /verdict", () => {
  it("keeps one changeable stance per member and tallies them", async () => {
    const { report, people } = await teamWorkspace();
    const claim = await newAnnotation(people.author, report, { kind: "claim", claimSummary: "Normalisation started in 2018" });
    expect(claim).toMatchObject({
      kind: "claim",
      claimSummary: "Normalisation started in 2018",
      verdict: "unverified",
      tally: { supports: 0, disputes: 0, needs_evidence: 0 },
    });
    await call("PUT", `/api/v1/annotations/${claim.id}/stance`, { as: people.annotator, json: { stance: "supports" } });
    await call("PUT", `/api/v1/annotations/${claim.id}/stance`, {
      as: people.editor,
      json: { stance: "disputes", note: "Earlier, in 2017." },
    });
    const changed = await call("PUT", `/api/v1/annotations/${claim.id}/stance`, {
      as: people.annotator,
      json: { stance: "needs_evidence", evidence: { url: "https://example.org/source" } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.tally).toEqual({ supports: 0, disputes: 1, needs_evidence: 1 });
    expect(changed.body.stances).toEqual([
      expect.objectContaining({
        user: { id: people.annotator.id, name: "Anan Annotator" },
        stance: "needs_evidence",
        evidence: { url: "https://example.org/source", passageId: null, annotationId: null, passage: null },
      }),
      expect.objectContaining({
        user: { id: people.editor.id, name: "Edna Editor" },
        stance: "disputes",
        note: "Earlier, in 2017.",
        evidence: null,
      }),
    ]);
  });

  it("accepts a passage or annotation of the same workspace as evidence, and nothing from elsewhere", async () => {
    const { report, people } = await teamWorkspace();
    const claim = await newAnnotation(people.author, report, { kind: "claim" });
    const other = await newAnnotation(people.author, report, { body: "supporting note" }, 2);
    const put = (evidence: unknown) =>
      call("PUT", `/api/v1/annotations/${claim.id}/stance`, { as: people.annotator, json: { stance: "disputes", evidence } });
    expect((await put({ passageId: report.passages[3].id })).status).toBe(200);
    expect((await put({ annotationId: other.id })).status).toBe(200);
    const outsider = await newUser();
    const elsewhere = await newReport(outsider, (await newWorkspace(outsider)).id);
    expect((await put({ passageId: elsewhere.passages[0].id })).status).toBe(422);
    expect((await put({ url: "javascript:alert(1)" })).status).toBe(422);
    expect((await put({ url: "https://a.org", passageId: report.passages[0].id })).status).toBe(422);
  });

  it("refuses stances and verdicts on annotations that are not claims (422) and unknown values (422)", async () => {
    const { report, people } = await teamWorkspace();
    const comment = await newAnnotation(people.author, report, { body: "just a comment" });
    expect(
      (await call("PUT", `/api/v1/annotations/${comment.id}/stance`, { as: people.annotator, json: { stance: "supports" } })).status,
    ).toBe(422);
    expect(
      (await call("PUT", `/api/v1/annotations/${comment.id}/verdict`, { as: people.editor, json: { verdict: "refuted" } })).status,
    ).toBe(422);
    const claim = await newAnnotation(people.author, report, { kind: "claim" });
    expect((await call("PUT", `/api/v1/annotations/${claim.id}/stance`, { as: people.annotator, json: { stance: "maybe" } })).status).toBe(
      422,
    );
    expect((await call("PUT", `/api/v1/annotations/${claim.id}/verdict`, { as: people.editor, json: { verdict: "true" } })).status).toBe(
      422,
    );
  });

  it("lets editors set the verdict, filters by it, and tells the claim's author", async () => {
    const { report, people } = await teamWorkspace();
    const claim = await newAnnotation(people.author, report, { kind: "claim" });
    const res = await call("PUT", `/api/v1/annotations/${claim.id}/verdict`, { as: people.editor, json: { verdict: "contested" } });
    expect(res.status).toBe(200);
    expect(res.body.verdict).toBe("contested");
    const contested = await call("GET", `/api/v1/reports/${report.id}/annotations?verdict=contested`, { as: people.viewer });
    expect(contested.body.annotations.map((a: { id: string }) => a.id)).toEqual([claim.id]);
    const inbox = await call("GET", "/api/v1/notifications", { as: people.author });
    expect(inbox.body.notifications[0]).toMatchObject({
      type: "verdict",
      actor: { id: people.editor.id },
      annotation: { id: claim.id, verdict: "contested" },
    });
  });
});
