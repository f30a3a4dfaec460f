/**
 * Helpers for integration tests: they talk to the running app over HTTP,
 * exactly as scripts do. `npm test` starts the app and sets the base URL.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROLES, type RoleName } from "../domain/words";

export function baseUrl(): string {
  const url = process.env.MARGINALIA_TEST_BASE_URL;
  if (!url) throw new Error("MARGINALIA_TEST_BASE_URL is not set: run integration tests with `npm test` (or `npm run test:integration`).");
  return url;
}

export interface Caller {
  token?: string;
  cookie?: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses are checked field by field in tests
export interface ApiResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function call<T = any>(
  method: string,
  urlPath: string,
  options: { as?: Caller; json?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.as?.token) headers.authorization = `Bearer ${options.as.token}`;
  if (options.as?.cookie) {
    headers.cookie = options.as.cookie;
    // As a browser does on every request that is not a GET: the app refuses cookie writes from elsewhere.
    if (!Object.keys(headers).some((k) => k.toLowerCase() === "origin")) headers.origin = new URL(baseUrl()).origin;
  }
  let body: string | undefined;
  if (options.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.json);
  } else if (options.raw !== undefined) {
    headers["content-type"] ??= "application/json";
    body = options.raw;
  }
  const res = await fetch(baseUrl() + urlPath, { method, headers, body, redirect: "manual" });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: pages, redirects
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

function cookiesFrom(res: Response, jar: Map<string, string>) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const [name, ...value] = pair.split("=");
    jar.set(name.trim(), value.join("="));
  }
}

/**
 * A made-up client address, sent as X-Forwarded-For: the test server trusts
 * one proxy (MARGINALIA_TRUST_PROXY=1), so each test user signs up and signs
 * in from an address of its own and the abuse limits, which count per
 * address, do not add up across the whole run.
 */
export function randomAddress(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

/** Signs in through NextAuth's own endpoints (csrf, then the credentials callback); the status and the cookie header (null when refused). */
export async function signInAttempt(
  email: string,
  password: string,
  address = randomAddress(),
  base = baseUrl(),
): Promise<{ status: number; cookie: string | null; body: unknown; headers: Headers }> {
  const jar = new Map<string, string>();
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  cookiesFrom(csrfRes, jar);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-forwarded-for": address,
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
    },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  cookiesFrom(res, jar);
  const text = await res.text();
  const session = [...jar.keys()].find((k) => k.endsWith("next-auth.session-token"));
  return {
    status: res.status,
    cookie: session ? [...jar].map(([k, v]) => `${k}=${v}`).join("; ") : null,
    body: text ? JSON.parse(text) : null,
    headers: res.headers,
  };
}

/** Signs out through NextAuth's own endpoint, as the user menu does (its CSRF token, from our origin). */
export async function signOut(cookie: string): Promise<number> {
  const csrf = await fetch(`${baseUrl()}/api/auth/csrf`, { headers: { cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl()}/api/auth/signout`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: new URL(baseUrl()).origin },
    body: new URLSearchParams({ csrfToken, json: "true" }),
    redirect: "manual",
  });
  return res.status;
}

/** Signs in; returns the cookie header, or null when refused. */
export async function signIn(email: string, password: string, address?: string): Promise<string | null> {
  return (await signInAttempt(email, password, address)).cookie;
}

export interface TestUser extends Caller {
  id: string;
  name: string;
  email: string;
  password: string;
  token: string;
  cookie: string;
}

/** A new user with a unique email, signed in, with a personal access token. */
export async function newUser(name = "Test User"): Promise<TestUser> {
  const email = `user-${randomUUID()}@test.local`;
  const password = `pw-${randomUUID()}`;
  const reg = await call("POST", "/api/register", { json: { email, name, password }, headers: { "x-forwarded-for": randomAddress() } });
  if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${JSON.stringify(reg.body)}`);
  const cookie = await signIn(email, password);
  if (!cookie) throw new Error("sign-in failed");
  const tok = await call("POST", "/api/v1/tokens", { as: { cookie }, json: { name: "tests" } });
  if (tok.status !== 201) throw new Error(`token failed: ${tok.status}`);
  return { id: reg.body.id, name, email, password, cookie, token: tok.body.token };
}

export async function newWorkspace(owner: Caller, name = "Test workspace"): Promise<{ id: string; slug: string; name: string }> {
  const res = await call("POST", "/api/v1/workspaces", { as: owner, json: { name } });
  if (res.status !== 201) throw new Error(`workspace failed: ${res.status}`);
  return res.body;
}

export async function addMember(owner: Caller, workspaceId: string, user: { email: string }, role: string) {
  const res = await call("POST", `/api/v1/workspaces/${workspaceId}/members`, { as: owner, json: { email: user.email, role } });
  if (res.status !== 201) throw new Error(`add member failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const sampleText = () => readFileSync(path.join(process.cwd(), "prisma", "seed", "normalization-report-intro.txt"), "utf8");

/** Imports a report and returns it with its passages. */
export async function newReport(user: Caller, workspaceId: string, content = sampleText(), format: "text" | "markdown" = "text") {
  const res = await call("POST", `/api/v1/workspaces/${workspaceId}/reports`, { as: user, json: { format, content } });
  if (res.status !== 201) throw new Error(`import failed: ${res.status} ${JSON.stringify(res.body)}`);
  const report = await call("GET", `/api/v1/reports/${res.body.id}`, { as: user });
  return report.body as { id: string; title: string; passages: { id: string; index: number; kind: string; text: string }[] };
}

export type Report = Awaited<ReturnType<typeof newReport>>;

export async function newAnnotation(user: Caller, report: Report, fields: Record<string, unknown> = {}, passage = 0) {
  const res = await call("POST", `/api/v1/reports/${report.id}/annotations`, {
    as: user,
    json: { passageId: report.passages[passage].id, start: 0, end: 3, ...fields },
  });
  if (res.status !== 201) throw new Error(`annotation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const ROLE_NAMES = ROLES;
export type Actor = RoleName | "stranger";
export const ACTORS: Actor[] = [...ROLE_NAMES, "stranger"];

/** A workspace with one member of each role, an extra annotator who authors things, and a stranger. */
export async function teamWorkspace() {
  const owner = await newUser("Olive Owner");
  const ws = await newWorkspace(owner, "Team");
  const people: Record<Actor, TestUser> & { author: TestUser } = {
    owner,
    editor: await newUser("Edna Editor"),
    annotator: await newUser("Anan Annotator"),
    viewer: await newUser("Vera Viewer"),
    stranger: await newUser("Sol Stranger"),
    author: await newUser("Aziz Author"),
  };
  await addMember(owner, ws.id, people.editor, "editor");
  await addMember(owner, ws.id, people.annotator, "annotator");
  await addMember(owner, ws.id, people.viewer, "viewer");
  await addMember(owner, ws.id, people.author, "annotator");
  const report = await newReport(owner, ws.id);
  return { ws, report, people };
}

/** A download: the raw bytes, with the status and headers, for files (exports) rather than JSON. */
export async function fetchBytes(urlPath: string, as: Caller): Promise<{ status: number; headers: Headers; bytes: Buffer; text: string }> {
  const headers: Record<string, string> = {};
  if (as.token) headers.authorization = `Bearer ${as.token}`;
  else if (as.cookie) headers.cookie = as.cookie;
  const res = await fetch(baseUrl() + urlPath, { headers, redirect: "manual" });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: bytes.toString("utf8") };
}
