import { describe, expect, it } from "vitest";
import { resolveClientAddress, trustedProxyCount } from "./client-address";

describe("resolveClientAddress", () => {
  it("takes the socket's address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress({ socketAddress: "::ffff:203.0.113.9", forwardedFor: "198.51.100.1", trustProxy: 0 })).toBe("203.0.113.9");
  });

  it("takes the address one trusted proxy received the request from", () => {
    // The client forged the first entry; the proxy appended the real one.
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: "6.6.6.6, 203.0.113.9", trustProxy: 1 })).toBe("203.0.113.9");
  });

  it("goes back as many hops as there are trusted proxies", () => {
    expect(resolveClientAddress({ socketAddress: "10.0.0.3", forwardedFor: "6.6.6.6, 203.0.113.9, 10.0.0.2", trustProxy: 2 })).toBe(
      "203.0.113.9",
    );
  });

  it("stops at the first address when the chain is shorter than the proxies trusted", () => {
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: undefined, trustProxy: 2 })).toBe("10.0.0.2");
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: ["203.0.113.9"], trustProxy: 3 })).toBe("203.0.113.9");
  });
});

describe("trustedProxyCount", () => {
  it("is 0 unless set, and refuses what is not a small count", () => {
    expect(trustedProxyCount({})).toBe(0);
    expect(trustedProxyCount({ MARGINALIA_TRUST_PROXY: "2" })).toBe(2);
    expect(trustedProxyCount({ MARGINALIA_TRUST_PROXY: "true" })).toBe(1);
    expect(() => trustedProxyCount({ MARGINALIA_TRUST_PROXY: "yes" })).toThrow(/MARGINALIA_TRUST_PROXY/);
    expect(() => trustedProxyCount({ MARGINALIA_TRUST_PROXY: "-1" })).toThrow();
  });
});
