import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { keyedLookup } from "@/lib/async/batcher";
import { notFound, AppError } from "@/lib/errors";
import { logger } from "@/lib/runtime/logger";
import { isShuttingDown, onShutdown } from "@/lib/runtime/shutdown";
import { reportAccessOfUsers } from "../workspaces/access";
import { EVENTS_PAGE, readEvents, type StoredEvent } from "./bus";
import { changeFrame, joinReportHub, type HubStream } from "./hub";
import { endPresence } from "./presence";

/** Streams one user may hold open on one app instance. */
export const MAX_STREAMS_PER_USER = 12;
/** How long ids sent by a catch-up are remembered, so a late notification of one is not sent twice. */
const REPLAYED_MEMORY_MS = 30_000;
/** How long a slow reader is asked to wait before it reconnects (and catches up from the table). */
const SLOW_RETRY_MS = 1_000;

/**
 * Bytes a client may leave unread (beyond what the sockets hold: the kernel's buffers take a few
 * MB first) for a second before it is told to reconnect from its last event:
 * MARGINALIA_LIVE_BUFFER_KB, 512 by default.
 */
function maxBufferedBytes(): number {
  const kb = Number(process.env.MARGINALIA_LIVE_BUFFER_KB);
  return (Number.isInteger(kb) && kb > 0 ? kb : 512) * 1024;
}

const encoder = new TextEncoder();
const CONNECTED = encoder.encode(`retry: 2000\n: connected\n\n`);
const REVOKED = encoder.encode(`event: revoked\ndata: {}\n\n`);

/** Why the server ends a stream, with how long the client should wait before coming back (SSE `retry`). */
export type EndReason = "slow" | "unavailable" | "restarting";
const goAwayFrame = (reason: EndReason, retryMs: number) =>
  encoder.encode(`retry: ${retryMs}\nevent: ${reason}\ndata: ${JSON.stringify({ reason, retryMs })}\n\n`);

const openStreams = new Map<string, number>();

/** The report access of people opening its stream, one query for all who open it at once. */
const accessAtOpen = keyedLookup(reportAccessOfUsers, { maxBatch: 500 });

/** The response headers of a live stream, wherever it is served. */
export const EVENT_STREAM_HEADERS: Record<string, string> = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-store, no-transform",
  Connection: "keep-alive",
  // Proxies (nginx) must pass events on as they come.
  "X-Accel-Buffering": "no",
};

/** Where a stream's bytes go: the server's response, however it is served. */
export interface StreamSink {
  write(bytes: Uint8Array): void;
  /** Bytes written that the client's connection has not taken yet. */
  readonly buffered: number;
  end(): void;
}

/** An opened stream (access checked, the connection counted), waiting for its response to start. */
export interface ReportStream {
  start(sink: StreamSink): void;
  /** The client went away. */
  cancel(): void;
}

/**
 * The live stream of a report (Server-Sent Events): every event after
 * `afterId` the user may see, in order, then each new one as it happens,
 * presence updates, and a heartbeat. The report's hub on this instance
 * (hub.ts) does the work shared by all its streams; a stream holds its
 * position and its queue. It ends when the user leaves the workspace, when the
 * client goes, or, with a reason and a `retry`, when the client reads too
 * slowly, the database goes away or the server restarts: the client then
 * reconnects with its last id and catches up from the table.
 *
 * Opening checks access (404) and the per-user cap (429) before anything is
 * sent, so the caller can still answer with an error; `start` then writes.
 */
