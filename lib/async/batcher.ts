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
