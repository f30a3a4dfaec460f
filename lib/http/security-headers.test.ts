import { describe, expect, it } from "vitest";
import { API_CONTENT_SECURITY_POLICY } from "./content-security-policy";
import { apiSecurityHeaders, servedOverHttps, STRICT_TRANSPORT_SECURITY, transportSecurityHeaders } from "./security-headers";

describe("transportSecurityHeaders", () => {
  it("sends HSTS when the public address is https", () => {
    expect(transportSecurityHeaders("https://marginalia.example.org")).toEqual([
      { key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY },
    ]);
    expect(STRICT_TRANSPORT_SECURITY).toBe("max-age=31536000; includeSubDomains");
  });

  it("never over plain http, nor when no address is configured", () => {
    expect(transportSecurityHeaders("http://localhost:3000")).toEqual([]);
    expect(transportSecurityHeaders("http://127.0.0.1:3000")).toEqual([]);
    expect(transportSecurityHeaders(undefined)).toEqual([]);
    expect(transportSecurityHeaders("")).toEqual([]);
  });

  it("reads the scheme, not a word that starts like it", () => {
    expect(servedOverHttps(" HTTPS://Marginalia.example.org ")).toBe(true);
    expect(servedOverHttps("httpsfoo://x")).toBe(false);
  });
});

describe("apiSecurityHeaders", () => {
  it("carries one Content-Security-Policy, the strict one", () => {
    expect(apiSecurityHeaders.filter((h) => h.key.toLowerCase() === "content-security-policy")).toEqual([
      { key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY },
    ]);
    expect(API_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
