import { describe, expect, it } from "vitest";
import { addMember, call, newReport, newUser, newWorkspace } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";
import { mentionMarkdown } from "@/lib/markdown/mentions";

async function setup() {
  const owner = await newUser("Owner Person");
  const ws = await newWorkspace(owner);
  const report = await newReport(owner, ws.id);
  return { owner, ws, report, first: report.passages[0] };
}

const path = (reportId: string) => `/api/v1/reports/${reportId}/annotations`;

describe("POST /api/v1/reports/{id}/annotations", () => {
  it("stores a comment with the quote and 32 characters of context (201)", async () => {
    const { owner, report, first } = await setup();
    const start = first.text.indexOf("Arab nations");
    const res = await call("POST", path(report.id), {
      as: owner,
      json: { passageId: first.id, start, end: start + "Arab nations".length, body: "Which **ones**?", quote: "Arab nations" },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      passageId: first.id,
      passageIndex: 1,
      kind: "comment",
      visibility: "workspace",
      body: "Which **ones**?",
      quote: "Arab nations",
      prefix: first.text.slice(start - 32, start),
      suffix: first.text.slice(start + 12, start + 12 + 32),
      author: { id: owner.id, name: "Owner Person" },
    });
    expect(res.body.prefix).toHaveLength(32);
  });

  it("defaults to a highlight without a body and clips context at the passage's edges", async () => {
    const { owner, report, first } = await setup();
    const res = await call("POST", path(report.id), { as: owner, json: { passageId: first.id, start: 0, end: 3 } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: "highlight", quote: "The", prefix: "", body: "" });
  });

  it("counts offsets in code points, for right-to-left text and emoji", async () => {
    const owner = await newUser();
    const ws = await newWorkspace(owner);
    const text = "تقرير 👩‍👩‍👧 عن التطبيع مع النظام السوري في عام 2023 والمواقف العربية منه.";
    const report = await newReport(owner, ws.id, `عنوان\n\n${text}`);
    const passage = report.passages[0];
    expect(passage.text).toBe(text);
    const chars = Array.from(text);
    const start = chars.indexOf("ع", 8);
    const end = start + "عن التطبيع".length;
    const res = await call("POST", path(report.id), { as: owner, json: { passageId: passage.id, start, end, quote: "عن التطبيع" } });
    expect(res.status).toBe(201);
    expect(res.body.quote).toBe("عن التطبيع");
    expect(res.body.prefix).toBe(chars.slice(0, start).join(""));
  });

  it("refuses offsets outside the passage, end ≤ start and a mismatched quote (422), storing nothing", async () => {
    const { owner, report, first } = await setup();
    const length = Array.from(first.text).length;
    const cases = [
      { start: 5, end: 5 },
      { start: 9, end: 4 },
      { start: 0, end: length + 1 },
      { start: length, end: length + 3 },
      { start: 0, end: 3, quote: "Not the text" },
      { start: 1.5, end: 3 },
      { start: -1, end: 3 },
    ];
    for (const c of cases) {
      const res = await call("POST", path(report.id), { as: owner, json: { passageId: first.id, ...c } });
      expect(res.status, JSON.stringify(c)).toBe(422);
      expect(res.body.error.code).toBe("validation_failed");
      expect(res.body.error.details.issues[0].path).toMatch(/^(start|end|quote)$/);
    }
    expect(await query("SELECT 1 FROM annotations WHERE report_id = $1", [report.id])).toHaveLength(0);
  });

  it("refuses a passage of another report (422) and an unknown kind (422)", async () => {
    const { owner, ws, report } = await setup();
    const other = await newReport(owner, ws.id);
    const res = await call("POST", path(report.id), { as: owner, json: { passageId: other.passages[0].id, start: 0, end: 3 } });
    expect(res.status).toBe(422);
    const kind = await call("POST", path(report.id), {
      as: owner,
      json: { passageId: report.passages[0].id, start: 0, end: 3, kind: "rant" },
    });
    expect(kind.status).toBe(422);
  });

  it("answers 401 without identity, 404 to a stranger, 403 to a viewer, 201 to an annotator", async () => {
    const { owner, ws, report, first } = await setup();
    const json = { passageId: first.id, start: 0, end: 3 };
    expect((await call("POST", path(report.id), { json })).status).toBe(401);
    const stranger = await newUser();
    expect((await call("POST", path(report.id), { as: stranger, json })).status).toBe(404);
    const viewer = await newUser();
    await addMember(owner, ws.id, viewer, "viewer");
    const refused = await call("POST", path(report.id), { as: viewer, json });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden");
    const annotator = await newUser();
    await addMember(owner, ws.id, annotator, "annotator");
    expect((await call("POST", path(report.id), { as: annotator, json })).status).toBe(201);
  });

  it("refuses malformed JSON (400) and an oversized body (413)", async () => {
    const { owner, report, first } = await setup();
    expect((await call("POST", path(report.id), { as: owner, raw: '{"passageId": ' })).status).toBe(400);
    const tooLong = await call("POST", path(report.id), {
      as: owner,
      json: { passageId: first.id, start: 0, end: 3, body: "x".repeat(20_001) },
    });
    expect(tooLong.status).toBe(413);
    // The limit counts characters (code points): 10,001 emoji are 20,002 UTF-16 units but well within it.
    const emoji = await call("POST", path(report.id), {
      as: owner,
      json: { passageId: first.id, start: 0, end: 3, body: "🌍".repeat(10_001) },
    });
    expect(emoji.status).toBe(201);
    await query("DELETE FROM annotations WHERE id = $1", [emoji.body.id]);
    const huge = await call("POST", path(report.id), {
      as: owner,
      raw: JSON.stringify({ passageId: first.id, start: 0, end: 3, body: "y".repeat(400_000) }),
    });
    expect(huge.status).toBe(413);
    expect(await query("SELECT 1 FROM annotations WHERE report_id = $1", [report.id])).toHaveLength(0);
  });
});

