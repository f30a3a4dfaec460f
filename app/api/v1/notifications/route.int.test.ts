import { describe, expect, it } from "vitest";
import { call, newAnnotation, teamWorkspace, type TestUser } from "@/lib/testing/api";
import { mentionMarkdown } from "@/lib/markdown/mentions";
import { query } from "@/lib/testing/db";

describe("notifications", () => {
  it("tells a mentioned member, links to the item, and marks one or all read", async () => {
    const { ws, report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report, {
      body: `What do you think, ${mentionMarkdown(people.viewer.id, "Vera Viewer")}?`,
    });
    const inbox = await call("GET", "/api/v1/notifications", { as: people.viewer });
    expect(inbox.status).toBe(200);
    expect(inbox.body.unread).toBe(1);
    expect(inbox.body.notifications[0]).toMatchObject({
      type: "mention",
      actor: { id: people.author.id, name: "Aziz Author" },
      report: { id: report.id },
      annotation: { id: a.id },
      excerpt: "What do you think, @Vera Viewer?",
      href: `/w/${ws.slug}/r/${report.id}?annotation=${a.id}`,
      readAt: null,
    });
    const marked = await call("POST", "/api/v1/notifications/read", { as: people.viewer, json: { ids: [inbox.body.notifications[0].id] } });
    expect(marked.body).toEqual({ marked: 1, unread: 0 });
  });

  it("tells the annotation's author and earlier repliers about a reply, but not the replier", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report, { body: "Start" });
    await call("POST", `/api/v1/annotations/${a.id}/replies`, { as: people.editor, json: { body: "First reply" } });
    await call("POST", `/api/v1/annotations/${a.id}/replies`, { as: people.annotator, json: { body: "Second reply" } });
    const author = await call("GET", "/api/v1/notifications", { as: people.author });
    expect(author.body.notifications.map((n: { type: string; excerpt: string }) => [n.type, n.excerpt])).toEqual([
      ["reply", "Second reply"],
      ["reply", "First reply"],
    ]);
    const editor = await call("GET", "/api/v1/notifications", { as: people.editor });
    expect(editor.body.notifications.map((n: { excerpt: string }) => n.excerpt)).toEqual(["Second reply"]);
    const annotator = await call("GET", "/api/v1/notifications", { as: people.annotator });
    expect(annotator.body.notifications).toEqual([]);
    expect((await call("POST", "/api/v1/notifications/read", { as: people.author, json: { all: true } })).body).toEqual({
      marked: 2,
      unread: 0,
    });
  });

  it("does not notify from a private note, nor people outside the workspace, nor the author themself", async () => {
    const { report, people } = await teamWorkspace();
    await newAnnotation(people.author, report, { body: mentionMarkdown(people.viewer.id, "Vera"), visibility: "private" });
    await newAnnotation(people.author, report, {
      body: `${mentionMarkdown(people.stranger.id, "Sol")} ${mentionMarkdown(people.author.id, "Me")}`,
    });
    for (const who of [people.viewer, people.stranger, people.author]) {
      expect((await call("GET", "/api/v1/notifications", { as: who })).body.unread).toBe(0);
    }
  });

  it("notifies only newly added mentions when a body is edited", async () => {
    const { report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report, { body: mentionMarkdown(people.viewer.id, "Vera") });
    await call("PATCH", `/api/v1/annotations/${a.id}`, {
      as: people.author,
      json: { body: `${mentionMarkdown(people.viewer.id, "Vera")} and ${mentionMarkdown(people.editor.id, "Edna")}`, version: a.version },
    });
    expect((await call("GET", "/api/v1/notifications", { as: people.viewer })).body.unread).toBe(1);
    expect((await call("GET", "/api/v1/notifications", { as: people.editor })).body.unread).toBe(1);
  });

  it("refuses a malformed mark-read request (422) and needs an identity (401)", async () => {
    const { people } = await teamWorkspace();
    expect((await call("POST", "/api/v1/notifications/read", { as: people.viewer, json: {} })).status).toBe(422);
    expect((await call("GET", "/api/v1/notifications")).status).toBe(401);
  });
});

describe("reply notifications reach everyone taking part", () => {
  it("includes people who took a stance or were mentioned in the annotation", async () => {
    const { report, people } = await teamWorkspace();
    const claim = await newAnnotation(people.author, report, {
      kind: "claim",
      body: `Check this ${mentionMarkdown(people.viewer.id, "Vera")}`,
    });
    await call("PUT", `/api/v1/annotations/${claim.id}/stance`, { as: people.editor, json: { stance: "supports" } });
    await call("POST", `/api/v1/annotations/${claim.id}/replies`, { as: people.annotator, json: { body: "A reply" } });
    for (const who of [people.author, people.viewer, people.editor]) {
      const inbox = await call("GET", "/api/v1/notifications", { as: who });
      expect(inbox.body.notifications.map((n: { type: string }) => n.type)).toContain("reply");
    }
    expect((await call("GET", "/api/v1/notifications", { as: people.owner })).body.unread).toBe(0);
  });
});

