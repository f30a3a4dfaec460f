/**
 * Cross-site request protection: a write sent with the session cookie must
 * come from the app's own origin, one route family at a time; a personal
 * access token is not affected; a body that does not say it is JSON (or, on
 * the upload endpoints, multipart) is refused with 415.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { baseUrl, call, newAnnotation, newUser, teamWorkspace, type TestUser } from "@/lib/testing/api";
import { query } from "@/lib/testing/db";

type Team = Awaited<ReturnType<typeof teamWorkspace>>;
let team: Team;
let owner: TestUser;

beforeAll(async () => {
  team = await teamWorkspace();
  owner = team.people.owner;
});

/** Another port of the same host (same site: SameSite=Lax lets the cookie through), and another site. */
const SIBLING = () => {
  const url = new URL(baseUrl());
  return `${url.protocol}//${url.hostname}:${Number(url.port) + 7}`;
};
const FOREIGN_ORIGINS = () => [SIBLING(), "https://evil.example", "null"];

type Body =
  | { json: unknown }
  | { form: Record<string, string> }
  | { multipart: Record<string, string | Blob> }
  | { raw: string }
  | Record<string, never>;

interface Write {
  family: string;
  method: string;
  path: string | (() => Promise<string> | string);
  body: Body;
  /** Rows that must not change when the write is refused. */
  count?: () => Promise<number>;
}

