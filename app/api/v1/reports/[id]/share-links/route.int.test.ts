import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { baseUrl, call, newAnnotation, randomAddress, teamWorkspace, type TestUser } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";

const links = (reportId: string) => `/api/v1/reports/${reportId}/share-links`;
const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!;
const DAY = 24 * 60 * 60 * 1000;

async function share(as: TestUser, reportId: string, json: Record<string, unknown> = { annotations: "team" }) {
  const res = await call("POST", links(reportId), { as, json });
  if (res.status !== 201) throw new Error(`share failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; url: string; annotations: string; notes: boolean; expiresAt: string | null; createdAt: string };
}

/** Text as React writes it into a page. */
const inHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/** The share page as someone without an account sees it: no cookie, an address of its own. */
async function openShared(url: string, address = randomAddress()): Promise<{ status: number; html: string; headers: Headers }> {
  const res = await fetch(baseUrl() + new URL(url).pathname, { headers: { "x-forwarded-for": address }, redirect: "manual" });
  return { status: res.status, html: await res.text(), headers: res.headers };
}

describe("POST /api/v1/reports/{id}/share-links", () => {
  it("makes a link (201 { id, url, annotations, expiresAt, createdAt }) on NEXTAUTH_URL, for editors and owners", async () => {
    const { report, people } = await teamWorkspace();
    for (const as of [people.editor, people.owner]) {
      const res = await call("POST", links(report.id), { as, json: { annotations: "none" } });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ annotations: "none", notes: false, expiresAt: null, viewCount: 0 });
      expect(typeof res.body.id).toBe("string");
      expect(Date.parse(res.body.createdAt)).not.toBeNaN();
      expect(res.body.url).toMatch(new RegExp(`^${baseUrl()}/s/[A-Za-z0-9_-]{43}$`));
    }
  });

  it("stores the token's SHA-256 and the token sealed, never in the clear; the list gives the same url back", async () => {
    const { report, people } = await teamWorkspace();
    const made = await share(people.editor, report.id);
    const token = tokenOf(made.url);
    const [row] = await query("SELECT * FROM share_links WHERE id = $1", [made.id]);
    expect(row.token_hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    const list = await call("GET", links(report.id), { as: people.owner });
    expect(list.status).toBe(200);
    expect(list.body.shareLinks[0]).toMatchObject({ id: made.id, url: made.url });
  });

  it("takes an expiry as a day (to its end, UTC) or a time, and the team notes only with the team's annotations", async () => {
    const { report, people } = await teamWorkspace();
    const day = new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10);
    const byDay = await share(people.editor, report.id, { annotations: "team", notes: true, expiresAt: day });
    expect(byDay).toMatchObject({ notes: true, expiresAt: new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString() });
    const time = new Date(Date.now() + 2 * 60 * 60 * 1000).toISOString();
    const byTime = await share(people.editor, report.id, { annotations: "none", expiresAt: time });
    expect(byTime.expiresAt).toBe(time);
  });

  it("refuses bad bodies with 422 naming the field, and a body that is not JSON with 400", async () => {
    const { report, people } = await teamWorkspace();
    const past = new Date(Date.now() - 60_000).toISOString();
    const bad: [unknown, string][] = [
      [{}, "annotations"],
      [{ annotations: "all" }, "annotations"],
      [{ annotations: "team", notes: "yes" }, "notes"],
      [{ annotations: "none", notes: true }, "notes"],
      [{ annotations: "team", expiresAt: "2026-02-30" }, "expiresAt"],
      [{ annotations: "team", expiresAt: "next week" }, "expiresAt"],
      [{ annotations: "team", expiresAt: past }, "expiresAt"],
      [{ annotations: "team", expiresAt: "2020-01-01" }, "expiresAt"],
    ];
    for (const [json, field] of bad) {
      const res = await call("POST", links(report.id), { as: people.editor, json });
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect(res.body.error.code).toBe("validation_failed");
      expect(res.body.error.details.issues[0].path).toBe(field);
    }
    expect((await call("POST", links(report.id), { as: people.editor, raw: "{nope" })).status).toBe(400);
    expect((await query("SELECT count(*)::int AS n FROM share_links WHERE report_id = $1", [report.id]))[0].n).toBe(0);
  });

  it("answers 403 to viewers and annotators, 404 to a stranger and for an unknown report, 401 without identity", async () => {
    const { report, people } = await teamWorkspace();
    for (const as of [people.viewer, people.annotator]) {
      const post = await call("POST", links(report.id), { as, json: { annotations: "team" } });
      expect(post.status).toBe(403);
      expect(post.body.error.code).toBe("forbidden");
      expect((await call("GET", links(report.id), { as })).status).toBe(403);
    }
    const stranger = await call("POST", links(report.id), { as: people.stranger, json: { annotations: "team" } });
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.code).toBe("not_found");
    expect((await call("GET", links(report.id), { as: people.stranger })).status).toBe(404);
    expect((await call("POST", links("unknownreport123"), { as: people.editor, json: { annotations: "team" } })).status).toBe(404);
    expect((await call("POST", links(report.id), { json: { annotations: "team" } })).status).toBe(401);
    expect((await query("SELECT count(*)::int AS n FROM share_links WHERE report_id = $1", [report.id]))[0].n).toBe(0);
  });

  it("records the link in the report's activity", async () => {
    const { report, people } = await teamWorkspace();
    await share(people.editor, report.id);
    const feed = await call("GET", `/api/v1/reports/${report.id}/activity`, { as: people.viewer });
    expect(feed.body.items[0].summary).toBe("Edna Editor made a read-only share link");
    expect(JSON.stringify(feed.body)).not.toContain("/s/");
  });
});

describe("GET /api/v1/reports/{id}/share-links", () => {
  it("lists the report's links newest first with their view counts, paged, without revoked ones", async () => {
    const { report, people } = await teamWorkspace();
    const first = await share(people.editor, report.id, { annotations: "none" });
    const second = await share(people.owner, report.id);
    const gone = await share(people.owner, report.id);
    expect((await call("DELETE", `/api/v1/share-links/${gone.id}`, { as: people.owner })).status).toBe(204);
    expect((await openShared(first.url)).status).toBe(200);
    expect((await openShared(first.url)).status).toBe(200);

    const list = await call("GET", links(report.id), { as: people.editor });
    expect(list.status).toBe(200);
    expect(list.body.nextCursor).toBeNull();
    expect(list.body.shareLinks.map((l: { id: string }) => l.id)).toEqual([second.id, first.id]);
    expect(list.body.shareLinks[1]).toMatchObject({ viewCount: 2, createdBy: { name: "Edna Editor" }, annotations: "none" });
    expect(Date.parse(list.body.shareLinks[1].lastViewedAt)).not.toBeNaN();

    const page = await call("GET", `${links(report.id)}?limit=1`, { as: people.editor });
    expect(page.body.shareLinks).toHaveLength(1);
    expect(typeof page.body.nextCursor).toBe("string");
    expect((await call("GET", `${links(report.id)}?limit=0`, { as: people.editor })).status).toBe(422);
  });
});

describe("GET /s/{token}", () => {
  async function sharedTeam() {
    const team = await teamWorkspace();
    const { report, people } = team;
    const shared = await newAnnotation(people.author, report, {
      kind: "comment",
      body: 'Shared remark, ask [@ id="' + people.viewer.id + '" label="Vera Viewer"]',
      visibility: "workspace",
    });
    const secret = await newAnnotation(
      people.author,
      report,
      { kind: "comment", body: "Private musing never to leave", visibility: "private" },
      1,
    );
    const claim = await newAnnotation(
      people.annotator,
      report,
      { kind: "claim", claimSummary: "Storage grew fast", visibility: "workspace" },
      2,
    );
    await call("PUT", `/api/v1/annotations/${claim.id}/stance`, { as: people.editor, json: { stance: "disputes", note: "Not in 2017." } });
    await call("PUT", `/api/v1/annotations/${claim.id}/verdict`, { as: people.editor, json: { verdict: "contested" } });
    await call("POST", `/api/v1/annotations/${shared.id}/replies`, { as: people.annotator, json: { body: "A reply in the thread" } });
    await call("PUT", `/api/v1/reports/${report.id}/notes`, {
      as: people.annotator,
      json: { body: "Team conclusion: contested.", version: 0 },
    });
    return { ...team, shared, secret, claim };
  }

  it("shows the text, shared annotations, replies, stances and verdicts; never a private one, an email, an id or the members", async () => {
    const { report, people, secret, shared } = await sharedTeam();
    const link = await share(people.editor, report.id, { annotations: "team", notes: false });
    const page = await openShared(link.url);
    expect(page.status).toBe(200);
    const html = page.html;
    expect(html).toContain(inHtml(report.passages[3].text.slice(0, 40)));
    expect(html).toContain("Shared remark");
    expect(html).toContain("@Vera Viewer");
    expect(html).toContain("A reply in the thread");
    expect(html).toContain("Storage grew fast");
    expect(html).toContain("Not in 2017.");
    expect(html).toContain("Verdict: Contested");
    expect(html).toContain("Aziz Author");
    expect(html).not.toContain("Private musing");
    expect(html).not.toContain(secret.id);
    expect(html).not.toContain("Team conclusion");
    for (const person of Object.values(people)) {
      expect(html).not.toContain(person.email);
      expect(html).not.toContain(person.id);
    }
    // Members who wrote nothing shared do not appear: there is no member list.
    expect(html).not.toContain("Olive Owner");
    expect(html).not.toContain(shared.author.id);
    // Not for search engines, previews well, and never opens the live stream or search.
    expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"/);
    expect(html).toContain(`<meta property="og:title" content="${inHtml(report.title)}"`);
    expect(html).toMatch(/<meta property="og:description" content="[^"]+"/);
    expect(html).not.toContain("/events");
    expect(html).not.toMatch(/type="search"/);
  });

  it("shows the team notes only when the link says so, and no annotations with annotations: none", async () => {
    const { report, people } = await sharedTeam();
    const withNotes = await openShared((await share(people.editor, report.id, { annotations: "team", notes: true })).url);
    expect(withNotes.html).toContain("Team conclusion: contested.");
    const textOnly = await openShared((await share(people.editor, report.id, { annotations: "none" })).url);
    expect(textOnly.status).toBe(200);
    expect(textOnly.html).toContain(inHtml(report.passages[3].text.slice(0, 40)));
    expect(textOnly.html).not.toContain("Shared remark");
    expect(textOnly.html).not.toContain("Team conclusion");
    expect(textOnly.html).not.toContain("Aziz Author");
  });

  it("is a plain 404 for an unknown, malformed, revoked or expired token", async () => {
    const { report, people } = await teamWorkspace();
    const expired = await share(people.editor, report.id);
    await query("UPDATE share_links SET expires_at = now() - interval '1 minute' WHERE id = $1", [expired.id]);
    const revoked = await share(people.editor, report.id);
    await call("DELETE", `/api/v1/share-links/${revoked.id}`, { as: people.editor });
    for (const url of [expired.url, revoked.url, `${baseUrl()}/s/${"A".repeat(43)}`, `${baseUrl()}/s/short`]) {
      const res = await openShared(url);
      expect(res.status, url).toBe(404);
      expect(res.html).not.toContain(report.title);
    }
    const [row] = await query("SELECT view_count FROM share_links WHERE id = $1", [expired.id]);
    expect(row.view_count).toBe(0);
  });

  it("limits views per address: past the limit the page says so and counts nothing", async () => {
    const { report, people } = await teamWorkspace();
    const link = await share(people.editor, report.id, { annotations: "none" });
    const address = randomAddress();
    await query(
      `INSERT INTO rate_limits (key, points, expire) VALUES ($1, 120, (extract(epoch FROM now()) * 1000)::bigint + 600000)
       ON CONFLICT (key) DO UPDATE SET points = 120, expire = (extract(epoch FROM now()) * 1000)::bigint + 600000`,
      [`share_view_addr:${address}`],
    );
    const page = await openShared(link.url, address);
    expect(page.html).toContain("Too many views");
    expect(page.html).not.toContain(inHtml(report.passages[3].text.slice(0, 40)));
    expect((await openShared(link.url)).status).toBe(200);
    const [row] = await query("SELECT view_count FROM share_links WHERE id = $1", [link.id]);
    expect(row.view_count).toBe(1);
  });
});
