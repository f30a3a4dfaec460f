/**
 * Every odd input is a 4xx (issue 17): control characters, lone surrogates, impossible
 * dates and out-of-range numbers, in every field of every endpoint that takes input,
 * are a 422 naming the field (a 404 for an id in the path), never a 500. The table below
 * lists each endpoint once with a valid request and its fields; every field gets every
 * odd value of its kind (lib/testing/odd-input.ts).
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { baseUrl, call, newAnnotation, newReport, newUser, newWorkspace, type Caller, type Report, type TestUser } from "@/lib/testing/api";
import {
  judge,
  oddValuesFor,
  postForm,
  queryString,
  RawJson,
  sendJson,
  withValue,
  type Expectation,
  type FieldKind,
  type Transport,
} from "@/lib/testing/odd-input";

interface Fixture {
  owner: TestUser;
  stranger: TestUser;
  ws: { id: string; slug: string };
  report: Report;
  annotationId: string;
  claimId: string;
  editedClaimId: string;
  replyId: string;
  tagName: string;
  tagId: string;
}

interface Field {
  key: string;
  kind: FieldKind;
  /** Where the 422 names it, when not `key` (a form's comma-separated authors are "authors.0"). */
  issue?: string;
  /** The answer every odd value gets, when the endpoint documents another than 422 (a cursor's 400). */
  expect?: Expectation;
  /** Answers for single odd values, by label. */
  overrides?: Record<string, Expectation>;
}

interface Endpoint {
  method: string;
  path: (f: Fixture) => string;
  transport: Transport;
  /** A request that succeeds (with `ok`), into which each odd value is put in turn. */
  valid: (f: Fixture) => Record<string, unknown> | Promise<Record<string, unknown>>;
  ok: number;
  fields: Field[];
  /** Token creation takes the session cookie only. */
  cookie?: boolean;
}

const SHORT_REPORT = "Water demand will exceed supply by 2030.\n\nDesalination capacity doubles unless energy prices rise.";
const CURSOR: Field = { key: "cursor", kind: "text", expect: [400] };
const LIMIT: Field = { key: "limit", kind: "int" };
const line = (key: string, more: Partial<Field> = {}): Field => ({ key, kind: "line", ...more });
const text = (key: string, more: Partial<Field> = {}): Field => ({ key, kind: "text", ...more });
const id = (key: string): Field => ({ key, kind: "id" });
const int = (key: string): Field => ({ key, kind: "int" });
const date = (key: string): Field => ({ key, kind: "date" });
const choice = (key: string, issue = key): Field => ({ key, kind: "choice", issue });

const METADATA: Field[] = [
  line("title"),
  line("subtitle"),
  line("authors.0"),
  line("publisher"),
  date("publishedAt"),
  choice("language"),
  { key: "sourceUrl", kind: "url" },
];
const metadata = () => ({
  title: "Odd input",
  subtitle: "A subtitle",
  authors: ["Ada Lovelace"],
  publisher: "Desk",
  publishedAt: "2024-02-29",
  language: "en",
  sourceUrl: "https://example.org/r",
});

let uniq = 0;
const unique = (name: string) => `${name} ${++uniq}`;

async function currentVersion(path: string, as: Caller): Promise<number> {
  return (await call("GET", path, { as })).body.version;
}

const list = (path: (f: Fixture) => string): Endpoint => ({
  method: "GET",
  path,
  transport: "query",
  valid: () => ({}),
  ok: 200,
  fields: [LIMIT, CURSOR],
});

