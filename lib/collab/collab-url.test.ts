import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { collabUrl, publicRequest } from "./collab-url";

afterEach(() => vi.unstubAllEnvs());

describe("publicRequest", () => {
  it("takes the scheme and host a reverse proxy passed on", () => {
    const req = new NextRequest("http://10.0.0.11:3000/w/x", {
      headers: { host: "10.0.0.11:3000", "x-forwarded-host": "marginalia.example.org", "x-forwarded-proto": "https, http" },
    });
    expect(publicRequest(req)).toEqual({ protocol: "https", host: "marginalia.example.org" });
  });

  it("else the request's own", () => {
    expect(publicRequest(new NextRequest("http://127.0.0.1:3000/", { headers: { host: "127.0.0.1:3000" } }))).toEqual({
      protocol: "http",
      host: "127.0.0.1:3000",
    });
  });
});

describe("collabUrl", () => {
  it("is this host on the collaboration port, ws or wss like the page", () => {
    vi.stubEnv("MARGINALIA_COLLAB_URL", "");
    vi.stubEnv("MARGINALIA_COLLAB_PORT", "4001");
    expect(collabUrl({ protocol: "http", host: "127.0.0.1:3000" })).toBe("ws://127.0.0.1:4001");
    expect(collabUrl({ protocol: "https", host: "[::1]:3000" })).toBe("wss://[::1]:4001");
  });

  it("is the app's port + 1 when no collaboration port is set", () => {
    vi.stubEnv("MARGINALIA_COLLAB_URL", "");
    vi.stubEnv("MARGINALIA_COLLAB_PORT", "");
    vi.stubEnv("PORT", "8080");
    expect(collabUrl({ protocol: "http", host: "localhost:8080" })).toBe("ws://localhost:8081");
  });

  it("is MARGINALIA_COLLAB_URL when set", () => {
    vi.stubEnv("MARGINALIA_COLLAB_URL", "wss://marginalia.example.org/collab");
    expect(collabUrl({ protocol: "http", host: "10.0.0.11:3000" })).toBe("wss://marginalia.example.org/collab");
  });
});
