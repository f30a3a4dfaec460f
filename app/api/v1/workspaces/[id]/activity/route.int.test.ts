import { describe, expect, it } from "vitest";
import { call, newAnnotation, newReport, newWorkspace, sampleText, teamWorkspace, type Caller } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";
import type { ActivityItem } from "@/lib/domain/activity";

type Item = ActivityItem;

const workspaceFeed = (id: string) => `/api/v1/workspaces/${id}/activity`;
const reportFeed = (id: string) => `/api/v1/reports/${id}/activity`;

async function items(url: string, as: Caller): Promise<Item[]> {
  const res = await call("GET", `${url}${url.includes("?") ? "&" : "?"}limit=200`, { as });
  expect(res.status).toBe(200);
  expect(res.body.nextCursor).toBeNull();
  return res.body.items;
}

/** Every page of a feed, following nextCursor to the end. */
async function walk(url: string, as: Caller, limit: number): Promise<{ pages: Item[][]; all: Item[] }> {
  const pages: Item[][] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: { items: Item[]; nextCursor: string | null } } = await call(
      "GET",
      `${url}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      { as },
    );
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    pages.push(res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor && pages.length < 100);
  expect(cursor).toBeNull();
  return { pages, all: pages.flat() };
}

/** A cursor with one character changed. */
function tamper(cursor: string): string {
  const i = Math.floor(cursor.length / 3);
  return cursor.slice(0, i) + (cursor[i] === "A" ? "B" : "A") + cursor.slice(i + 1);
}

/** A report that went through one of every kind of action, by several members. */
async function busyWorkspace() {
  const team = await teamWorkspace();
  const { ws, report, people } = team;
  const comment = await newAnnotation(people.author, report, { body: "A comment" }, 0);
  const reply = (await call("POST", `/api/v1/annotations/${comment.id}/replies`, { as: people.annotator, json: { body: "A reply" } })).body;
  const claim = await newAnnotation(people.author, report, { kind: "claim", claimSummary: "A claim", body: "Check it" }, 1);
  expect((await call("PUT", `/api/v1/annotations/${claim.id}/stance`, { as: people.annotator, json: { stance: "disputes" } })).status).toBe(
    200,
  );
  expect((await call("PUT", `/api/v1/annotations/${claim.id}/verdict`, { as: people.editor, json: { verdict: "contested" } })).status).toBe(
    200,
  );
  expect(
    (
      await call("PATCH", `/api/v1/annotations/${comment.id}`, {
        as: people.author,
        json: { body: "An edited comment", version: comment.version },
      })
    ).status,
  ).toBe(200);
  const question = await newAnnotation(people.author, report, { kind: "question", body: "Gone soon" }, 2);
  expect((await call("DELETE", `/api/v1/annotations/${question.id}`, { as: people.author })).status).toBe(204);
  expect(
    (await call("PATCH", `/api/v1/reports/${report.id}`, { as: people.editor, json: { publisher: "Example Institute" } })).status,
  ).toBe(200);
  expect(
    (await call("POST", `/api/v1/reports/${report.id}/versions`, { as: people.editor, json: { format: "text", content: sampleText() } }))
      .status,
  ).toBe(201);
  const jsonld = (await call("GET", `/api/v1/reports/${report.id}/export?format=jsonld`, { as: people.owner })).body;
  expect((await call("POST", `/api/v1/reports/${report.id}/annotations/import`, { as: people.owner, json: jsonld })).status).toBe(200);
  expect(
    (await call("PUT", `/api/v1/reports/${report.id}/notes`, { as: people.annotator, json: { body: "Our notes", version: 0 } })).status,
  ).toBe(200);
  const base = `/w/${ws.slug}/r/${report.id}`;
  const at = (i: number) => report.passages[i].index;
  return { ...team, comment, reply, claim, question, base, at };
}

describe("GET /api/v1/workspaces/{id}/activity and /api/v1/reports/{id}/activity", () => {
  it("lists every kind of action, newest first, each saying what happened and linking to its place", async () => {
    const { ws, report, people, comment, reply, claim, question, base, at } = await busyWorkspace();
    const feed = await items(workspaceFeed(ws.id), people.viewer);
    expect(feed.map((i) => [i.type, i.summary, i.href])).toEqual([
      ["notes.saved", "Anan Annotator edited the team notes", `${base}?panel=notes`],
      ["annotations.imported", "Olive Owner imported annotations", base],
      ["report.versioned", "Edna Editor uploaded version 2", base],
      ["report.updated", "Edna Editor edited the report's details", base],
      // A deleted annotation stays in the feed, but its links lead to the report.
      ["annotation.deleted", `Aziz Author deleted a question on ¶ ${at(2)}`, base],
      ["annotation.created", `Aziz Author asked a question on ¶ ${at(2)}`, base],
      ["annotation.updated", `Aziz Author updated a comment on ¶ ${at(0)}`, `${base}?annotation=${comment.id}`],
      ["verdict.changed", `Edna Editor set the verdict of a claim on ¶ ${at(1)} to Contested`, `${base}?annotation=${claim.id}`],
      ["stance.changed", `Anan Annotator disputed a claim on ¶ ${at(1)}`, `${base}?annotation=${claim.id}`],
      ["annotation.created", `Aziz Author marked a claim on ¶ ${at(1)}`, `${base}?annotation=${claim.id}`],
      ["reply.created", `Anan Annotator replied to a comment on ¶ ${at(0)}`, `${base}?annotation=${comment.id}`],
      ["annotation.created", `Aziz Author commented on ¶ ${at(0)}`, `${base}?annotation=${comment.id}`],
      ["report.imported", "Olive Owner imported the report", base],
    ]);
    const ids = feed.map((i) => BigInt(i.id));
    expect(ids.every((id, k) => k === 0 || id < ids[k - 1])).toBe(true);
    expect(feed.every((i) => i.report.id === report.id && i.report.title === report.title && i.workspace.slug === ws.slug)).toBe(true);
    expect(feed.every((i) => !Number.isNaN(Date.parse(i.at)))).toBe(true);
    expect(feed.find((i) => i.type === "reply.created")).toMatchObject({
      actor: { id: people.annotator.id, name: "Anan Annotator" },
      item: { type: "reply", id: reply.id, parentId: comment.id },
    });
    expect(feed.find((i) => i.type === "annotation.deleted")).toMatchObject({
      item: { type: "annotation", id: question.id, parentId: null },
    });
    expect(feed.at(-1)).toMatchObject({ actor: { id: people.owner.id }, item: { type: "report", id: report.id, parentId: null } });
    // By slug too, and the report's own feed says the same here.
    expect((await items(workspaceFeed(ws.slug), people.viewer)).map((i) => i.id)).toEqual(feed.map((i) => i.id));
    expect((await items(reportFeed(report.id), people.viewer)).map((i) => i.id)).toEqual(feed.map((i) => i.id));
  });

  it("describes an older stance or verdict without claiming it is the current one", async () => {
    const { report, people } = await teamWorkspace();
    const claim = await newAnnotation(people.author, report, { kind: "claim" }, 0);
    for (const stance of ["supports", "needs_evidence"])
      await call("PUT", `/api/v1/annotations/${claim.id}/stance`, { as: people.annotator, json: { stance } });
    for (const verdict of ["supported", "refuted"])
      await call("PUT", `/api/v1/annotations/${claim.id}/verdict`, { as: people.editor, json: { verdict } });
    await call("DELETE", `/api/v1/annotations/${claim.id}/stance`, { as: people.annotator });
    const feed = await items(reportFeed(report.id), people.viewer);
    const p = report.passages[0].index;
    expect(feed.slice(0, 5).map((i) => i.summary)).toEqual([
      `Anan Annotator withdrew their stance on a claim on ¶ ${p}`,
      `Edna Editor set the verdict of a claim on ¶ ${p} to Refuted`,
      `Edna Editor changed the verdict of a claim on ¶ ${p}`,
      `Anan Annotator took a stance on a claim on ¶ ${p}`,
      `Anan Annotator took a stance on a claim on ¶ ${p}`,
    ]);
  });

  it("keeps a report's feed to that report, and filters by member", async () => {
    const { ws, report, people } = await teamWorkspace();
    const other = await newReport(people.owner, ws.id);
    const here = await newAnnotation(people.author, report, { body: "here" });
    const there = await newAnnotation(people.editor, other, { body: "there" });
    await call("POST", `/api/v1/annotations/${here.id}/replies`, { as: people.editor, json: { body: "Editor here" } });

    const reportItems = await items(reportFeed(report.id), people.viewer);
    expect(reportItems.every((i) => i.report.id === report.id)).toBe(true);
    expect(reportItems.map((i) => i.item.id)).toContain(here.id);
    expect(reportItems.map((i) => i.item.id)).not.toContain(there.id);
    const all = await items(workspaceFeed(ws.id), people.viewer);
    expect(new Set(all.map((i) => i.report.id))).toEqual(new Set([report.id, other.id]));
    expect(all.map((i) => i.item.id)).toContain(there.id);

    const byEditor = await items(`${workspaceFeed(ws.id)}?actor=${people.editor.id}`, people.viewer);
    expect(byEditor.map((i) => i.type)).toEqual(["reply.created", "annotation.created"]);
    expect(byEditor.every((i) => i.actor?.id === people.editor.id)).toBe(true);
    expect(await items(`${reportFeed(report.id)}?actor=${people.editor.id}`, people.viewer)).toHaveLength(1);
    // Someone who did nothing here, or no one at all: an empty feed, not an error.
    expect(await items(`${workspaceFeed(ws.id)}?actor=${people.viewer.id}`, people.viewer)).toEqual([]);
    expect(await items(`${workspaceFeed(ws.id)}?actor=nobody`, people.viewer)).toEqual([]);
  });

  it("pages through every item exactly once, and ends with a null cursor", async () => {
    const { ws, people } = await busyWorkspace();
    const full = await items(workspaceFeed(ws.id), people.viewer);
    expect(full.length).toBe(13);
    for (const limit of [1, 2, 5]) {
      const { pages, all } = await walk(workspaceFeed(ws.id), people.viewer, limit);
      expect(all.map((i) => i.id)).toEqual(full.map((i) => i.id));
      expect(pages.length).toBe(Math.ceil(full.length / limit));
    }
    // A last page that is exactly full says there is nothing after it.
    const exact = await call("GET", `${workspaceFeed(ws.id)}?limit=${full.length}`, { as: people.viewer });
    expect(exact.body.items).toHaveLength(full.length);
    expect(exact.body.nextCursor).toBeNull();
    const first = await call("GET", `${workspaceFeed(ws.id)}`, { as: people.viewer });
    expect(first.body.items).toHaveLength(full.length);
  });

  it("holds a page still while new events arrive above it", async () => {
    const { ws, report, people } = await teamWorkspace();
    for (const body of ["one", "two", "three"]) await newAnnotation(people.author, report, { body });
    const page1 = await call("GET", `${workspaceFeed(ws.id)}?limit=2`, { as: people.viewer });
    await newAnnotation(people.author, report, { body: "four" });
    const page2 = await call("GET", `${workspaceFeed(ws.id)}?limit=2&cursor=${encodeURIComponent(page1.body.nextCursor)}`, {
      as: people.viewer,
    });
    expect(page2.status).toBe(200);
    expect(page2.body.items.map((i: Item) => i.type)).toEqual(["annotation.created", "report.imported"]);
    expect(page2.body.nextCursor).toBeNull();
  });

  it("refuses an altered cursor, garbage, and a cursor of another feed (400)", async () => {
    const { ws, report, people } = await teamWorkspace();
    for (const body of ["one", "two", "three"]) await newAnnotation(people.author, report, { body });
    const url = workspaceFeed(ws.id);
    const cursor: string = (await call("GET", `${url}?limit=1`, { as: people.viewer })).body.nextCursor;
    expect(cursor).toEqual(expect.any(String));
    expect((await call("GET", `${url}?limit=1&cursor=${encodeURIComponent(cursor)}`, { as: people.viewer })).status).toBe(200);

    for (const bad of [tamper(cursor), "abc", "abc.def", "", `${cursor}x`, "x".repeat(600), "%F0%9F%98%80.%ED%A0%80"]) {
      const res = await call("GET", `${url}?cursor=${bad.startsWith("%") ? bad : encodeURIComponent(bad)}`, { as: people.viewer });
      expect(res.status, bad.slice(0, 40)).toBe(400);
      expect(res.body.error.code).toBe("bad_request");
    }
    const reportCursor: string = (await call("GET", `${reportFeed(report.id)}?limit=1`, { as: people.viewer })).body.nextCursor;
    const filtered: string = (await call("GET", `${url}?limit=1&actor=${people.author.id}`, { as: people.viewer })).body.nextCursor;
    const elsewhere = await newWorkspace(people.viewer, "Elsewhere");
    const otherReport = await newReport(people.viewer, elsewhere.id);
    await newAnnotation(people.viewer, otherReport);
    const otherCursor: string = (await call("GET", `${workspaceFeed(elsewhere.id)}?limit=1`, { as: people.viewer })).body.nextCursor;
    for (const [feedUrl, foreign] of [
      [url, reportCursor],
      [url, otherCursor],
      [url, filtered],
      [`${url}?actor=${people.editor.id}`, filtered],
      [reportFeed(report.id), cursor],
      [reportFeed(otherReport.id), reportCursor],
    ]) {
      const res = await call("GET", `${feedUrl}${feedUrl.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(foreign)}`, {
        as: people.viewer,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/another feed/);
    }
    expect(
      (await call("GET", `${url}?actor=${people.author.id}&cursor=${encodeURIComponent(filtered)}`, { as: people.viewer })).status,
    ).toBe(200);
  });

  it("refuses a page size out of range or a malformed member filter (422)", async () => {
    const { ws, report, people } = await teamWorkspace();
    for (const url of [workspaceFeed(ws.id), reportFeed(report.id)]) {
      for (const q of [
        "limit=0",
        "limit=1000",
        "limit=201",
        "limit=-1",
        "limit=2.5",
        "limit=abc",
        "limit=",
        "actor=%3Cscript%3E",
        `actor=${"a".repeat(65)}`,
      ]) {
        const res = await call("GET", `${url}?${q}`, { as: people.viewer });
        expect(res.status, q).toBe(422);
        expect(res.body.error.code).toBe("validation_failed");
        expect(res.body.error.details.issues[0].path).toBe(q.split("=")[0]);
      }
      expect((await call("GET", `${url}?limit=200`, { as: people.viewer })).status).toBe(200);
    }
  });

  it("never shows another member's private annotation, nor what happens under it", async () => {
    const { ws, report, people } = await teamWorkspace();
    const secret = await newAnnotation(people.author, report, { kind: "claim", visibility: "private", body: "Mine alone" });
    const reply = (await call("POST", `/api/v1/annotations/${secret.id}/replies`, { as: people.author, json: { body: "Note to self" } }))
      .body;
    await call("PUT", `/api/v1/annotations/${secret.id}/stance`, { as: people.author, json: { stance: "supports" } });
    await call("PATCH", `/api/v1/annotations/${secret.id}`, { as: people.author, json: { body: "Still mine", version: secret.version } });
    const shared = await newAnnotation(people.author, report, { body: "For everyone" });
    const privateIds = [secret.id, reply.id];

    for (const who of [people.owner, people.editor, people.viewer]) {
      for (const url of [workspaceFeed(ws.id), reportFeed(report.id), `${workspaceFeed(ws.id)}?actor=${people.author.id}`]) {
        const feed = await items(url, who);
        expect(feed.map((i) => i.item.id)).toContain(shared.id);
        expect(feed.filter((i) => privateIds.includes(i.item.id) || privateIds.includes(i.item.parentId ?? ""))).toEqual([]);
        expect(JSON.stringify(feed)).not.toContain(secret.id);
      }
    }
    const own = await items(workspaceFeed(ws.id), people.author);
    expect(own.filter((i) => i.item.id === secret.id || i.item.parentId === secret.id).map((i) => i.type)).toEqual([
      "annotation.updated",
      "stance.changed",
      "reply.created",
      "annotation.created",
    ]);
  });

  it("answers 404 to a stranger and 401 without an identity; a viewer may read", async () => {
    const { ws, report, people } = await teamWorkspace();
    for (const url of [
      workspaceFeed(ws.id),
      workspaceFeed(ws.slug),
      reportFeed(report.id),
      workspaceFeed("no-such-workspace"),
      reportFeed("no-such-report"),
    ]) {
      const res = await call("GET", url, { as: people.stranger });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
      expect((await call("GET", url)).status).toBe(401);
    }
    for (const url of [workspaceFeed(ws.id), reportFeed(report.id)]) {
      expect((await call("GET", url, { as: people.viewer })).status).toBe(200);
      // With the session cookie as well as a token.
      expect((await call("GET", url, { as: { cookie: people.viewer.cookie } })).status).toBe(200);
    }
  });

  it("shows a burst of saves of the same thing by one member once, as the latest", async () => {
    const { report, people } = await teamWorkspace();
    for (const version of [0, 1, 2]) {
      expect(
        (await call("PUT", `/api/v1/reports/${report.id}/notes`, { as: people.annotator, json: { body: `Draft ${version}`, version } }))
          .status,
      ).toBe(200);
    }
    await call("PUT", `/api/v1/reports/${report.id}/notes`, { as: people.editor, json: { body: "Mine", version: 3 } });
    const saves = () => items(reportFeed(report.id), people.viewer).then((feed) => feed.filter((i) => i.type === "notes.saved"));
    const rows = await query<{ id: string }>(
      "SELECT id::text FROM report_events WHERE report_id = $1 AND type = 'notes.saved' ORDER BY report_events.id",
      [report.id],
    );
    expect(rows).toHaveLength(4);
    expect((await saves()).map((i) => [i.id, i.actor?.id])).toEqual([
      [rows[3].id, people.editor.id],
      [rows[2].id, people.annotator.id],
    ]);
    // Saves more than ten minutes apart are separate sessions.
    await query("UPDATE report_events SET created_at = created_at - interval '11 minutes' WHERE id = ANY($1::bigint[])", [
      [rows[0].id, rows[1].id],
    ]);
    expect((await saves()).map((i) => i.id)).toEqual([rows[3].id, rows[2].id, rows[1].id]);
  });
});
