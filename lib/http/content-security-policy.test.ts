import { describe, expect, it } from "vitest";
import { connectSource, createNonce, pageContentSecurityPolicy, type PagePolicyOptions } from "./content-security-policy";

const base: PagePolicyOptions = { nonce: "abc123==", connectTo: ["ws://127.0.0.1:3001"], development: false, https: false };

/** The policy's directives by name. */
function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split("; ")
      .map((d) => d.split(" "))
      .map(([name, ...values]) => [name, values]),
  );
}

describe("pageContentSecurityPolicy", () => {
  it("runs scripts only with the response's nonce (and what they load), never inline or eval'd ones", () => {
    const scripts = parse(pageContentSecurityPolicy(base)).get("script-src")!;
    expect(scripts).toContain("'nonce-abc123=='");
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
  });

  it("allows eval under next dev only (React rebuilds server error stacks with it)", () => {
    expect(parse(pageContentSecurityPolicy({ ...base, development: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("says every directive the issue asks for", () => {
    const policy = parse(pageContentSecurityPolicy(base));
    expect(Object.fromEntries([...policy].filter(([name]) => name !== "script-src"))).toEqual({
      "default-src": ["'self'"],
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:", "blob:"],
      "font-src": ["'self'"],
      "connect-src": ["'self'", "ws://127.0.0.1:3001"],
      "object-src": ["'none'"],
      "base-uri": ["'none'"],
      "frame-ancestors": ["'none'"],
      "form-action": ["'self'"],
    });
  });

  it("connects only to the page's own origin when there is no collaboration server to name", () => {
    expect(parse(pageContentSecurityPolicy({ ...base, connectTo: [] })).get("connect-src")).toEqual(["'self'"]);
  });

  it("upgrades stray http:// requests when the app is served over https, and only then", () => {
    expect(parse(pageContentSecurityPolicy({ ...base, https: true })).has("upgrade-insecure-requests")).toBe(true);
    expect(parse(pageContentSecurityPolicy(base)).has("upgrade-insecure-requests")).toBe(false);
  });
});

describe("createNonce", () => {
  it("makes 128-bit base64 nonces, a new one every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("connectSource", () => {
  it("keeps a WebSocket address's origin, path and all dropped", () => {
    expect(connectSource("ws://127.0.0.1:3001")).toBe("ws://127.0.0.1:3001");
    expect(connectSource("wss://marginalia.example.org/collab")).toBe("wss://marginalia.example.org");
    expect(connectSource("wss://notes.example.org:8443/x?y=1")).toBe("wss://notes.example.org:8443");
    expect(connectSource("ws://[::1]:3001")).toBe("ws://[::1]:3001");
  });

  it("drops an address that is not a plain origin rather than writing it into the policy", () => {
    // A Host header is the client's to choose: none of this may reach the header.
    expect(connectSource("ws://evil;script-src:3001")).toBeNull();
    expect(connectSource("ws://a b:3001")).toBeNull();
    expect(connectSource("ws://a;b:3001")).toBeNull();
    expect(connectSource("ws://*.example.org:3001")).toBeNull();
    expect(connectSource("not a url")).toBeNull();
    expect(connectSource("javascript:alert(1)")).toBeNull();
  });
});
