/**
 * Starting single sign-on (the test runner configures the app with a real
 * OpenID provider: OIDC_*): NextAuth discovers the provider from the issuer
 * and sends the browser there with PKCE and state, both kept in cookies.
 */
import { describe, expect, it } from "vitest";
import { baseUrl } from "@/lib/testing/api";

async function startSignIn(): Promise<{ status: number; url: URL; setCookies: string[] }> {
  const csrf = await fetch(`${baseUrl()}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${baseUrl()}/api/auth/signin/oidc`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: new URL(baseUrl()).origin },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/invite/abc", json: "true" }),
    redirect: "manual",
  });
  const { url } = (await res.json()) as { url: string };
  return { status: res.status, url: new URL(url), setCookies: res.headers.getSetCookie() };
}

describe("POST /api/auth/signin/oidc", () => {
  it("sends the browser to the provider's discovered authorization endpoint with PKCE (S256), state and the OpenID scopes", async () => {
    const issuer = process.env.OIDC_ISSUER!;
    expect(issuer).toBeTruthy();
    const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as { authorization_endpoint: string };
    const { status, url, setCookies } = await startSignIn();
    expect(status).toBe(200);
    expect(`${url.origin}${url.pathname}`).toBe(discovery.authorization_endpoint);
    expect(url.searchParams.get("client_id")).toBe(process.env.OIDC_CLIENT_ID);
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("scope")).toBe("openid email profile");
    expect(url.searchParams.get("redirect_uri")).toBe(`${baseUrl()}/api/auth/callback/oidc`);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get("state")).toBeTruthy();
    // The verifier and the state wait in cookies for the callback; the secret is never in the address.
    const names = setCookies.map((c) => c.split("=")[0]);
    expect(names).toEqual(expect.arrayContaining(["next-auth.pkce.code_verifier", "next-auth.state"]));
    expect(url.toString()).not.toContain(process.env.OIDC_CLIENT_SECRET!);
  });

  it("refuses a callback whose state cookie is missing, and the sign-in page says so in words", async () => {
    const { url } = await startSignIn();
    let res = await fetch(`${baseUrl()}/api/auth/callback/oidc?code=forged&state=${url.searchParams.get("state")}`, { redirect: "manual" });
    expect(res.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="))).toBe(false);
    // NextAuth's error route hands the error on to our sign-in page (pages.error).
    const hops: string[] = [];
    while (res.status === 302 && hops.length < 4) {
      const next = new URL(res.headers.get("location")!, baseUrl());
      hops.push(next.pathname + next.search);
      if (next.pathname === "/signin") break;
      res = await fetch(next, { redirect: "manual" });
    }
    const last = new URL(hops.at(-1)!, baseUrl());
    expect(last.pathname).toBe("/signin");
    expect(last.searchParams.get("error")).toMatch(/^(OAuthCallback|Callback)$/);
    const page = await (await fetch(last)).text();
    expect(page).toContain("did not complete. Try again");
  });
});

describe("GET /api/auth/providers", () => {
  it("names the provider and its label, and nothing secret", async () => {
    const res = await fetch(`${baseUrl()}/api/auth/providers`);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ oidc: { id: "oidc", name: process.env.OIDC_NAME, type: "oauth" } });
    expect(text).not.toContain(process.env.OIDC_CLIENT_SECRET!);
  });
});