const ENDPOINTS: Endpoint[] = [
  {
    method: "POST",
    path: () => "/api/register",
    transport: "json",
    valid: () => ({ name: "Odd Input", email: `odd-${randomUUID()}@test.local`, password: "a long enough password" }),
    ok: 201,
    // An invitation's code is checked before anything else: an odd one is a 422 at "invitation".
    fields: [line("name"), line("email"), text("password"), line("invitation")],
  },
  {
    method: "POST",
    path: () => "/api/v1/workspaces",
    transport: "json",
    valid: () => ({ name: "Odd desk" }),
    ok: 201,
    fields: [line("name")],
  },
  {
    method: "POST",
    path: (f) => `/api/v1/workspaces/${f.ws.id}/members`,
    transport: "json",
    valid: (f) => ({ email: f.stranger.email, role: "viewer" }),
    ok: 201,
    fields: [line("email"), choice("role")],
  },
  {
    method: "PATCH",
    path: (f) => `/api/v1/workspaces/${f.ws.id}/members/${f.owner.id}`,
    transport: "json",
    // The owner keeps their role: a valid request that changes nothing.
    valid: () => ({ role: "owner" }),
    ok: 200,
    fields: [choice("role")],
  },
  {
    method: "POST",
    path: (f) => `/api/v1/workspaces/${f.ws.id}/invitations`,
    transport: "json",
    valid: () => ({ email: `invited-${randomUUID()}@test.local`, role: "annotator" }),
    ok: 201,
    fields: [line("email"), choice("role")],
  },
  {
    method: "POST",
    path: (f) => `/api/v1/workspaces/${f.ws.id}/tags`,
    transport: "json",
    valid: () => ({ name: unique("Tag"), color: "#b45309", description: "When a passage\nneeds it." }),
    ok: 201,
    fields: [line("name"), choice("color"), text("description")],
  },
  {
    method: "PATCH",
    path: (f) => `/api/v1/tags/${f.tagId}`,
    transport: "json",
    valid: () => ({ name: unique("Renamed"), description: "Still\nused." }),
    ok: 200,
    fields: [line("name"), text("description")],
  },
  {
    method: "POST",
    path: (f) => `/api/v1/workspaces/${f.ws.id}/reports`,
    transport: "json",
    valid: () => ({ format: "text", content: SHORT_REPORT, ...metadata() }),
    ok: 201,
    fields: [
      ...METADATA,
      { key: "url", kind: "url" },
      // The report's text is a document: the importer refuses NUL, and text that is more
      // controls than letters, as binary (a 422 at "content"), and drops a stray few (a PDF's
      // form feeds, Word's vertical tabs). A long text is a long report.
      text("content", { overrides: { "a huge string": [201] } }),
    ],
  },
  {
    method: "POST",
    path: (f) => `/api/v1/workspaces/${f.ws.id}/reports`,
    transport: "form",
    valid: () => ({
      title: "Odd upload",
      subtitle: "A subtitle",
      authors: "Ada Lovelace, Grace Hopper",
      publisher: "Desk",
      publishedAt: "2024-02-29",
      language: "en",
      sourceUrl: "https://example.org/r",
    }),
    ok: 201,
    fields: [
      line("title"),
      line("subtitle"),
      line("authors", { issue: "authors.0" }),
      line("publisher"),
      date("publishedAt"),
      choice("language"),
      { key: "sourceUrl", kind: "url" },
    ],
  },
  { method: "PATCH", path: (f) => `/api/v1/reports/${f.report.id}`, transport: "json", valid: metadata, ok: 200, fields: METADATA },
  {
    method: "POST",
    path: (f) => `/api/v1/reports/${f.report.id}/annotations`,
    transport: "json",
    valid: (f) => ({
      passageId: f.report.passages[0].id,
      start: 0,
      end: 3,
      kind: "claim",
      visibility: "workspace",
      body: "A\n\nbody",
      claimSummary: "A claim",
      tags: [f.tagName],
    }),
    ok: 201,
    fields: [
      id("passageId"),
      int("start"),
      int("end"),
      text("body"),
      line("claimSummary"),
      line("tags.0"),
      text("quote"),
      choice("kind"),
      choice("visibility"),
    ],
  },
  {
    method: "PATCH",
    path: (f) => `/api/v1/annotations/${f.editedClaimId}`,
    transport: "json",
    valid: async (f) => ({
      body: "Edited\nbody",
      claimSummary: "Edited claim",
      tags: [f.tagName],
      status: "open",
      version: await currentVersion(`/api/v1/annotations/${f.editedClaimId}`, f.owner),
    }),
    ok: 200,
    fields: [text("body"), line("claimSummary"), line("tags.0"), choice("status"), int("version")],
  },
  {
    method: "PUT",
    path: (f) => `/api/v1/annotations/${f.annotationId}/anchor`,
    transport: "json",
    valid: (f) => ({ passageId: f.report.passages[0].id, start: 0, end: 3 }),
    ok: 200,
    fields: [id("passageId"), int("start"), int("end")],
  },
  {
    method: "POST",
    path: (f) => `/api/v1/annotations/${f.annotationId}/replies`,
    transport: "json",
    valid: () => ({ body: "A\nreply" }),
    ok: 201,
    fields: [text("body")],
  },
  {
    method: "PATCH",
    path: (f) => `/api/v1/replies/${f.replyId}`,
    transport: "json",
    valid: async (f) => ({
      body: "Edited\nreply",
      version: (await call("GET", `/api/v1/annotations/${f.annotationId}/replies`, { as: f.owner })).body.replies.find(
        (r: { id: string }) => r.id === f.replyId,
      ).version,
    }),
    ok: 200,
    fields: [text("body"), int("version")],
  },
  {
    method: "PUT",
    path: (f) => `/api/v1/annotations/${f.claimId}/stance`,
    transport: "json",
    valid: () => ({ stance: "disputes", note: "See\nthe appendix.", evidence: { url: "https://example.org/e" } }),
    ok: 200,
    fields: [choice("stance"), text("note"), { key: "evidence.url", kind: "url" }],
  },
  {
    method: "PUT",
    path: (f) => `/api/v1/annotations/${f.claimId}/stance`,
    transport: "json",
    valid: (f) => ({ stance: "supports", evidence: { passageId: f.report.passages[0].id } }),
    ok: 200,
    fields: [id("evidence.passageId")],
  },
  {
    method: "PUT",
    path: (f) => `/api/v1/annotations/${f.claimId}/stance`,
    transport: "json",
    valid: (f) => ({ stance: "supports", evidence: { annotationId: f.annotationId } }),
    ok: 200,
    fields: [id("evidence.annotationId")],
  },
  {
    method: "PUT",
    path: (f) => `/api/v1/annotations/${f.claimId}/verdict`,
    transport: "json",
    valid: () => ({ verdict: "contested" }),
    ok: 200,
    fields: [choice("verdict")],
  },
  {
    method: "PUT",
    path: (f) => `/api/v1/reports/${f.report.id}/notes`,
    transport: "json",
    valid: async (f) => ({
      body: "# Notes\n\nTabs\tstay.",
      version: await currentVersion(`/api/v1/reports/${f.report.id}/notes`, f.owner),
    }),
    ok: 200,
    // Notes may be long (200,000 characters): the huge string is a valid document.
    fields: [text("body", { overrides: { "a huge string": [200] } }), int("version")],
  },
  {
    method: "POST",
    path: () => "/api/v1/tokens",
    transport: "json",
    valid: () => ({ name: "Odd token" }),
    ok: 201,
    cookie: true,
    fields: [line("name")],
  },
  {
    method: "POST",
    path: () => "/api/v1/notifications/read",
    transport: "json",
    valid: () => ({ ids: ["cm0000000000000000000000a"] }),
    ok: 200,
    fields: [id("ids.0")],
  },
  {
    method: "POST",
    path: () => "/api/v1/notifications/read",
    transport: "json",
    valid: () => ({ all: true }),
    ok: 200,
    fields: [{ key: "all", kind: "flag" }],
  },
  {
    method: "POST",
    path: (f) => `/api/v1/reports/${f.report.id}/presence`,
    transport: "json",
    valid: () => ({ sessionId: "odd-input-session", passageIndex: 1 }),
    ok: 204,
    fields: [id("sessionId"), int("passageIndex"), { key: "leaving", kind: "flag" }],
  },
  {
    method: "GET",
    path: (f) => `/api/v1/workspaces/${f.ws.id}/search`,
    transport: "query",
    valid: () => ({ q: "water" }),
    ok: 200,
    // An absurdly long q is a plain 400, documented.
    fields: [
      line("q", { overrides: { "a huge string": [400] } }),
      choice("kind", "kind.0"),
      line("tag", { issue: "tag.0" }),
      { key: "author", kind: "id", issue: "author.0" },
      date("from"),
      date("to"),
      LIMIT,
      CURSOR,
    ],
  },
  {
    method: "GET",
    path: (f) => `/api/v1/reports/${f.report.id}/annotations`,
    transport: "query",
    valid: () => ({}),
    ok: 200,
    fields: [
      line("tag", { issue: "tag.0" }),
      { key: "author", kind: "id", issue: "author.0" },
      choice("kind", "kind.0"),
      choice("status", "status.0"),
      int("version"),
      LIMIT,
      CURSOR,
    ],
  },
  {
    method: "GET",
    path: (f) => `/api/v1/reports/${f.report.id}`,
    transport: "query",
    valid: () => ({}),
    ok: 200,
    fields: [int("version")],
  },
  {
    method: "GET",
    path: (f) => `/api/v1/reports/${f.report.id}/export`,
    transport: "query",
    valid: () => ({ format: "markdown" }),
    ok: 200,
    // An unknown format is a documented 400.
    fields: [
      date("from"),
      date("to"),
      choice("includeReplies"),
      choice("includePrivate"),
      line("tag", { issue: "tag.0" }),
      { key: "author", kind: "id", issue: "author.0" },
      { key: "format", kind: "choice", expect: [400] },
    ],
  },
  {
    method: "GET",
    path: (f) => `/api/v1/workspaces/${f.ws.id}/export`,
    transport: "query",
    valid: () => ({}),
    ok: 200,
    fields: [date("from"), date("to"), choice("includePrivate")],
  },
  {
    method: "GET",
    path: (f) => `/api/v1/workspaces/${f.ws.id}/activity`,
    transport: "query",
    valid: () => ({}),
    ok: 200,
    fields: [LIMIT, CURSOR, id("actor")],
  },
  {
    method: "GET",
    path: (f) => `/api/v1/reports/${f.report.id}/activity`,
    transport: "query",
    valid: () => ({}),
    ok: 200,
    fields: [LIMIT, CURSOR, id("actor")],
  },
  list(() => "/api/v1/workspaces"),
  list((f) => `/api/v1/workspaces/${f.ws.id}/reports`),
  list((f) => `/api/v1/workspaces/${f.ws.id}/members`),
  list((f) => `/api/v1/workspaces/${f.ws.id}/invitations`),
  list((f) => `/api/v1/workspaces/${f.ws.id}/tags`),
  list(() => "/api/v1/tokens"),
  list(() => "/api/v1/notifications"),
  list((f) => `/api/v1/annotations/${f.annotationId}/replies`),
  list((f) => `/api/v1/annotations/${f.annotationId}/history`),
  list((f) => `/api/v1/reports/${f.report.id}/versions`),
  list((f) => `/api/v1/reports/${f.report.id}/orphans`),
];

