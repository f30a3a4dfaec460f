import { describe, expect, it } from "vitest";
import { batcher, keyedLookup } from "./batcher";

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

describe("keyedLookup", () => {
  /** A load that answers when the test says so, remembering each batch by key. */
  function controlledLoad() {
    const batches: [string, number[]][] = [];
    const pending: (() => void)[] = [];
    const load = (key: string, items: number[]) => {
      batches.push([key, items]);
      return new Promise<Map<number, string>>((resolve) =>
        pending.push(() => resolve(new Map(items.filter((i) => i % 2 === 0).map((i) => [i, `${key}:${i}`])))),
      );
    };
    return { load, batches, finishOne: () => pending.shift()!() };
  }

  it("asks once per key for what was looked up in one turn, and answers each look-up (undefined for what the load left out)", async () => {
    const l = controlledLoad();
    const lookup = keyedLookup(l.load, { maxBatch: 100 });
    const answers = [lookup("a", 2), lookup("a", 3), lookup("b", 4), lookup("a", 2)];
    await turn();
    expect(l.batches).toEqual([
      ["a", [2, 3]],
      ["b", [4]],
    ]);
    l.finishOne();
    l.finishOne();
    expect(await Promise.all(answers)).toEqual(["a:2", undefined, "b:4", "a:2"]);
  });

  it("keeps one load in flight per key: what comes meanwhile goes in the next, together", async () => {
    const l = controlledLoad();
    const lookup = keyedLookup(l.load, { maxBatch: 100 });
    const first = lookup("a", 2);
    await turn();
    const later = [lookup("a", 4), lookup("a", 6)];
    await turn();
    expect(l.batches).toEqual([["a", [2]]]);
    l.finishOne();
    expect(await first).toBe("a:2");
    await turn();
    expect(l.batches[1]).toEqual(["a", [4, 6]]);
    l.finishOne();
    expect(await Promise.all(later)).toEqual(["a:4", "a:6"]);
  });

  it("rejects every look-up of a failed load, and the next look-up loads again", async () => {
    let fail = true;
    const lookup = keyedLookup(
      async (_key: string, items: number[]) => {
        if (fail) throw new Error("database away");
        return new Map(items.map((i) => [i, i * 10]));
      },
      { maxBatch: 100 },
    );
    const failed = [lookup("a", 1), lookup("a", 2)];
    await expect(Promise.all(failed)).rejects.toThrow("database away");
    await expect(failed[1]).rejects.toThrow("database away");
    fail = false;
    expect(await lookup("a", 3)).toBe(30);
  });
});
