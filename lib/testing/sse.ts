/**
 * A Server-Sent Events client for tests: reads the stream with fetch, as a
 * script would, and hands over events one by one.
 */
import type { Caller } from "./api";

export interface SseEvent {
  id: string | null;
  event: string;
  data: string;
}

export interface SseStream {
  status: number;
  /** The next event (skipping none), or an error after `timeoutMs`. */
  next(timeoutMs?: number): Promise<SseEvent>;
  /** The next event of this type, skipping others. */
  nextOf(type: string, timeoutMs?: number): Promise<SseEvent>;
  /** Whatever arrives within `ms` (for "nothing more arrives"). */
  drain(ms: number): Promise<SseEvent[]>;
  /** True once the server ended the stream. */
  ended(): boolean;
  close(): void;
}

export async function openSse(url: string, as: Caller, headers: Record<string, string> = {}): Promise<SseStream> {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: { accept: "text/event-stream", ...(as.token ? { authorization: `Bearer ${as.token}` } : {}), ...headers },
    signal: controller.signal,
  });
  const queue: SseEvent[] = [];
  const waiters: (() => void)[] = [];
  let done = res.status !== 200 || !res.body;
  const wake = () => waiters.splice(0).forEach((w) => w());

  if (!done) {
    void (async () => {
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      try {
        for (;;) {
          const { value, done: finished } = await reader.read();
          if (finished) break;
          buffer += value;
          let at: number;
          while ((at = buffer.indexOf("\n\n")) !== -1) {
            const block = buffer.slice(0, at);
            buffer = buffer.slice(at + 2);
            const event: SseEvent = { id: null, event: "message", data: "" };
            const data: string[] = [];
            let any = false;
            for (const line of block.split("\n")) {
              if (line.startsWith(":") || line === "") continue;
              const colon = line.indexOf(":");
              const field = colon === -1 ? line : line.slice(0, colon);
              const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
              if (field === "id") event.id = value;
              else if (field === "event") event.event = value;
              else if (field === "data") data.push(value);
              else continue;
              any = true;
            }
            if (any && (data.length || event.event !== "message")) {
              event.data = data.join("\n");
              queue.push(event);
              wake();
            }
          }
        }
      } catch {
        // aborted
      } finally {
        done = true;
        wake();
      }
    })();
  }

  const next = (timeoutMs = 10_000): Promise<SseEvent> =>
    new Promise((resolve, reject) => {
      const attempt = () => {
        const e = queue.shift();
        if (e) return resolve(e);
        if (done) return reject(new Error("the stream ended"));
        const timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms`)), timeoutMs);
        waiters.push(() => {
          clearTimeout(timer);
          attempt();
        });
      };
      attempt();
    });

  return {
    status: res.status,
    next,
    async nextOf(type, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const e = await next(Math.max(1, until - Date.now()));
        if (e.event === type) return e;
      }
    },
    async drain(ms) {
      await new Promise((r) => setTimeout(r, ms));
      return queue.splice(0);
    },
    ended: () => done,
    close: () => controller.abort(),
  };
}