export async function openReportStream(options: {
  userId: string;
  reportId: string;
  afterId: bigint | null;
  sessionId: string | null;
}): Promise<ReportStream> {
  if (isShuttingDown()) throw new AppError("unavailable", "This server is restarting; reconnect in a moment.");
  const access = await accessAtOpen(options.reportId, options.userId);
  if (!access) throw notFound("That report");
  const { report } = access;
  const open = openStreams.get(options.userId) ?? 0;
  if (open >= MAX_STREAMS_PER_USER) {
    throw new AppError("rate_limited", `You have ${open} live connections open on this server; close some tabs and try again.`);
  }
  openStreams.set(options.userId, open + 1);
  const maxBuffered = maxBufferedBytes();

  let closed = false;
  let leave: () => void = () => undefined;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    leave();
    const n = (openStreams.get(options.userId) ?? 1) - 1;
    if (n > 0) openStreams.set(options.userId, n);
    else openStreams.delete(options.userId);
    if (options.sessionId)
      void endPresence({ userId: options.userId, reportId: report.id, sessionId: options.sessionId }).catch(() => undefined);
  };

  const start = async (sink: StreamSink) => {
    const finish = () => {
      if (closed) return;
      closed = true;
      release();
      sink.end();
    };
    let ending = false;
    /** The stream ends, and the client is told why and when to come back (resuming from its last id). */
    const goAway = (reason: EndReason, retryMs: number) => {
      if (closed || ending) return;
      ending = true;
      logger().info({ reason, reportId: report.id, userId: options.userId }, "live stream ended by the server");
      sink.write(goAwayFrame(reason, retryMs));
      finish();
    };
    const write = (bytes: Uint8Array) => {
      if (closed || ending) return;
      sink.write(bytes);
    };

    const visible = (e: StoredEvent) => e.onlyUserId === null || e.onlyUserId === options.userId;
    /** Where a reconnection resumes: the highest id sent (a rare late commit of a lower id still arrives, under this id line). */
    let lastId = options.afterId ?? BigInt(0);
    /** Live events that come while the stream catches up from the table wait here, to go out in order after it. */
    let queue: StoredEvent[] | null = [];
    /** Ids the catch-up sent, which a late notification may bring again. */
    let replayed: Set<bigint> | null = null;
    let replayedUntil = 0;
    /** Unread bytes at the last check (`checkBacklog`). */
    let backlog = 0;
    const send = (e: StoredEvent, shared?: () => Uint8Array) => {
      if (replayed) {
        if (Date.now() > replayedUntil) replayed = null;
        else if (replayed.delete(e.id)) return;
      }
      const newer = e.id > lastId;
      if (newer) lastId = e.id;
      if (!visible(e)) return;
      write(newer && shared ? shared() : changeFrame(e, lastId));
    };
    const sendQueued = () => {
      const waiting = (queue ?? []).sort((a, b) => (a.id < b.id ? -1 : 1));
      queue = null;
      for (const e of waiting) send(e);
    };
    const catchUp = async () => {
      queue ??= [];
      const sent = (replayed ??= new Set());
      replayedUntil = Infinity;
      try {
        for (;;) {
          // A client far behind is served a page at a time, as fast as it reads.
          while (sink.buffered > maxBuffered / 2 && !closed) await sleep(20);
          const missed = await readEvents({ reportId: report.id, afterId: lastId, limit: EVENTS_PAGE });
          for (const e of missed) {
            send(e);
            sent.add(e.id);
          }
          if (missed.length < EVENTS_PAGE || closed) break;
        }
      } finally {
        replayedUntil = Date.now() + REPLAYED_MEMORY_MS;
        sendQueued();
      }
    };

    const stream: HubStream = {
      userId: options.userId,
      event: (e, shared) => {
        if (closed) return;
        if (queue) queue.push(e);
        else send(e, shared);
      },
      write,
      revoke: () => {
        write(REVOKED);
        finish();
      },
      resync: () => void catchUp().catch(() => goAway("unavailable", 5_000)),
      lost: () => goAway("unavailable", 5_000),
      // A client that does not read is not buffered for ever: over the allowance at two checks in a row, with
      // nothing taken in between, it is told to reconnect from its last id and catch up from the table. A client
      // still reading through a burst is left to finish it.
      checkBacklog: () => {
        const now = sink.buffered;
        if (now > maxBuffered && backlog > maxBuffered && now >= backlog) goAway("slow", SLOW_RETRY_MS);
        backlog = now;
      },
    };

    write(CONNECTED);
    try {
      // Joined first (its events wait in the queue), then caught up: nothing falls between the two.
      const hub = await joinReportHub(report.id, report.workspaceId, stream);
      const offShutdown = onShutdown(() => goAway("restarting", 1_000));
      leave = () => {
        hub.remove(stream);
        offShutdown();
      };
      // The client went while the hub started: leave it at once.
      if (closed) return leave();
      if (options.afterId === null) lastId = hub.latestId;
      // Behind what this instance has sent out: read the rest from the table. Otherwise what is
      // committed after `afterId` comes through the hub.
      if (options.afterId !== null && options.afterId < hub.latestId) await catchUp();
      else sendQueued();
    } catch (e) {
      logger().error({ err: e instanceof Error ? e.message : String(e), reportId: report.id }, "live stream could not start");
      goAway("unavailable", 5_000);
    }
  };

  return {
    start: (sink) => void start(sink),
    cancel: () => {
      closed = true;
      release();
    },
  };
}

/** A stream as a web `ReadableStream`, for a route handler to answer with. */
export function readableOf(stream: ReportStream): ReadableStream<Uint8Array> {
  const highWaterMark = 64 * 1024;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        stream.start({
          write: (bytes) => controller.enqueue(bytes),
          get buffered() {
            return highWaterMark - (controller.desiredSize ?? highWaterMark);
          },
          end: () => {
            try {
              controller.close();
            } catch {
              // already closed by the client
            }
          },
        });
      },
      cancel: () => stream.cancel(),
    },
    new ByteLengthQueuingStrategy({ highWaterMark }),
  );
}

/** The newest event of a report: a page rendered now streams from here, so nothing falls between render and connect. */
export async function currentEventId(reportId: string): Promise<bigint> {
  const [newest] = await readEvents({ reportId, newest: true });
  return newest?.id ?? BigInt(0);
}