let f: Fixture;

beforeAll(async () => {
  const owner = await newUser("Odd Owner");
  const stranger = await newUser("Odd Stranger");
  const ws = await newWorkspace(owner, "Odd input");
  const report = await newReport(owner, ws.id, SHORT_REPORT);
  const tagName = "Method";
  expect((await call("POST", `/api/v1/workspaces/${ws.id}/tags`, { as: owner, json: { name: tagName } })).status).toBe(201);
  const patched = await call("POST", `/api/v1/workspaces/${ws.id}/tags`, { as: owner, json: { name: "To rename" } });
  const annotation = await newAnnotation(owner, report, { body: "A comment" });
  const claim = await newAnnotation(owner, report, { kind: "claim", claimSummary: "Demand exceeds supply" });
  const editedClaim = await newAnnotation(owner, report, { kind: "claim", claimSummary: "To edit" });
  const reply = await call("POST", `/api/v1/annotations/${annotation.id}/replies`, { as: owner, json: { body: "A reply" } });
  f = {
    owner,
    stranger,
    ws,
    report,
    annotationId: annotation.id,
    claimId: claim.id,
    editedClaimId: editedClaim.id,
    replyId: reply.body.id,
    tagName,
    tagId: patched.body.id,
  };
});

function send(endpoint: Endpoint, body: Record<string, unknown>, key?: string, raw?: string) {
  const as: Caller = endpoint.cookie ? { cookie: f.owner.cookie } : { token: f.owner.token };
  const path = endpoint.path(f);
  // A cookie request that changes something comes from the app's own origin, as a browser's would.
  const headers: Record<string, string> = endpoint.cookie ? { origin: baseUrl() } : {};
  if (endpoint.transport === "query")
    return call(endpoint.method, path + queryString(body as Record<string, string | string[]>, key, raw), { as });
  if (endpoint.transport === "form") return postForm(path, as, body as Record<string, string>);
  return sendJson(endpoint.method, path, as, body, headers);
}

