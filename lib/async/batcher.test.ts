import { describe, expect, it } from "vitest";
import { batcher } from "./batcher";

const turn = () => new Promise<void>((r) => setImmediate(r));

/** A send that finishes when the test says so, and remembers each batch and how many were in flight at once. */
function controlledSend() {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const send = (items: number[]) => {
    batches.push(items);
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    return new Promise<void>((resolve) => pending.push(() => (inFlight--, resolve())));
  };
  return {
    send,
    batches,
    finishOne: () => pending.shift()!(),
    get mostInFlight() {
      return mostInFlight;
    },
  };
}

describe("batcher", () => {
  it("sends what one turn pushed as one batch, on the next turn", async () => {
    const s = controlledSend();
    const push = batcher(s.send, { maxBatch: 100, onError: () => {} });
    push(1);
    push(2);
    push(3);
    expect(s.batches).toEqual([]);
    await turn();
    expect(s.batches).toEqual([[1, 2, 3]]);
  });

  it("keeps one batch in flight: what comes meanwhile goes out together once it is done", async () => {
    const s = controlledSend();
    const push = batcher(s.send, { maxBatch: 100, onError: () => {} });
    push(1);
    await turn();
    for (let i = 2; i <= 6; i++) {
      push(i);
      await turn();
    }
    expect(s.batches).toEqual([[1]]);
    s.finishOne();
    await turn();
    expect(s.batches).toEqual([[1], [2, 3, 4, 5, 6]]);
    s.finishOne();
    await turn();
    expect(s.mostInFlight).toBe(1);
    // Quiet again: the next item goes out on the next turn, not later.
    push(7);
    await turn();
    expect(s.batches.at(-1)).toEqual([7]);
  });

  it("splits at maxBatch, and carries on after a failed send", async () => {
    const sent: number[][] = [];
    const errors: unknown[] = [];
    let calls = 0;
    const push = batcher(
      async (items: number[]) => {
        sent.push(items);
        if (++calls === 1) throw new Error("down");
      },
      { maxBatch: 2, onError: (e) => errors.push(e) },
    );
    for (let i = 1; i <= 5; i++) push(i);
    for (let i = 0; i < 5; i++) await turn();
    expect(sent).toEqual([[1, 2], [3, 4], [5]]);
    expect(errors).toHaveLength(1);
  });
});
