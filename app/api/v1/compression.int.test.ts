import { describe, expect, it } from "vitest";
import { baseUrl, call, newAnnotation, newReport, newUser, newWorkspace, type Caller } from "@/lib/testing/api";

async function get(urlPath: string, as: Caller & { token: string }) {
  const res = await fetch(baseUrl() + urlPath, { headers: { authorization: `Bearer ${as.token}`, "accept-encoding": "gzip" } });
  const text = await res.text();
  return {
    encoding: res.headers.get("content-encoding"),
    cacheControl: res.headers.get("cache-control"),
    type: res.headers.get("content-type"),
    size: Buffer.byteLength(text),
    text,
  };
}

/** The app server gzips what it is let: small JSON answers go out as they are (zlib would cost more than the rest), large ones compressed. */
describe("compression of JSON answers", () => {
  it("sends a small answer uncompressed and a large one gzipped, both JSON and never cached", async () => {
    const owner = await newUser();
    const small = await get("/api/v1/me", owner);
    expect(small.size).toBeLessThan(1024);
    expect(small).toMatchObject({ encoding: null, cacheControl: "no-store, no-transform", type: "application/json" });
    expect(JSON.parse(small.text)).toMatchObject({ id: owner.id, email: owner.email });

    const ws = await newWorkspace(owner);
    const report = await newReport(owner, ws.id);
    for (let i = 0; i < 5; i++) await newAnnotation(owner, report, { start: i, end: i + 5, body: `note ${i}` });
    const large = await get(`/api/v1/reports/${report.id}/annotations`, owner);
    expect(large.size).toBeGreaterThan(1024);
    expect(large).toMatchObject({ encoding: "gzip", cacheControl: "no-store", type: "application/json" });
    expect(JSON.parse(large.text).annotations).toHaveLength(5);
  });

  it("sends errors as small JSON too", async () => {
    const res = await call("GET", "/api/v1/reports/nope/annotations", { as: await newUser(), headers: { "accept-encoding": "gzip" } });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(res.body.error.code).toBe("not_found");
  });
});