for (const endpoint of ENDPOINTS) {
  describe(`${endpoint.method} ${endpoint.path({ ws: { id: "{workspace}" }, owner: { id: "{user}" }, report: { id: "{id}" }, annotationId: "{id}", claimId: "{id}", editedClaimId: "{id}", replyId: "{id}", tagId: "{id}" } as Fixture)} (${endpoint.transport})`, () => {
    it(`answers ${endpoint.ok} to the valid request`, async () => {
      const res = await send(endpoint, await endpoint.valid(f));
      expect(res.status, JSON.stringify(res.body)?.slice(0, 300)).toBe(endpoint.ok);
    });
    for (const field of endpoint.fields) {
      for (const value of oddValuesFor(field.kind, endpoint.transport)) {
        const expectation = field.overrides?.[value.label] ?? field.expect ?? value.expect;
        it(`${field.key}: ${value.label}`, async () => {
          const valid = await endpoint.valid(f);
          const res =
            endpoint.transport === "query"
              ? await send(endpoint, valid, field.key, value.value as string)
              : await send(endpoint, withValue(valid, field.key, value.value));
          expect(judge(res, expectation, field.issue ?? field.key)).toBeNull();
        });
      }
    }
  });
}

describe("an id in the path with characters no id has", () => {
  const ODD_IDS = ["%00", "a%01b", "%7F", "a%C2%85b", "%ED%A0%80", "x".repeat(300), "%E2%80%AEdi", "a%20b", "%25", "a%0Ab", "a.b"];
  const ROUTES: { method: string; path: (key: string) => string; body?: unknown }[] = [
    { method: "GET", path: (k) => `/api/v1/workspaces/${k}` },
    { method: "GET", path: (k) => `/api/v1/workspaces/${k}/search?q=water` },
    { method: "GET", path: (k) => `/api/v1/reports/${k}` },
    { method: "PATCH", path: (k) => `/api/v1/reports/${k}`, body: { title: "T" } },
    { method: "GET", path: (k) => `/api/v1/annotations/${k}` },
    // Served by the app server itself, ahead of Next.js (lib/http/annotation-post.ts).
    { method: "POST", path: (k) => `/api/v1/reports/${k}/annotations`, body: { passageId: "p", start: 0, end: 1 } },
    { method: "POST", path: (k) => `/api/v1/annotations/${k}/replies`, body: { body: "b" } },
    { method: "PATCH", path: (k) => `/api/v1/replies/${k}`, body: { body: "b", version: 1 } },
    { method: "PATCH", path: (k) => `/api/v1/tags/${k}`, body: { name: "n" } },
    { method: "DELETE", path: (k) => `/api/v1/tokens/${k}` },
    { method: "DELETE", path: (k) => `/api/v1/workspaces/${f?.ws.id ?? "{workspace}"}/members/${k}` },
    { method: "PATCH", path: (k) => `/api/v1/workspaces/${f?.ws.id ?? "{workspace}"}/members/${k}`, body: { role: "viewer" } },
    { method: "DELETE", path: (k) => `/api/v1/workspaces/${f?.ws.id ?? "{workspace}"}/invitations/${k}` },
    { method: "PUT", path: (k) => `/api/v1/reports/${k}/notes`, body: { body: "b", version: 0 } },
  ];
  for (const route of ROUTES) {
    for (const key of ODD_IDS) {
      it(`${route.method} ${route.path("{id}")} with ${key.length > 20 ? `${key.length} characters` : key}: 404`, async () => {
        const res = await call(route.method, route.path(key), {
          as: { token: f.owner.token },
          ...(route.body ? { json: route.body } : {}),
        });
        expect(judge(res, [404], ""), "").toBeNull();
        expect(res.body?.error?.code).toBe("not_found");
      });
    }
  }
});

