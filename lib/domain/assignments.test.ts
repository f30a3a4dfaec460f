import { describe, expect, it } from "vitest";
import { canBeAssigned, dueDateLabel, dueSentence, isOverdue, nextDay, utcDay } from "./assignments";

describe("assignments", () => {
  it("reads days in UTC", () => {
    expect(utcDay(new Date("2026-12-31T23:30:00-02:00"))).toBe("2027-01-01");
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });

  it("calls a thread overdue only when open and past its day", () => {
    expect(isOverdue({ status: "open", dueAt: "2026-12-11" }, "2026-12-12")).toBe(true);
    expect(isOverdue({ status: "open", dueAt: "2026-12-12" }, "2026-12-12")).toBe(false);
    expect(isOverdue({ status: "resolved", dueAt: "2026-12-01" }, "2026-12-12")).toBe(false);
    expect(isOverdue({ status: "open", dueAt: null }, "2026-12-12")).toBe(false);
  });

  it("words due dates", () => {
    expect(dueDateLabel("2026-12-05")).toBe("5 Dec 2026");
    expect(dueSentence("2026-12-12", "2026-12-12")).toBe("Due today");
    expect(dueSentence("2026-12-13", "2026-12-12")).toBe("Due tomorrow");
    expect(dueSentence("2026-12-20", "2026-12-12")).toBe("Due 20 Dec 2026");
  });

  it("never gives work to a viewer", () => {
    expect(canBeAssigned("viewer")).toBe(false);
    expect(canBeAssigned("annotator")).toBe(true);
    expect(canBeAssigned("owner")).toBe(true);
  });
});