describe("what the unread count may reveal", () => {
  it("counts only notifications about items the reader can still see, and nothing from private threads", async () => {
    const { report, people } = await teamWorkspace();
    const shared = await newAnnotation(people.author, report, { body: mentionMarkdown(people.viewer.id, "Vera") });
    expect((await call("GET", "/api/v1/notifications", { as: people.viewer })).body.unread).toBe(1);
    await call("DELETE", `/api/v1/annotations/${shared.id}`, { as: people.author });
    const after = await call("GET", "/api/v1/notifications", { as: people.viewer });
    expect(after.body).toMatchObject({ unread: 0, notifications: [] });

    const secret = await newAnnotation(people.author, report, { body: mentionMarkdown(people.editor.id, "Edna"), visibility: "private" });
    await call("POST", `/api/v1/annotations/${secret.id}/replies`, { as: people.author, json: { body: "note to self" } });
    expect((await call("GET", "/api/v1/notifications", { as: people.editor })).body.unread).toBe(0);
  });
});

describe("notifications from the team notes and from verdicts", () => {
  type Listed = { type: string; actor: { id: string }; annotation: unknown; excerpt: string; href: string };
  const inboxOf = async (user: TestUser) => (await call("GET", "/api/v1/notifications", { as: user })).body.notifications as Listed[];

  it("tells the members newly mentioned in the team notes, once per burst of saves, with the paragraph as plain text", async () => {
    const { ws, report, people } = await teamWorkspace();
    const notes = `/api/v1/reports/${report.id}/notes`;
    const vera = mentionMarkdown(people.viewer.id, "Vera Viewer");
    const edna = mentionMarkdown(people.editor.id, "Edna Editor");
    let version = 0;
    const save = async (body: string) => {
      const saved = await call("PUT", notes, { as: people.annotator, json: { body, version } });
      expect(saved.status).toBe(200);
      version = saved.body.version;
    };
    await save(`## Findings\n\nStorage **grew**. ${vera} can you check the table?`);
    const first = await inboxOf(people.viewer);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      type: "notes_mention",
      actor: { id: people.annotator.id },
      annotation: null,
      excerpt: "Storage grew. @Vera Viewer can you check the table?",
      href: `/w/${ws.slug}/r/${report.id}?panel=notes`,
    });

    // More saves keep the mention, drop it and put it back: no second notification. A new name is told.
    await save(`## Findings\n\nStorage **grew**. ${vera} can you check the table? More.`);
    await save("## Findings\n\nStorage **grew**.");
    await save(`## Findings\n\nStorage **grew**. ${vera} again, and ${edna}.`);
    expect(await inboxOf(people.viewer)).toHaveLength(1);
    expect((await inboxOf(people.editor)).map((n) => n.type)).toEqual(["notes_mention"]);
    // Nobody is told about mentioning themself, a stranger is never told.
    await save(`${mentionMarkdown(people.annotator.id, "Me")} ${mentionMarkdown(people.stranger.id, "Sol")}`);
    expect(await inboxOf(people.annotator)).toEqual([]);
    expect(await inboxOf(people.stranger)).toEqual([]);

    // After the burst (ten quiet minutes), a mention put back is news again.
    await query("UPDATE notifications SET created_at = created_at - interval '11 minutes' WHERE report_id = $1", [report.id]);
    await save(`Back to ${vera}.`);
    expect((await inboxOf(people.viewer)).filter((n) => n.type === "notes_mention")).toHaveLength(2);
  });

  it("a verdict tells the claim's author and every member who took a stance, each once, not the one who set it", async () => {
    const { report, people } = await teamWorkspace();
    const claim = await newAnnotation(people.author, report, { kind: "claim", claimSummary: "Storage grew 40%" });
    for (const [who, stance] of [
      [people.annotator, "disputes"],
      [people.author, "supports"],
      [people.owner, "needs_evidence"],
      [people.editor, "supports"],
    ] as const) {
      expect((await call("PUT", `/api/v1/annotations/${claim.id}/stance`, { as: who, json: { stance } })).status).toBe(200);
    }
    const set = await call("PUT", `/api/v1/annotations/${claim.id}/verdict`, { as: people.editor, json: { verdict: "contested" } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ verdict: "contested", verdictSetBy: { id: people.editor.id, name: "Edna Editor" } });
    expect(Date.parse(set.body.verdictSetAt)).not.toBeNaN();

    const kinds = async (user: TestUser) => (await inboxOf(user)).map((n) => n.type);
    expect(await kinds(people.author)).toEqual(["verdict"]);
    expect(await kinds(people.annotator)).toEqual(["stance_verdict"]);
    expect(await kinds(people.owner)).toEqual(["stance_verdict"]);
    expect(await kinds(people.editor)).toEqual([]);
    expect(await kinds(people.viewer)).toEqual([]);
    // The same verdict again changes nothing and tells no one.
    await call("PUT", `/api/v1/annotations/${claim.id}/verdict`, { as: people.owner, json: { verdict: "contested" } });
    expect(await kinds(people.annotator)).toEqual(["stance_verdict"]);
  });

  it("links a reply's notification to the thread and the reply", async () => {
    const { ws, report, people } = await teamWorkspace();
    const a = await newAnnotation(people.author, report, { body: "Is 40% right?" });
    const reply = await call("POST", `/api/v1/annotations/${a.id}/replies`, {
      as: people.editor,
      json: { body: "The appendix says 35%." },
    });
    const [n] = await inboxOf(people.author);
    expect(n.href).toBe(`/w/${ws.slug}/r/${report.id}?annotation=${a.id}&reply=${reply.body.id}`);
  });
});