describe("POST /api/v1/reports/{id}/annotations/import: odd values inside the file are repaired or skipped, never a 500", () => {
  const annotation = (patch: Record<string, unknown>, target: Record<string, unknown> = {}) => ({
    "@context": "http://www.w3.org/ns/anno.jsonld",
    type: "Annotation",
    motivation: "commenting",
    body: { type: "TextualBody", value: "A comment", purpose: "commenting" },
    target: {
      source: "urn:x",
      selector: [
        { type: "TextQuoteSelector", exact: "Water demand" },
        { type: "TextPositionSelector", start: 0, end: 12 },
      ],
      ...target,
    },
    ...patch,
  });
  const FILES: [string, unknown][] = [
    ["a NUL in the body", annotation({ body: { type: "TextualBody", value: "a\u0000b" } })],
    ["lone surrogates in the body", annotation({ body: { type: "TextualBody", value: "a\ud800b\udc00c" } })],
    [
      "controls in a tag",
      annotation({
        body: [
          { type: "TextualBody", value: "x" },
          { type: "TextualBody", purpose: "tagging", value: "a\u0000\u0001b" },
        ],
      }),
    ],
    ["a NUL in the creator", annotation({ creator: { name: "a\u0000b", id: "acct:\ud800" } })],
    ["created in the year 0000", annotation({ created: "0000-01-01T00:00:00Z" })],
    ["created in the year -271821", annotation({ created: "-271821-04-20T00:00:00Z" })],
    ["created in the year +275760", annotation({ created: "+275760-09-13T00:00:00Z" })],
    ["created on 2023-02-30", annotation({ created: "2023-02-30T00:00:00Z" })],
    ["a passage number past int4", annotation({ "marginalia:passage": 2_147_483_648 })],
    [
      "a position past int4",
      annotation(
        {},
        {
          selector: [
            { type: "TextQuoteSelector", exact: "Water demand" },
            { type: "TextPositionSelector", start: 2_147_483_648, end: 2_147_483_660 },
          ],
        },
      ),
    ],
    [
      "a position of 1e309",
      annotation(
        {},
        {
          selector: [
            { type: "TextQuoteSelector", exact: "Water demand" },
            { type: "TextPositionSelector", start: 0, end: new RawJson("1e309") },
          ],
        },
      ),
    ],
    ["a quote with NUL", annotation({}, { selector: [{ type: "TextQuoteSelector", exact: "Water\u0000", prefix: "\udc00" }] })],
  ];
  for (const [label, file] of FILES) {
    it(label, async () => {
      const res = await sendJson("POST", `/api/v1/reports/${f.report.id}/annotations/import`, { token: f.owner.token }, [file]);
      expect(judge(res, [200], "file")).toBeNull();
      expect(res.body.imported + res.body.skipped.length).toBe(1);
    });
  }
});

