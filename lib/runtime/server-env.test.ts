import { describe, expect, it } from "vitest";
import { DEFAULT_HEAP_MB, productionServerEnv } from "./server-env";

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

describe("productionServerEnv", () => {
  it("limits the heap to MARGINALIA_HEAP_MB, or the default, keeping other NODE_OPTIONS", () => {
    expect(productionServerEnv(env({})).NODE_OPTIONS).toBe(`--max-old-space-size=${DEFAULT_HEAP_MB}`);
    expect(productionServerEnv(env({ MARGINALIA_HEAP_MB: "1024", NODE_OPTIONS: "--enable-source-maps" })).NODE_OPTIONS).toBe(
      "--enable-source-maps --max-old-space-size=1024",
    );
  });

  it("leaves an explicit --max-old-space-size alone, and refuses a nonsense size", () => {
    expect(productionServerEnv(env({ NODE_OPTIONS: "--max-old-space-size=2048", MARGINALIA_HEAP_MB: "512" })).NODE_OPTIONS).toBe(
      "--max-old-space-size=2048",
    );
    expect(() => productionServerEnv(env({ MARGINALIA_HEAP_MB: "lots" }))).toThrow(/MARGINALIA_HEAP_MB/);
    expect(() => productionServerEnv(env({ MARGINALIA_HEAP_MB: "64" }))).toThrow(/at least 128/);
  });
});
