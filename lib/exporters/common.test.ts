import { describe, expect, it } from "vitest";
import { formatDay, formatUtc } from "./common";

const pad = (n: number) => String(n).padStart(2, "0");
/** What the formatters must say, by Date's own UTC getters. */
const byGetters = (d: Date) => ({
  day: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
  utc: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`,
});

describe("formatDay and formatUtc", () => {
  it("say what Date's UTC getters say, across leap days, century years and times before 1970", () => {
    const samples = [
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      Date.UTC(2000, 1, 29, 0, 0),
      Date.UTC(1900, 2, 1, 12, 30),
      Date.UTC(2100, 1, 28, 8, 5),
      Date.UTC(1969, 11, 31, 23, 59, 30),
      Date.UTC(1970, 0, 1, 0, 0),
      Date.UTC(1601, 0, 1, 1, 1),
    ];
    // And every 3 days 7 h 13 min 17.3 s over three centuries (about 33,000 times of day and dates).
    for (let ms = Date.UTC(1850, 0, 1); ms < Date.UTC(2150, 0, 1); ms += 285_197_300) samples.push(ms);
    const wrong = samples
      .map((ms) => new Date(ms))
      .filter((date) => formatDay(date) !== byGetters(date).day || formatUtc(date) !== byGetters(date).utc)
      .map((date) => date.toISOString());
    expect(wrong).toEqual([]);
    expect(samples.length).toBeGreaterThan(30_000);
    expect(formatUtc(new Date("2026-11-18T14:05:59.999Z"))).toBe("2026-11-18 14:05 UTC");
  });
});
