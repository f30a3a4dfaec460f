import { describe, expect, it } from "vitest";
import { baseUrl, call, newReport, newUser, newWorkspace, type TestUser } from "@/lib/testing/api";
import { startSecondInstance } from "@/lib/testing/second-instance";
import { API_CONTENT_SECURITY_POLICY } from "./content-security-policy";
import { STRICT_TRANSPORT_SECURITY } from "./security-headers";

/** A page as a browser gets it: status, its policy and HSTS headers, and its HTML. */
async function getPage(path: string, options: { cookie?: string; origin?: string } = {}) {
  const res = await fetch((options.origin ?? baseUrl()) + path, {
    headers: options.cookie ? { cookie: options.cookie } : {},
    redirect: "manual",
  });
  return {
    status: res.status,
    policy: res.headers.get("content-security-policy"),
    hsts: res.headers.get("strict-transport-security"),
    html: await res.text(),
  };
}

/** The policy's directives by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

/** The nonce in the policy's script-src. */
function nonceOf(policy: string): string {
  const sources = directives(policy).get("script-src") ?? [];
  const nonces = sources.filter((s) => s.startsWith("'nonce-")).map((s) => s.slice("'nonce-".length, -1));
  expect(nonces, `one nonce in script-src: ${policy}`).toHaveLength(1);
  return nonces[0];
}

/** The nonce attribute of every <script> tag in the HTML (null where there is none). */
function scriptNonces(html: string): (string | null)[] {
  return [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => /\bnonce="([^"]*)"/.exec(m[0])?.[1] ?? null);
}

/** Everything a page's policy must say, and every script on the page carrying its nonce. */
function expectPagePolicy(page: Awaited<ReturnType<typeof getPage>>, what: string): string {
  expect(page.policy, `${what}: a Content-Security-Policy`).toBeTruthy();
  const policy = page.policy!;
  // Two headers would reach fetch joined by a comma, and a browser would enforce both.
  expect(policy, `${what}: one policy`).not.toContain(",");
  const d = directives(policy);
  const nonce = nonceOf(policy);
  expect(nonce.length, "a nonce of 128 bits or more").toBeGreaterThanOrEqual(22);
  expect(d.get("script-src")).toContain("'strict-dynamic'");
  expect(d.get("script-src")).not.toContain("'unsafe-inline'");
  expect(d.get("script-src"), "eval only under next dev").not.toContain("'unsafe-eval'");
  expect(d.get("object-src")).toEqual(["'none'"]);
  expect(d.get("base-uri")).toEqual(["'none'"]);
  expect(d.get("frame-ancestors")).toEqual(["'none'"]);
  expect(d.get("form-action")).toEqual(["'self'"]);
  expect(d.get("connect-src")).toContain("'self'");
  const nonces = scriptNonces(page.html);
  expect(nonces.length, `${what}: Next.js's scripts are on the page`).toBeGreaterThan(0);
  expect(nonces, `${what}: every script carries the header's nonce`).toEqual(nonces.map(() => nonce));
  return nonce;
}

async function readerOf(user: TestUser) {
  const ws = await newWorkspace(user);
  const report = await newReport(user, ws.id, "Water report\n\nRainfall fell by a third.");
  return { ws, report, path: `/w/${ws.slug}/r/${report.id}` };
}

describe("Content-Security-Policy of pages (proxy.ts)", () => {
  it("gives the sign-in, register and not-found pages a policy whose nonce is on every script", async () => {
    for (const path of ["/signin", "/register"]) {
      const page = await getPage(path);
      expect(page.status, path).toBe(200);
      expectPagePolicy(page, path);
    }
    // The 404 page was prerendered at build time, without a nonce, before every page was made dynamic.
    const missing = await getPage("/no-such-page");
    expect(missing.status).toBe(404);
    expect(missing.html).toContain("Page not found");
    expectPagePolicy(missing, "the not-found page");
  });

  it("gives every request a nonce of its own", async () => {
    const [a, b] = [await getPage("/signin"), await getPage("/signin")];
    expect(expectPagePolicy(a, "first")).not.toBe(expectPagePolicy(b, "second"));
  });

  it("gives the reader, the print page and a report not found a policy, and lets them connect to the collaboration server the notes' ticket names", async () => {
    const user = await newUser();
    const { report, path } = await readerOf(user);
    const ticket = await call("GET", `/api/v1/reports/${report.id}/notes/collab`, { as: { cookie: user.cookie } });
    expect(ticket.status).toBe(200);
    const collabOrigin = new URL(ticket.body.url).origin;
    expect(collabOrigin).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);

    const reader = await getPage(path, { cookie: user.cookie });
    expect(reader.status).toBe(200);
    expectPagePolicy(reader, "the reader");
    expect(directives(reader.policy!).get("connect-src")).toEqual(["'self'", collabOrigin]);

    const print = await getPage(`${path}/print`, { cookie: user.cookie });
    expect(print.status).toBe(200);
    expectPagePolicy(print, "the print page");

    const stranger = await getPage(`/w/${"nope"}/r/${report.id}`, { cookie: user.cookie });
    expect(stranger.status).toBe(404);
    expectPagePolicy(stranger, "a report not found");
  });

  it("sends no HSTS over plain http (NEXTAUTH_URL is http here)", async () => {
    expect((await getPage("/signin")).hsts).toBeNull();
    expect(directives((await getPage("/signin")).policy!).has("upgrade-insecure-requests")).toBe(false);
  });
});

