import { describe, expect, it } from "vitest";
import { relativeTime } from "./relative-time";

const now = new Date("2026-11-27T12:00:00Z");

describe("relativeTime", () => {
  it("says just now for the last seconds", () => {
    expect(relativeTime(new Date("2026-11-27T11:59:30Z"), now)).toBe("just now");
  });
  it("counts minutes, hours and days", () => {
    expect(relativeTime(new Date("2026-11-27T11:55:00Z"), now)).toBe("5 minutes ago");
    expect(relativeTime(new Date("2026-11-27T09:00:00Z"), now)).toBe("3 hours ago");
    expect(relativeTime(new Date("2026-11-26T12:00:00Z"), now)).toBe("yesterday");
  });
  it("gives the date after a week", () => {
    expect(relativeTime(new Date("2026-10-01T12:00:00Z"), now)).toBe("Oct 1, 2026");
  });
  it("gives the date in the time zone asked for", () => {
    const late = new Date("2026-10-01T23:30:00Z");
    expect(relativeTime(late, now, { timeZone: "UTC" })).toBe("Oct 1, 2026");
    expect(relativeTime(late, now, { timeZone: "Pacific/Kiritimati" })).toBe("Oct 2, 2026");
  });
});
