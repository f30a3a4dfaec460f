/**
 * A reader of a report's live stream that behaves as a browser's EventSource
 * does: when the server ends the stream it waits the `retry` the server last
 * gave and reconnects with `Last-Event-ID`, so it resumes where it was. It
 * keeps every `change` it receives, counts its reconnections and why each
 * connection ended, and can read slowly (`pause`) to play a reader on a poor
 * connection. Used by the live integration test and by `npm run bench:live`.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";

/**
 * Why a connection ended: the reason event the server sent last (slow, unavailable, restarting, revoked), or how
 * it broke (closed with no reason, error); "refused" counts reconnections the server answered with an error.
 */
export type EndedBy = "slow" | "unavailable" | "restarting" | "revoked" | "closed" | "error" | "refused" | (string & {});

export interface ReceivedChange {
  /** The event's id (its `id` field in the data). */
  id: string;
  itemId: string;
  type: string;
  /** performance.now() when it arrived. */
  at: number;
  /** Which connection brought it: 0 for the first, n after n reconnections. */
  connection: number;
}

export interface LiveClientOptions {
  /** The stream's URL: `${baseUrl}/api/v1/reports/${id}/events`. */
  url: string;
  token: string;
  agent?: http.Agent;
  /** Resume after this event id (as `after=` would), else start from now. */
  afterId?: string;
  /** Called for each change as it arrives. */
  onChange?: (change: ReceivedChange) => void;
}

export class LiveClient {
  readonly changes: ReceivedChange[] = [];
  /** How each connection the server (or the network) ended, ended: reason → count. */
  readonly endedBy = new Map<EndedBy, number>();
  reconnects = 0;
  /** performance.now() when each connection was answered (200, its head), by connection number. */
  readonly connectedAt: number[] = [];
  lastEventId: string | null;
  /** Set once the server revoked the stream or `close` was called: no more reconnections. */
  stopped = false;
  private retryMs = 2_000;
  private req: http.ClientRequest | null = null;
  private res: http.IncomingMessage | null = null;
  private paused = false;
  private presenceSeen: Promise<void>;
  private markPresence: () => void = () => undefined;

  constructor(private readonly options: LiveClientOptions) {
    this.lastEventId = options.afterId ?? null;
    this.presenceSeen = new Promise((r) => (this.markPresence = r));
  }

  /** Opens the first connection; resolves once it answers 200 (rejects with the status and body otherwise). */
  open(): Promise<void> {
    return this.connect(0);
  }

  /** Resolves with the first presence event, which the server sends once the stream is fully set up. */
  settled(): Promise<void> {
    return this.presenceSeen;
  }

  /** Stops reading: what the server sends piles up in the sockets and then in the server. */
  pause(): void {
    this.paused = true;
    this.res?.pause();
  }

  resume(): void {
    this.paused = false;
    this.res?.resume();
  }

  close(): void {
    this.stopped = true;
    this.req?.destroy();
  }

  /** As EventSource: after the server's retry, from the last id received (and again, should the server refuse). */
  private reconnectLater(connection: number): void {
    setTimeout(() => {
      if (this.stopped) return;
      this.reconnects++;
      this.connect(connection).catch(() => {
        // Closed while reconnecting: the client's own doing, not a refusal.
        if (this.stopped) return;
        this.endedBy.set("refused", (this.endedBy.get("refused") ?? 0) + 1);
        this.reconnectLater(connection);
      });
    }, this.retryMs);
  }

  private connect(connection: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { accept: "text/event-stream", authorization: `Bearer ${this.options.token}` };
      if (this.lastEventId !== null) headers["last-event-id"] = this.lastEventId;
      const req = http.get(this.options.url, { agent: this.options.agent, headers }, (res) => {
        if (res.statusCode !== 200) {
          let body = "";
          res.setEncoding("utf8").on("data", (c: string) => (body += c));
          res.on("end", () => reject(new Error(`${res.statusCode} ${body}`)));
          return;
        }
        this.res = res;
        // Answered at the head, not at the first data: a paused client reads no data, and still connects.
        this.connectedAt[connection] = performance.now();
        resolve();
        if (this.paused) res.pause();
        let buffer = "";
        let lastEvent: string | null = null;
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          const at = performance.now();
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf("\n\n")) !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let event = "message";
            let data = "";
            for (const line of block.split("\n")) {
              if (line.startsWith("id: ")) this.lastEventId = line.slice(4);
              else if (line.startsWith("event: ")) event = line.slice(7);
              else if (line.startsWith("data: ")) data = line.slice(6);
              else if (line.startsWith("retry: ")) this.retryMs = Number(line.slice(7)) || this.retryMs;
            }
            if (event === "presence") this.markPresence();
            else if (event === "change") {
              const { id, itemId, type } = JSON.parse(data) as { id: string; itemId: string; type: string };
              const change = { id, itemId, type, at, connection };
              this.changes.push(change);
              this.options.onChange?.(change);
            } else if (event !== "message") lastEvent = event;
          }
        });
        const ended = (how: EndedBy) => {
          if (this.stopped || this.res !== res) return;
          this.res = null;
          const reason = lastEvent ?? how;
          this.endedBy.set(reason, (this.endedBy.get(reason) ?? 0) + 1);
          if (reason === "revoked") {
            this.stopped = true;
            return;
          }
          this.reconnectLater(connection + 1);
        };
        res.on("end", () => ended("closed"));
        res.on("error", () => ended("error"));
      });
      this.req = req;
      req.on("error", (e) => reject(e));
    });
  }
}