describe("Content-Security-Policy of API answers", () => {
  it("answers Next.js's API routes with the strict policy alone, and no HSTS over http", async () => {
    const user = await newUser();
    for (const res of [await call("GET", "/api/v1/me", { as: user }), await call("GET", "/api/v1/me")]) {
      expect(res.headers.get("content-security-policy")).toBe(API_CONTENT_SECURITY_POLICY);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("strict-transport-security")).toBeNull();
    }
  });

  it("answers the app server's own annotation POST with it too, on its quick road and through the route", async () => {
    const user = await newUser();
    const { report } = await readerOf(user);
    const body = { passageId: report.passages[0].id, start: 0, end: 8 };
    const quick = await call("POST", `/api/v1/reports/${report.id}/annotations`, { as: { token: user.token }, json: body });
    const throughRoute = await call("POST", `/api/v1/reports/${report.id}/annotations`, {
      as: { cookie: user.cookie },
      json: body,
      headers: { origin: baseUrl() },
    });
    const refused = await call("POST", `/api/v1/reports/${report.id}/annotations`, { json: body });
    expect([quick.status, throughRoute.status, refused.status]).toEqual([201, 201, 401]);
    for (const res of [quick, throughRoute, refused]) {
      expect(res.headers.get("content-security-policy")).toBe(API_CONTENT_SECURITY_POLICY);
      expect(res.headers.get("strict-transport-security")).toBeNull();
    }
  });
});

describe("Static files in public/", () => {
  it("serves the favicon, robots.txt and the manifest to a signed-out visitor, with the security headers", async () => {
    const files: [string, RegExp][] = [
      ["/favicon.svg", /^image\/svg\+xml/],
      ["/robots.txt", /^text\/plain/],
      ["/manifest.webmanifest", /^application\/manifest\+json/],
    ];
    for (const [path, type] of files) {
      const res = await fetch(baseUrl() + path, { redirect: "manual" });
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type"), path).toMatch(type);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      await res.body?.cancel();
    }
    expect(await (await fetch(`${baseUrl()}/robots.txt`)).text()).toBe("User-agent: *\nDisallow: /\n");
    const manifest = await (await fetch(`${baseUrl()}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ name: "Marginalia", start_url: "/", display: "standalone", icons: [{ src: "/favicon.svg" }] });
  });

  it("links the manifest and the favicon from every page, and the page's policy lets them load", async () => {
    const page = await getPage("/signin");
    expect(page.html).toMatch(/<link rel="manifest" href="\/manifest.webmanifest"/);
    expect(page.html).toMatch(/<link rel="icon" href="\/favicon.svg" type="image\/svg\+xml"/);
    const d = directives(page.policy!);
    expect(d.get("manifest-src") ?? d.get("default-src")).toContain("'self'");
    expect(d.get("img-src")).toContain("'self'");
  });
});

describe("HSTS when the app's public address is https", () => {
  it("is sent with pages and API answers, and pages upgrade stray http requests", async () => {
    // The same build, told it is served at an https address (TLS would end at a proxy in front).
    const https = await startSecondInstance({ env: { NEXTAUTH_URL: "https://marginalia.test" } });
    try {
      const page = await getPage("/signin", { origin: https.baseUrl });
      expect(page.status).toBe(200);
      expect(page.hsts).toBe(STRICT_TRANSPORT_SECURITY);
      expectPagePolicy(page, "sign-in over https");
      expect(directives(page.policy!).has("upgrade-insecure-requests")).toBe(true);
      const api = await fetch(`${https.baseUrl}/api/v1/me`);
      expect(api.status).toBe(401);
      expect(api.headers.get("strict-transport-security")).toBe(STRICT_TRANSPORT_SECURITY);
      expect(api.headers.get("content-security-policy")).toBe(API_CONTENT_SECURITY_POLICY);
    } finally {
      https.stop();
    }
  });
});
