import { describe, expect, it } from "vitest";
import type { ReceivedChange } from "../lib/testing/live-client";
import { endedByReason, endedSince, slope, streamsEnded, tally, type Received, type Sent } from "./live-tally";

const sends: Sent[] = [
  { sentAt: 0, itemId: "a", via: 0, postMs: 5 },
  { sentAt: 100, itemId: "b", via: 1, postMs: 5 },
  { sentAt: 200, itemId: "c", via: 0, postMs: 5 },
];
const change = (id: number, itemId: string, at: number, connection = 0): ReceivedChange => ({
  id: String(id),
  itemId,
  type: "created",
  at,
  connection,
});
const reader = (changes: ReceivedChange[], extra: Partial<Received> = {}): Received => ({
  instance: 0,
  slow: false,
  changes,
  connectedAt: [0],
  ...extra,
});

describe("tally", () => {
  it("counts each event once per subscriber, a second arrival as a duplicate and a lower id as out of order", () => {
    const t = tally([reader([change(1, "a", 10), change(3, "c", 210), change(2, "b", 110), change(1, "a", 12)])], sends, 2, 1_000);
    expect(t).toMatchObject({ delivered: 3, lost: 0, duplicates: 1, outOfOrder: 1, replayed: 0 });
    expect(t.sameInstance).toEqual([10, 10]);
    expect(t.otherInstance).toEqual([10]);
    expect(t.afterResponse).toEqual([5, 5, 5]);
  });

  it("leaves out changes the bench did not send in this phase", () => {
    expect(tally([reader([change(9, "warm-up", 1), change(1, "a", 10)])], sends.slice(0, 1), 2, 1_000)).toMatchObject({ delivered: 1 });
  });

  it("counts a missing or late event as lost, except late for a slow reader, whose latencies are kept apart", () => {
    const late = [change(1, "a", 5_000), change(2, "b", 150)];
    expect(tally([reader(late)], sends, 2, 1_000)).toMatchObject({ delivered: 1, lost: 2, lostByInstance: [2, 0] });
    const slow = tally([reader(late, { slow: true, instance: 1 })], sends, 2, 1_000);
    expect(slow).toMatchObject({ delivered: 2, lost: 1, lostByInstance: [0, 1], latency: [] });
    expect(slow.slowLatency).toEqual([50, 5_000]);
  });

  it("counts as replayed what came on a reconnection opened after the POST was answered", () => {
    // Connection 1 opened at 150: "a" (answered at 5) is a replay; "c" (sent at 200) came live on it.
    const t = tally(
      [reader([change(2, "b", 104), change(1, "a", 160, 1), change(3, "c", 210, 1)], { connectedAt: [0, 150] })],
      sends,
      2,
      1_000,
    );
    expect(t).toMatchObject({ delivered: 3, replayed: 1, outOfOrder: 1 });
  });
});

describe("ended streams", () => {
  it("adds up reasons over clients, takes differences, and leaves refused reconnections out of the total", () => {
    const before = endedByReason([{ endedBy: new Map([["slow", 1]]) }]);
    const after = endedByReason([
      { endedBy: new Map([["slow", 2]]) },
      {
        endedBy: new Map([
          ["refused", 1],
          ["closed", 1],
        ]),
      },
    ]);
    expect(after).toEqual({ slow: 2, refused: 1, closed: 1 });
    expect(endedSince(after, before)).toEqual({ slow: 1, refused: 1, closed: 1 });
    expect(streamsEnded(after)).toBe(3);
  });
});

describe("slope", () => {
  it("fits a line by least squares, and gives null without two distinct points", () => {
    expect(
      slope([
        { x: 0, y: 1 },
        { x: 1, y: 3 },
        { x: 2, y: 5 },
      ]),
    ).toBe(2);
    expect(slope([{ x: 1, y: 1 }])).toBeNull();
  });
});
