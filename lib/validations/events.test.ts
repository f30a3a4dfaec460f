import { describe, expect, it } from "vitest";
import { eventStreamQuery } from "./events";

const q = (input: Partial<Parameters<typeof eventStreamQuery>[0]>) =>
  eventStreamQuery({ lastEventId: null, after: null, session: null, ...input });

describe("eventStreamQuery", () => {
  it("resumes from Last-Event-ID (what EventSource sends on reconnection) before ?after=", () => {
    expect(q({ lastEventId: "42", after: "7" }).afterId).toBe(BigInt(42));
    expect(q({ after: " 7 " }).afterId).toBe(BigInt(7));
    expect(q({}).afterId).toBeNull();
  });

  it("answers 400 for a cursor or a session that cannot be one", () => {
    for (const bad of [
      { after: "-1" },
      { lastEventId: "abc" },
      { after: "1".repeat(19) },
      { session: "short" },
      { session: "no spaces here" },
    ]) {
      expect(() => q(bad)).toThrow(expect.objectContaining({ code: "bad_request" }));
    }
    expect(q({ session: "page-1234abcd" }).sessionId).toBe("page-1234abcd");
  });
});
