/**
 * Gathers items and sends them in batches, one batch at a time: items pushed
 * in one turn of the event loop go out together on the next, and items
 * pushed while a batch is being sent wait for it and go out together after
 * it. So the busier the caller, the bigger (and fewer) the batches, with no
 * delay added when it is quiet.
 *
 * `send` should not throw (a rejection is reported to `onError`, and the next
 * batch is still sent).
 */
export function batcher<T>(
  send: (items: T[]) => Promise<unknown>,
  options: { maxBatch: number; onError: (error: unknown) => void },
): (item: T) => void {
  const waiting: T[] = [];
  let sending = false;

  async function drain() {
    sending = true;
    try {
      while (waiting.length) {
        await send(waiting.splice(0, options.maxBatch)).catch(options.onError);
      }
    } finally {
      sending = false;
    }
  }

  return (item) => {
    waiting.push(item);
    if (waiting.length === 1 && !sending) setImmediate(drain);
  };
}

/**
 * Look-ups answered in batches, one batch in flight per key: `lookup(key, item)`
 * asked many times at once (a thousand pages opening one report's live stream)
 * becomes one `load(key, items)` per key, with the same "busier, bigger batches"
 * rule as `batcher`. `load` answers with a map; an item it leaves out resolves
 * to undefined. A failed load rejects every look-up of its batch.
 */
export function keyedLookup<K, T, R>(
  load: (key: K, items: T[]) => Promise<Map<T, R>>,
  options: { maxBatch: number },
): (key: K, item: T) => Promise<R | undefined> {
  type Waiter = { item: T; resolve: (r: R | undefined) => void; reject: (e: unknown) => void };
  const queues = new Map<K, { waiting: Waiter[]; sending: boolean }>();

  async function drain(key: K, queue: { waiting: Waiter[]; sending: boolean }) {
    queue.sending = true;
    try {
      while (queue.waiting.length) {
        const batch = queue.waiting.splice(0, options.maxBatch);
        try {
          const found = await load(key, [...new Set(batch.map((w) => w.item))]);
          for (const w of batch) w.resolve(found.get(w.item));
        } catch (e) {
          for (const w of batch) w.reject(e);
        }
      }
    } finally {
      queue.sending = false;
      queues.delete(key);
    }
  }

  return (key, item) =>
    new Promise<R | undefined>((resolve, reject) => {
      let queue = queues.get(key);
      if (!queue) queues.set(key, (queue = { waiting: [], sending: false }));
      queue.waiting.push({ item, resolve, reject });
      if (queue.waiting.length === 1 && !queue.sending) setImmediate(() => void drain(key, queue));
    });
}
