import { describe, expect, it } from "vitest";
import { assertSameOrigin, requestOrigin, trustedOrigins } from "./origin";

const ours = trustedOrigins({
  NEXTAUTH_URL: "https://marginalia.example.org/",
  MARGINALIA_TRUSTED_ORIGINS: "https://m.internal.example.org, not a url",
});
const h = (headers: Record<string, string>) => new Headers(headers);

describe("trustedOrigins", () => {
  it("takes NEXTAUTH_URL's origin and the listed ones, ignoring what is not a URL", () => {
    expect([...ours].sort()).toEqual(["https://m.internal.example.org", "https://marginalia.example.org"]);
  });
});

describe("requestOrigin", () => {
  it("goes by Origin first", () => {
    expect(requestOrigin(h({ origin: "https://marginalia.example.org" }), ours)).toBe("same-origin");
    expect(requestOrigin(h({ origin: "https://m.internal.example.org", "sec-fetch-site": "cross-site" }), ours)).toBe("same-origin");
    expect(requestOrigin(h({ origin: "https://evil.example.org" }), ours)).toBe("cross-origin");
    // A sibling subdomain or another port is another origin.
    expect(requestOrigin(h({ origin: "https://notes.marginalia.example.org" }), ours)).toBe("cross-origin");
    expect(requestOrigin(h({ origin: "https://marginalia.example.org:8443" }), ours)).toBe("cross-origin");
    expect(requestOrigin(h({ origin: "null" }), ours)).toBe("cross-origin");
  });

  it("then by Sec-Fetch-Site, then by the Referer's origin", () => {
    expect(requestOrigin(h({ "sec-fetch-site": "same-origin" }), ours)).toBe("same-origin");
    expect(requestOrigin(h({ "sec-fetch-site": "same-site" }), ours)).toBe("cross-origin");
    expect(requestOrigin(h({ referer: "https://marginalia.example.org/w/team" }), ours)).toBe("same-origin");
    expect(requestOrigin(h({ referer: "https://marginalia.example.org.evil.example/" }), ours)).toBe("cross-origin");
    expect(requestOrigin(h({}), ours)).toBe("unknown");
  });
});

describe("assertSameOrigin", () => {
  it("never checks a read, and refuses a write that is not ours with 403 cross_origin", () => {
    expect(() => assertSameOrigin({ method: "GET", headers: h({ origin: "https://evil.example.org" }) })).not.toThrow();
    expect(() => assertSameOrigin({ method: "POST", headers: h({ origin: "https://evil.example.org" }) })).toThrow(
      expect.objectContaining({ code: "cross_origin", status: 403 }),
    );
    expect(() => assertSameOrigin({ method: "DELETE", headers: h({}) })).toThrow(expect.objectContaining({ code: "cross_origin" }));
  });
});
