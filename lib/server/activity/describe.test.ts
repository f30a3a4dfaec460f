import { describe, expect, it } from "vitest";
import { describeEvent, hrefOf, type EventFacts } from "./describe";

const comment = { id: "a1", kind: "comment", passageIndex: 4, deleted: false, verdict: "unverified" };
const claim = { id: "c1", kind: "claim", passageIndex: 7, deleted: false, verdict: "contested" };

function facts(over: Partial<EventFacts>): EventFacts {
  return {
    type: "annotation.created",
    itemType: "annotation",
    reportId: "r1",
    slug: "team",
    actorName: "Alice Example",
    annotation: comment,
    latest: true,
    stance: null,
    version: null,
    ...over,
  };
}

describe("activity summaries", () => {
  it("say what was done to what, and where", () => {
    expect(describeEvent(facts({}))).toBe("Alice Example commented on ¶ 4");
    expect(describeEvent(facts({ annotation: { ...comment, kind: "highlight" } }))).toBe("Alice Example highlighted ¶ 4");
    expect(describeEvent(facts({ annotation: { ...comment, kind: "question" } }))).toBe("Alice Example asked a question on ¶ 4");
    expect(describeEvent(facts({ annotation: claim }))).toBe("Alice Example marked a claim on ¶ 7");
    expect(describeEvent(facts({ type: "annotation.updated" }))).toBe("Alice Example updated a comment on ¶ 4");
    expect(describeEvent(facts({ type: "annotation.resolved" }))).toBe("Alice Example resolved a thread on ¶ 4");
    expect(describeEvent(facts({ type: "annotation.reopened", annotation: claim }))).toBe("Alice Example reopened a thread on ¶ 7");
    expect(describeEvent(facts({ type: "annotation.resolved", annotation: null }))).toBe("Alice Example resolved a thread");
    expect(describeEvent(facts({ type: "annotation.deleted", annotation: { ...comment, deleted: true } }))).toBe(
      "Alice Example deleted a comment on ¶ 4",
    );
    expect(describeEvent(facts({ type: "annotation.restored" }))).toBe("Alice Example restored a comment on ¶ 4");
    expect(describeEvent(facts({ type: "reply.created", itemType: "reply", actorName: "Bob", annotation: claim }))).toBe(
      "Bob replied to a claim on ¶ 7",
    );
    expect(describeEvent(facts({ type: "reply.deleted", itemType: "reply" }))).toBe("Alice Example deleted a reply to a comment on ¶ 4");
  });

  it("name the verdict and the stance only when they are still what the event set", () => {
    const verdict = facts({ type: "verdict.changed", actorName: "Edna", annotation: claim });
    expect(describeEvent(verdict)).toBe("Edna set the verdict of a claim on ¶ 7 to Contested");
    expect(describeEvent({ ...verdict, latest: false })).toBe("Edna changed the verdict of a claim on ¶ 7");
    const stance = facts({ type: "stance.changed", annotation: claim });
    expect(describeEvent({ ...stance, stance: "supports" })).toBe("Alice Example supported a claim on ¶ 7");
    expect(describeEvent({ ...stance, stance: "disputes" })).toBe("Alice Example disputed a claim on ¶ 7");
    expect(describeEvent({ ...stance, stance: "needs_evidence" })).toBe("Alice Example asked for evidence for a claim on ¶ 7");
    expect(describeEvent({ ...stance, stance: null })).toBe("Alice Example withdrew their stance on a claim on ¶ 7");
    expect(describeEvent({ ...stance, stance: "supports", latest: false })).toBe("Alice Example took a stance on a claim on ¶ 7");
  });

  it("name the assignee and due date only while the assignment still stands", () => {
    const assigned = facts({ type: "assignment.assigned", actorName: "Edna", assignment: { assigneeName: "Anan", dueAt: "2026-12-12" } });
    expect(describeEvent(assigned)).toBe("Edna assigned a comment on ¶ 4 to Anan, due 12 Dec 2026");
    expect(describeEvent({ ...assigned, assignment: { assigneeName: "Anan", dueAt: null } })).toBe(
      "Edna assigned a comment on ¶ 4 to Anan",
    );
    expect(describeEvent({ ...assigned, latest: false })).toBe("Edna assigned a comment on ¶ 4");
    expect(describeEvent({ ...assigned, type: "assignment.reassigned" })).toBe("Edna reassigned a comment on ¶ 4 to Anan, due 12 Dec 2026");
    expect(describeEvent({ ...assigned, type: "assignment.unassigned", assignment: null })).toBe("Edna unassigned a comment on ¶ 4");
    const due = { ...assigned, type: "assignment.due_changed" };
    expect(describeEvent(due)).toBe("Edna set the due date of a comment on ¶ 4 to 12 Dec 2026");
    expect(describeEvent({ ...due, assignment: { assigneeName: "Anan", dueAt: null } })).toBe(
      "Edna removed the due date of a comment on ¶ 4",
    );
    expect(describeEvent({ ...due, latest: false })).toBe("Edna changed the due date of a comment on ¶ 4");
    expect(describeEvent(facts({ type: "assignment.completed", actorName: "Anan" }))).toBe(
      "Anan resolved and completed an assigned thread on ¶ 4",
    );
    expect(describeEvent(facts({ type: "assignment.member_removed", actorName: "Olive" }))).toBe(
      "Olive unassigned a comment on ¶ 4: its assignee left the workspace",
    );
    expect(describeEvent(facts({ type: "assignment.member_demoted", actorName: "Olive" }))).toBe(
      "Olive unassigned a comment on ¶ 4: its assignee became a viewer",
    );
  });

  it("describe report events, and someone no longer known", () => {
    const report = { itemType: "report", annotation: null, actorName: "Olive" };
    expect(describeEvent(facts({ ...report, type: "report.imported" }))).toBe("Olive imported the report");
    expect(describeEvent(facts({ ...report, type: "report.versioned", version: 3 }))).toBe("Olive uploaded version 3");
    expect(describeEvent(facts({ ...report, type: "report.versioned" }))).toBe("Olive uploaded a new version");
    expect(describeEvent(facts({ ...report, type: "report.updated" }))).toBe("Olive edited the report's details");
    expect(describeEvent(facts({ ...report, type: "annotations.imported" }))).toBe("Olive imported annotations");
    expect(describeEvent(facts({ type: "notes.saved", itemType: "notes", annotation: null, actorName: null }))).toBe(
      "Someone edited the team notes",
    );
    expect(describeEvent(facts({ annotation: null }))).toBe("Alice Example added an annotation");
  });

  it("describe share links made and revoked, leading to the report", () => {
    const link = { itemType: "share_link", annotation: null, actorName: "Olive" };
    expect(describeEvent(facts({ ...link, type: "share_link.created" }))).toBe("Olive made a read-only share link");
    expect(describeEvent(facts({ ...link, type: "share_link.revoked" }))).toBe("Olive revoked a share link");
    expect(hrefOf(facts({ ...link, type: "share_link.created" }))).toBe("/w/team/r/r1");
  });
});

describe("activity links", () => {
  it("open the thread, the notes or the report", () => {
    expect(hrefOf(facts({}))).toBe("/w/team/r/r1?annotation=a1");
    expect(hrefOf(facts({ type: "reply.created", itemType: "reply" }))).toBe("/w/team/r/r1?annotation=a1");
    expect(hrefOf(facts({ type: "annotation.resolved" }))).toBe("/w/team/r/r1?annotation=a1");
    expect(hrefOf(facts({ type: "notes.saved", itemType: "notes", annotation: null }))).toBe("/w/team/r/r1?panel=notes");
    expect(hrefOf(facts({ type: "report.versioned", itemType: "report", annotation: null }))).toBe("/w/team/r/r1");
  });

  it("lead to the report when the thread is gone", () => {
    expect(hrefOf(facts({ type: "annotation.deleted", annotation: { ...comment, deleted: true } }))).toBe("/w/team/r/r1");
    expect(hrefOf(facts({ annotation: null }))).toBe("/w/team/r/r1");
  });
});