describe("bidi controls in names and titles", () => {
  it("removes overrides and isolates from a workspace name, keeping the text between them", async () => {
    const res = await call("POST", "/api/v1/workspaces", {
      as: { token: f.owner.token },
      json: { name: "\u202EAcme\u202C \u2067Desk\u2069" },
    });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe("Acme Desk");
    expect((await call("GET", `/api/v1/workspaces/${res.body.id}`, { as: { token: f.owner.token } })).body.name).toBe("Acme Desk");
  });

  it("removes them from a report title, round trip", async () => {
    const as = { token: f.owner.token };
    const patched = await call("PATCH", `/api/v1/reports/${f.report.id}`, { as, json: { title: "Annual \u202Dreport\u202C 2024\u2066" } });
    expect(patched.status).toBe(200);
    expect((await call("GET", `/api/v1/reports/${f.report.id}`, { as })).body.title).toBe("Annual report 2024");
  });

  it("keeps the marks Arabic text needs (U+200F, U+200E, U+061C)", async () => {
    const as = { token: f.owner.token };
    const title = "تقرير\u200F 2024 \u200Eversion\u200E \u061C١٢";
    expect((await call("PATCH", `/api/v1/reports/${f.report.id}`, { as, json: { title } })).status).toBe(200);
    expect((await call("GET", `/api/v1/reports/${f.report.id}`, { as })).body.title).toBe(title);
  });

  it("refuses a name that is nothing but bidi controls, as an empty one", async () => {
    const res = await call("POST", "/api/v1/workspaces", { as: { token: f.owner.token }, json: { name: "\u202E\u2066\u2069" } });
    expect(judge(res, "refused", "name")).toBeNull();
  });
});

describe("malformed JSON", () => {
  it("is a 400, also with a lone surrogate escape cut in half", async () => {
    const as = { token: f.owner.token };
    expect((await call("POST", "/api/v1/workspaces", { as, raw: '{"name": "\\ud8' })).status).toBe(400);
    expect((await call("POST", "/api/v1/workspaces", { as, raw: '{"name": "a\u0000b"' })).status).toBe(400);
  });
});