/** A raw request with the owner's cookie and exactly the headers given (a browser's, or an attacker page's). */
async function send(
  method: string,
  path: string,
  body: Body,
  headers: Record<string, string>,
  as: { cookie?: string; token?: string } = { cookie: owner.cookie },
) {
  const h: Record<string, string> = { ...headers };
  if (as.cookie) h.cookie = as.cookie;
  if (as.token) h.authorization = `Bearer ${as.token}`;
  let payload: BodyInit | undefined;
  if ("json" in body) {
    payload = JSON.stringify(body.json);
    h["content-type"] ??= "application/json";
  } else if ("form" in body) {
    payload = new URLSearchParams(body.form);
  } else if ("multipart" in body) {
    const form = new FormData();
    for (const [k, v] of Object.entries(body.multipart)) form.append(k, v);
    payload = form;
  } else if ("raw" in body) {
    payload = new Blob([body.raw]); // no type at all: what `fetch(url, { body: string-as-blob })` from any page sends
  }
  const res = await fetch(baseUrl() + path, { method, headers: h, body: payload, redirect: "manual" });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const count =
  (sql: string, ...params: unknown[]) =>
  async () =>
    Number((await query<{ n: string }>(sql, params))[0].n);
const annotationCount = () => count("SELECT count(*) AS n FROM annotations WHERE report_id = $1", team.report.id)();

const writes = (): Write[] => [
  {
    family: "workspaces",
    method: "POST",
    path: "/api/v1/workspaces",
    body: { json: { name: "Planted" } },
    count: count("SELECT count(*) AS n FROM workspaces WHERE name = 'Planted'"),
  },
  {
    family: "members",
    method: "POST",
    path: () => `/api/v1/workspaces/${team.ws.id}/members`,
    body: { json: { email: team.people.stranger.email, role: "owner" } },
    count: count("SELECT count(*) AS n FROM memberships WHERE workspace_id = $1", team.ws.id),
  },
  {
    family: "members",
    method: "DELETE",
    path: () => `/api/v1/workspaces/${team.ws.id}/members/${team.people.viewer.id}`,
    body: {},
    count: count("SELECT count(*) AS n FROM memberships WHERE workspace_id = $1", team.ws.id),
  },
  {
    family: "report import (upload)",
    method: "POST",
    path: () => `/api/v1/workspaces/${team.ws.id}/reports`,
    body: { multipart: { file: new Blob(["# Planted\n\nText."], { type: "text/markdown" }), title: "Planted" } },
    count: count("SELECT count(*) AS n FROM reports WHERE workspace_id = $1", team.ws.id),
  },
  {
    family: "report import (JSON without a type)",
    method: "POST",
    path: () => `/api/v1/workspaces/${team.ws.id}/reports`,
    body: { raw: JSON.stringify({ format: "text", content: "Planted text." }) },
    count: count("SELECT count(*) AS n FROM reports WHERE workspace_id = $1", team.ws.id),
  },
  {
    family: "report versions (upload)",
    method: "POST",
    path: () => `/api/v1/reports/${team.report.id}/versions`,
    body: { multipart: { file: new Blob(["Planted."], { type: "text/plain" }) } },
    count: count("SELECT count(*) AS n FROM report_versions WHERE report_id = $1", team.report.id),
  },
  { family: "report details", method: "PATCH", path: () => `/api/v1/reports/${team.report.id}`, body: { json: { title: "Planted" } } },
  {
    family: "annotations (no Content-Type)",
    method: "POST",
    path: () => `/api/v1/reports/${team.report.id}/annotations`,
    body: { raw: JSON.stringify({ passageId: team.report.passages[0].id, start: 0, end: 3, body: "planted" }) },
    count: annotationCount,
  },
  {
    family: "annotations (JSON)",
    method: "POST",
    path: () => `/api/v1/reports/${team.report.id}/annotations`,
    body: { json: { passageId: team.report.passages[0].id, start: 0, end: 3, body: "planted" } },
    count: annotationCount,
  },
  {
    family: "annotation edit",
    method: "PATCH",
    path: async () => `/api/v1/annotations/${(await newAnnotation(owner, team.report, { body: "x" })).id}`,
    body: { json: { body: "planted" } },
  },
  {
    family: "annotation delete",
    method: "DELETE",
    path: async () => `/api/v1/annotations/${(await newAnnotation(owner, team.report, { body: "x" })).id}`,
    body: {},
  },
  {
    family: "annotation restore (form-encoded)",
    method: "POST",
    path: async () => `/api/v1/annotations/${(await newAnnotation(owner, team.report, { body: "x" })).id}/restore`,
    body: { form: { a: "1" } },
  },
  {
    family: "annotation anchor",
    method: "PUT",
    path: async () => `/api/v1/annotations/${(await newAnnotation(owner, team.report, { body: "x" })).id}/anchor`,
    body: { json: { passageId: team.report.passages[1].id, start: 0, end: 2 } },
  },
  {
    family: "replies",
    method: "POST",
    path: async () => `/api/v1/annotations/${(await newAnnotation(owner, team.report, { body: "x" })).id}/replies`,
    body: { json: { body: "planted" } },
    count: count("SELECT count(*) AS n FROM replies WHERE body = 'planted'"),
  },
  {
    family: "stance",
    method: "PUT",
    path: async () => `/api/v1/annotations/${(await newAnnotation(owner, team.report, { kind: "claim", body: "x" })).id}/stance`,
    body: { json: { stance: "disputes" } },
    count: count("SELECT count(*) AS n FROM claim_stances"),
  },
  {
    family: "verdict",
    method: "PUT",
    path: async () => `/api/v1/annotations/${(await newAnnotation(owner, team.report, { kind: "claim", body: "x" })).id}/verdict`,
    body: { json: { verdict: "refuted" } },
  },
  {
    family: "tags",
    method: "POST",
    path: () => `/api/v1/workspaces/${team.ws.id}/tags`,
    body: { json: { name: "planted" } },
    count: count("SELECT count(*) AS n FROM tags WHERE workspace_id = $1", team.ws.id),
  },
  {
    family: "notes",
    method: "PUT",
    path: () => `/api/v1/reports/${team.report.id}/notes`,
    body: { json: { body: "planted", version: 0 } },
  },
  {
    family: "tokens (creation)",
    method: "POST",
    path: "/api/v1/tokens",
    body: { json: { name: "planted" } },
    count: count("SELECT count(*) AS n FROM api_tokens WHERE name = 'planted'"),
  },
  { family: "notifications", method: "POST", path: "/api/v1/notifications/read", body: { json: { all: true } } },
  {
    family: "presence",
    method: "POST",
    path: () => `/api/v1/reports/${team.report.id}/presence`,
    body: { json: { sessionId: "attacker-session-1" } },
  },
  {
    family: "annotation import (upload)",
    method: "POST",
    path: () => `/api/v1/reports/${team.report.id}/annotations/import`,
    body: { multipart: { file: new Blob(["[]"], { type: "application/json" }) } },
    count: annotationCount,
  },
];

describe("cookie-authenticated writes from another origin", () => {
  it("are refused with 403 cross_origin in every route family, and write nothing", async () => {
    for (const w of writes()) {
      const path = typeof w.path === "string" ? w.path : await w.path();
      for (const origin of FOREIGN_ORIGINS()) {
        const before = await w.count?.();
        const res = await send(w.method, path, w.body, { origin });
        expect(res.status, `${w.family} ${w.method} ${path} from ${origin}: ${JSON.stringify(res.body)}`).toBe(403);
        expect(res.body.error.code, w.family).toBe("cross_origin");
        if (w.count) expect(await w.count(), `${w.family}: nothing written`).toBe(before);
      }
    }
    const report = await call("GET", `/api/v1/reports/${team.report.id}`, { as: { token: owner.token } });
    expect(report.body.title).not.toBe("Planted");
  });

  it("without Origin, go by Sec-Fetch-Site, then by the Referer; with none of them they are refused", async () => {
    const path = "/api/v1/workspaces";
    const body = { json: { name: "Fallback" } };
    expect((await send("POST", path, body, { "sec-fetch-site": "same-site" })).status).toBe(403);
    expect((await send("POST", path, body, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await send("POST", path, body, { "sec-fetch-site": "same-origin" })).status).toBe(201);
    expect((await send("POST", path, body, { referer: `${SIBLING()}/page` })).status).toBe(403);
    expect((await send("POST", path, body, { referer: `${baseUrl()}/w/x` })).status).toBe(201);
    const none = await send("POST", path, body, {});
    expect(none.status).toBe(403);
    expect(none.body.error.code).toBe("cross_origin");
  });

  it("are accepted from the app's own origin, and reads are never checked", async () => {
    const origin = new URL(baseUrl()).origin;
    expect((await send("POST", "/api/v1/workspaces", { json: { name: "Ours" } }, { origin })).status).toBe(201);
    expect((await send("POST", "/api/v1/tokens", { json: { name: "from the settings page" } }, { origin })).status).toBe(201);
    const a = await send(
      "POST",
      `/api/v1/reports/${team.report.id}/annotations`,
      { json: { passageId: team.report.passages[0].id, start: 0, end: 3 } },
      { origin },
    );
    expect(a.status).toBe(201);
    expect((await send("GET", `/api/v1/reports/${team.report.id}/annotations`, {}, { origin: "https://evil.example" })).status).toBe(200);
  });

  it("do not concern personal access tokens", async () => {
    const res = await send(
      "POST",
      `/api/v1/reports/${team.report.id}/annotations`,
      { json: { passageId: team.report.passages[0].id, start: 0, end: 3 } },
      { origin: "https://evil.example" },
      { token: owner.token },
    );
    expect(res.status).toBe(201);
  });
});

describe("request bodies must say what they are", () => {
  const origin = () => new URL(baseUrl()).origin;

  it("refuses a body without Content-Type with 415, from the app itself or with a token", async () => {
    const body = { raw: JSON.stringify({ passageId: team.report.passages[0].id, start: 0, end: 3 }) };
    const before = await annotationCount();
    const fromPage = await send("POST", `/api/v1/reports/${team.report.id}/annotations`, body, { origin: origin() });
    expect(fromPage.status).toBe(415);
    expect(fromPage.body.error.code).toBe("unsupported_media_type");
    const withToken = await send("POST", `/api/v1/reports/${team.report.id}/annotations`, body, {}, { token: owner.token });
    expect(withToken.status).toBe(415);
    const workspace = await send("POST", "/api/v1/workspaces", { raw: JSON.stringify({ name: "Untyped" }) }, {}, { token: owner.token });
    expect(workspace.status).toBe(415);
    expect(await annotationCount()).toBe(before);
  });

  it("refuses multipart and form bodies where JSON is expected (415), and takes uploads where they belong", async () => {
    const user: TestUser = await newUser();
    const ws = await call("POST", "/api/v1/workspaces", { as: user, json: { name: "Uploads" } });
    const multipart = await send("POST", "/api/v1/workspaces", { multipart: { name: "Multi" } }, {}, { token: user.token });
    expect(multipart.status).toBe(415);
    const form = await send("POST", `/api/v1/workspaces/${ws.body.id}/tags`, { form: { name: "form" } }, {}, { token: user.token });
    expect(form.status).toBe(415);
    const annotation = await newAnnotation(
      user,
      (
        await call(
          "GET",
          `/api/v1/reports/${(await call("POST", `/api/v1/workspaces/${ws.body.id}/reports`, { as: user, json: { format: "text", content: "One.\n\nTwo." } })).body.id}`,
          { as: user },
        )
      ).body,
    );
    await call("DELETE", `/api/v1/annotations/${annotation.id}`, { as: user });
    const restore = await send(
      "POST",
      `/api/v1/annotations/${annotation.id}/restore`,
      { form: { a: "1" } },
      { origin: origin() },
      { cookie: user.cookie },
    );
    expect(restore.status).toBe(415);
    const empty = await send("POST", `/api/v1/annotations/${annotation.id}/restore`, {}, { origin: origin() }, { cookie: user.cookie });
    expect(empty.status).toBe(200);
    const upload = await send(
      "POST",
      `/api/v1/workspaces/${ws.body.id}/reports`,
      { multipart: { file: new Blob(["# Uploaded\n\nText."], { type: "text/markdown" }) } },
      { origin: origin() },
      { cookie: user.cookie },
    );
    expect(upload.status).toBe(201);
  });
});