/**
 * The app server answers this POST itself, ahead of Next.js (lib/http/annotation-post.ts):
 * a plain annotation sent with a token in one statement, anything else through the
 * route's handler. Both must answer as the route does.
 */
describe("POST /api/v1/reports/{id}/annotations, as the app server serves it", () => {
  it("answers a token and a session cookie alike: the annotation as listed, JSON, with the security headers", async () => {
    const { owner, report, first } = await setup();
    const json = { passageId: first.id, start: 4, end: 12, body: "Same either way", visibility: "private" };
    const byToken = await call("POST", path(report.id), { as: { token: owner.token }, json });
    const byCookie = await call("POST", path(report.id), { as: { cookie: owner.cookie }, json });
    for (const res of [byToken, byCookie]) {
      expect(res.status).toBe(201);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(res.headers.get("cache-control")).toMatch(/^no-store/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
    const listed = (await call("GET", path(report.id), { as: owner })).body.annotations;
    expect(listed).toEqual([byToken.body, byCookie.body]);
    const apartFromIdentity = (a: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(a).filter(([key]) => !["id", "createdAt", "updatedAt"].includes(key)));
    const sameByToken = apartFromIdentity(byToken.body);
    expect(sameByToken).toEqual(apartFromIdentity(byCookie.body));
    expect(sameByToken).toMatchObject({
      visibility: "private",
      quote: first.text.slice(4, 12),
      author: { id: owner.id },
      passageIndex: first.index,
      replyCount: 0,
      tags: [],
    });
    const events = await query<{ actor_id: string; only_user_id: string }>(
      "SELECT actor_id, only_user_id FROM report_events WHERE item_id = $1",
      [byToken.body.id],
    );
    expect(events).toEqual([{ actor_id: owner.id, only_user_id: owner.id }]);
  });

  it("writes tags and tells the mentioned through the route, with a token too", async () => {
    const { owner, ws, report, first } = await setup();
    const member = await newUser("Mona Member");
    await addMember(owner, ws.id, member, "viewer");
    const tagged = await call("POST", path(report.id), {
      as: { token: owner.token },
      json: { passageId: first.id, start: 0, end: 3, tags: ["Method"] },
    });
    expect(tagged.status).toBe(201);
    expect(tagged.body.tags).toEqual(["Method"]);
    const mention = await call("POST", path(report.id), {
      as: { token: owner.token },
      json: { passageId: first.id, start: 0, end: 3, body: `Look, ${mentionMarkdown(member.id, "Mona")}` },
    });
    expect(mention.status).toBe(201);
    const notes = await call("GET", "/api/v1/notifications", { as: member });
    expect(notes.body.notifications.map((n: { annotation: { id: string } }) => n.annotation.id)).toEqual([mention.body.id]);
  });

  it("refuses a revoked token (401), a body that is not JSON (415) and another report's passage (422), writing nothing", async () => {
    const { owner, ws, report, first } = await setup();
    const json = { passageId: first.id, start: 0, end: 3 };
    const other = await newReport(owner, ws.id);
    const wrongReport = await call("POST", path(other.id), { as: { token: owner.token }, json });
    expect(wrongReport.status).toBe(422);
    expect(wrongReport.body.error.code).toBe("validation_failed");
    const notJson = await call("POST", path(report.id), {
      as: { token: owner.token },
      raw: JSON.stringify(json),
      headers: { "content-type": "text/plain" },
    });
    expect(notJson.status).toBe(415);
    expect((await call("POST", path(report.id), { as: { token: owner.token }, json })).status).toBe(201);
    const [token] = (await call("GET", "/api/v1/tokens", { as: { cookie: owner.cookie } })).body.tokens;
    expect((await call("DELETE", `/api/v1/tokens/${token.id}`, { as: { cookie: owner.cookie } })).status).toBe(204);
    const revoked = await call("POST", path(report.id), { as: { token: owner.token }, json });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe("unauthenticated");
    expect(await query("SELECT 1 FROM annotations WHERE report_id IN ($1, $2)", [report.id, other.id])).toHaveLength(1);
  });
});

describe("GET /api/v1/reports/{id}/annotations", () => {
  it("lists in reading order: passage, then position", async () => {
    const { owner, report } = await setup();
    const [p1, p2] = report.passages;
    const make = (passageId: string, start: number, end: number) =>
      call("POST", path(report.id), { as: owner, json: { passageId, start, end } });
    await make(p2.id, 10, 20);
    await make(p1.id, 30, 40);
    await make(p1.id, 4, 14);
    const res = await call("GET", path(report.id), { as: owner });
    expect(res.status).toBe(200);
    expect(res.body.annotations.map((a: { passageIndex: number; start: number }) => [a.passageIndex, a.start])).toEqual([
      [1, 4],
      [1, 30],
      [2, 10],
    ]);
  });

  it("shows workspace annotations to other members and private ones only to their author", async () => {
    const { owner, ws, report, first } = await setup();
    const colleague = await newUser();
    await addMember(owner, ws.id, colleague, "viewer");
    await call("POST", path(report.id), {
      as: owner,
      json: { passageId: first.id, start: 0, end: 3, body: "shared", visibility: "workspace" },
    });
    await call("POST", path(report.id), {
      as: owner,
      json: { passageId: first.id, start: 4, end: 14, body: "secret", visibility: "private" },
    });
    const mine = await call("GET", path(report.id), { as: owner });
    expect(mine.body.annotations.map((a: { body: string }) => a.body)).toEqual(["shared", "secret"]);
    const theirs = await call("GET", path(report.id), { as: colleague });
    expect(theirs.body.annotations.map((a: { body: string }) => a.body)).toEqual(["shared"]);
  });

  it("answers 404 to a stranger and 401 without identity", async () => {
    const { report } = await setup();
    const stranger = await newUser();
    expect((await call("GET", path(report.id), { as: stranger })).status).toBe(404);
    expect((await call("GET", path(report.id))).status).toBe(401);
  });

  it("pages through the list in reading order with opaque cursors, each annotation exactly once", async () => {
    const { owner, report } = await setup();
    const [p1, p2] = report.passages;
    const made: string[] = [];
    // Same place twice (ties broken by creation, then id), and spread over two passages.
    for (const [p, start] of [
      [p2, 10],
      [p1, 30],
      [p1, 4],
      [p1, 4],
      [p2, 0],
      [p1, 30],
      [p2, 50],
    ] as const) {
      made.push(
        (
          await call("POST", path(report.id), {
            as: owner,
            json: { passageId: p.id, start, end: start + 5, kind: start === 4 ? "question" : "comment", body: "x" },
          })
        ).body.id,
      );
    }
    const whole = await call("GET", `${path(report.id)}?limit=500`, { as: owner });
    expect(whole.body.nextCursor).toBeNull();
    expect(whole.body.annotations).toHaveLength(7);

    const seen: string[] = [];
    let url = `${path(report.id)}?limit=3`;
    const sizes: number[] = [];
    for (;;) {
      const res = await call("GET", url, { as: owner });
      expect(res.status).toBe(200);
      sizes.push(res.body.annotations.length);
      seen.push(...res.body.annotations.map((a: { id: string }) => a.id));
      if (!res.body.nextCursor) break;
      expect(res.body.nextCursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      url = `${path(report.id)}?limit=3&cursor=${encodeURIComponent(res.body.nextCursor)}`;
      // An annotation added above the cursor meanwhile is not handed out twice, nor does it shift the pages.
      if (sizes.length === 1) await call("POST", path(report.id), { as: owner, json: { passageId: p1.id, start: 0, end: 2 } });
    }
    expect(sizes).toEqual([3, 3, 1]);
    expect(seen).toEqual(whole.body.annotations.map((a: { id: string }) => a.id));
    expect(new Set(seen)).toEqual(new Set(made));
  });

  it("keeps filters across pages and binds a cursor to its report and filters", async () => {
    const { owner, ws, report, first } = await setup();
    for (let i = 0; i < 5; i++)
      await call("POST", path(report.id), {
        as: owner,
        json: { passageId: first.id, start: i, end: i + 3, kind: i % 2 ? "question" : "comment", body: `n${i}` },
      });
    const page1 = await call("GET", `${path(report.id)}?kind=comment&limit=2`, { as: owner });
    expect(page1.body.annotations.map((a: { body: string }) => a.body)).toEqual(["n0", "n2"]);
    const cursor = encodeURIComponent(page1.body.nextCursor);
    const page2 = await call("GET", `${path(report.id)}?kind=comment&limit=2&cursor=${cursor}`, { as: owner });
    expect(page2.body.annotations.map((a: { body: string }) => a.body)).toEqual(["n4"]);
    expect(page2.body.nextCursor).toBeNull();

    // The same cursor under other filters, or for another report, is refused rather than misread.
    const otherFilters = await call("GET", `${path(report.id)}?kind=question&limit=2&cursor=${cursor}`, { as: owner });
    expect(otherFilters.status).toBe(400);
    expect(otherFilters.body.error.code).toBe("bad_request");
    const other = await newReport(owner, ws.id);
    expect((await call("GET", `${path(other.id)}?kind=comment&limit=2&cursor=${cursor}`, { as: owner })).status).toBe(400);
  });

  it("refuses a tampered cursor (400) and a limit out of range (422)", async () => {
    const { owner, report, first } = await setup();
    for (let i = 0; i < 3; i++) await call("POST", path(report.id), { as: owner, json: { passageId: first.id, start: i, end: i + 3 } });
    const { nextCursor } = (await call("GET", `${path(report.id)}?limit=1`, { as: owner })).body;
    const [body, mac] = nextCursor.split(".");
    const payload = JSON.parse(Buffer.from(body, "base64url").toString());
    payload.k[0] = 0;
    const forged = `${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${mac}`;
    for (const bad of [forged, "nonsense", `${body}.${mac}x`, "a".repeat(600)]) {
      const res = await call("GET", `${path(report.id)}?cursor=${encodeURIComponent(bad)}`, { as: owner });
      expect(res.status).toBe(400);
    }
    for (const limit of ["0", "501", "abc", "2.5"]) {
      const res = await call("GET", `${path(report.id)}?limit=${limit}`, { as: owner });
      expect(res.status).toBe(422);
      expect(res.body.error.details.issues[0].path).toBe("limit");
    }
    const dflt = await call("GET", path(report.id), { as: owner });
    expect(dflt.body.annotations).toHaveLength(3);
    expect(dflt.body.nextCursor).toBeNull();
  });
});
