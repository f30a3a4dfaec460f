import { describe, expect, it } from "vitest";
import type { AnnotationViewRow } from "./read-views";
import { toAnnotationView, type AnnotationRow } from "./view";

const at = new Date("2026-12-08T09:00:00Z");
const row: AnnotationRow = {
  id: "a1",
  reportId: "r1",
  passageId: "p1",
  kind: "claim",
  visibility: "workspace",
  body: "Upstream dams",
  claimSummary: "Dams cut flow",
  start: 3,
  end: 16,
  quote: "Upstream dams",
  prefix: "The ",
  suffix: " reduce",
  author: { id: "u1", name: "Ada" },
  status: "open",
  anchorStatus: "anchored",
  resolvedAt: null,
  verdict: "unverified",
  verdictSetBy: null,
  verdictSetAt: null,
  assignee: { id: "u2", name: "Ben" },
  assignedAt: at,
  dueAt: "2026-12-20",
  version: 4,
  editedAt: null,
  importedCreator: null,
  createdAt: at,
  updatedAt: at,
  passage: { index: 7 },
  tags: [{ tag: { name: "Water" } }, { tag: { name: "Energy" } }],
  stances: [
    {
      user: { id: "u2", name: "Ben" },
      stance: "supports",
      note: null,
      evidenceUrl: null,
      evidencePassageId: null,
      evidenceAnnotationId: null,
      evidencePassage: null,
      updatedAt: at,
    },
    {
      user: { id: "u3", name: "Cy" },
      stance: "disputes",
      note: "See ¶ 9",
      evidenceUrl: "https://example.org/study",
      evidencePassageId: null,
      evidenceAnnotationId: null,
      evidencePassage: null,
      updatedAt: at,
    },
    {
      user: { id: "u4", name: "Di" },
      stance: "disputes",
      note: null,
      evidenceUrl: null,
      evidencePassageId: "p9",
      evidenceAnnotationId: null,
      evidencePassage: { reportId: "r1", reportTitle: "Water", index: 9, version: 4, current: true },
      updatedAt: at,
    },
  ],
  _count: { replies: 5 },
};

describe("toAnnotationView", () => {
  it("gives the API's shape: the passage's number, tag names, the reply count, the tally and each stance's evidence", () => {
    const view = toAnnotationView(row);
    expect(view).toMatchObject({ id: "a1", passageIndex: 7, tags: ["Water", "Energy"], replyCount: 5, version: 4, dueAt: "2026-12-20" });
    expect(view.tally).toEqual({ supports: 1, disputes: 2, needs_evidence: 0 });
    expect(view.stances.map((s) => s.evidence)).toEqual([
      null,
      { url: "https://example.org/study", passageId: null, annotationId: null, passage: null },
      { url: null, passageId: "p9", annotationId: null, passage: row.stances[2].evidencePassage },
    ]);
    // The row's own nesting does not leak into the answer.
    expect(view).not.toHaveProperty("passage");
    expect(view).not.toHaveProperty("_count");
    // Every field of the row that the API shows is there, with its value.
    const { passage, tags, stances, _count, ...fields } = row;
    void [passage, tags, stances, _count];
    expect(view).toMatchObject(fields);
  });

  it("reads the stances' times from the JSON strings annotationViewSql gives", () => {
    const fromSql: AnnotationViewRow = { ...row, stances: row.stances.map((s) => ({ ...s, updatedAt: "2026-12-08T09:00:00+00:00" })) };
    const view = toAnnotationView(fromSql);
    expect(view.stances.map((s) => s.updatedAt)).toEqual([at, at, at]);
    expect(view.stances[0].updatedAt).toBeInstanceOf(Date);
  });
});
