import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isShuttingDown, onShutdown } from "@/lib/runtime/shutdown";
import { getReportAccessOrThrow } from "../workspaces/access";
import { eventBus, readEvents, type StoredEvent } from "./bus";
import { reportHub, type HubMember } from "./hub";
import { endPresence } from "./presence";

/** Streams one user may hold open on one app instance. */
export const MAX_STREAMS_PER_USER = 12;
/** Events replayed on (re)connection; a client further behind is told to reload. */
const REPLAY_LIMIT = 1_000;
/** Bytes a slow client may leave unread before it is dropped (it reconnects and catches up from the table). */
const MAX_BUFFERED_BYTES = 512 * 1024;
const HEARTBEAT_MS = 15_000;

const openStreams = new Map<string, number>();

/** What a client receives for an event: no more than which item changed, and how. */
export function eventData(e: StoredEvent) {
  return {
    id: e.id.toString(),
    type: e.type,
    reportId: e.reportId,
    itemType: e.itemType,
    itemId: e.itemId,
    parentId: e.parentId,
    actorId: e.actorId,
    at: e.createdAt.toISOString(),
  };
}

/**
 * The live stream of a report (Server-Sent Events): every event after
 * `afterId` the user may see, in order, then each new one as it happens,
 * presence updates, and a heartbeat. It ends when the user leaves the
 * workspace, when the client reads too slowly, or when the client goes.
 */
export async function openReportStream(options: {
  userId: string;
  reportId: string;
  afterId: bigint | null;
  sessionId: string | null;
}): Promise<ReadableStream<Uint8Array>> {
  if (isShuttingDown()) throw new AppError("unavailable", "This server is restarting; reconnect in a moment.");
  const { report } = await getReportAccessOrThrow(options);
  const open = openStreams.get(options.userId) ?? 0;
  if (open >= MAX_STREAMS_PER_USER) {
    throw new AppError("rate_limited", `You have ${open} live connections open on this server; close some tabs and try again.`);
  }
  openStreams.set(options.userId, open + 1);

  const encoder = new TextEncoder();
  const visible = (e: StoredEvent) => e.onlyUserId === null || e.onlyUserId === options.userId;
  let lastId = options.afterId ?? (await latestEventId(report.id));
  let closed = false;
  let cleanup: () => void = () => undefined;

  return new ReadableStream<Uint8Array>(
    {
      async start(controller) {
        const write = (text: string) => {
          if (closed) return;
          controller.enqueue(encoder.encode(text));
          // A client that does not read is not buffered for forever: drop it; it resumes from its last id.
          if ((controller.desiredSize ?? 0) < -MAX_BUFFERED_BYTES) finish();
        };
        // Each event once, even when the replay and the live feed both bring it.
        const sent = new Set<bigint>();
        const send = (e: StoredEvent) => {
          if (sent.has(e.id)) return;
          sent.add(e.id);
          if (sent.size > 2 * REPLAY_LIMIT) sent.delete(sent.values().next().value!);
          if (e.id > lastId) lastId = e.id;
          // The id line is where a reconnection resumes: the highest sent (a rare late commit of a lower id still arrives).
          if (visible(e)) write(`id: ${lastId}\nevent: change\ndata: ${JSON.stringify(eventData(e))}\n\n`);
        };
        let replaying = false;
        const queued: StoredEvent[] = [];
        const catchUp = async () => {
          replaying = true;
          try {
            for (let from = lastId; ;) {
              const missed = await readEvents({ reportId: report.id, afterId: from, limit: REPLAY_LIMIT });
              missed.forEach(send);
              if (missed.length < REPLAY_LIMIT) break;
              from = missed[missed.length - 1].id;
            }
          } finally {
            replaying = false;
            queued
              .sort((a, b) => (a.id < b.id ? -1 : 1))
              .splice(0)
              .forEach(send);
          }
        };
        const finish = () => {
          if (closed) return;
          closed = true;
          cleanup();
          try {
            controller.close();
          } catch {
            // already closed by the client
          }
        };

        // Membership and presence are checked once per report for all its streams on this instance.
        const hub = reportHub(report.id, report.workspaceId);
        const member: HubMember = {
          userId: options.userId,
          presence: (json) => write(`event: presence\ndata: ${json}\n\n`),
          revoke: () => {
            write(`event: revoked\ndata: {}\n\n`);
            finish();
          },
        };
        /** The stream ends, and the client is told to come back after `retryMs` (resuming from its last id). */
        const goAway = (reason: string, retryMs: number) => {
          write(`retry: ${retryMs}\nevent: ${reason}\ndata: {}\n\n`);
          finish();
        };
        write(`retry: 2000\n: connected\n\n`);
        // Listen first, then replay: nothing falls between the two (send skips what was already sent).
        const unsubscribe = await eventBus().subscribe(report.id, {
          // While the replay runs, live events wait, so the client gets them in order.
          event: (e) => (replaying ? queued.push(e) : send(e)),
          presence: () => hub.presenceChanged(),
          resync: () => void catchUp().catch(() => undefined),
          // The database went away: the client comes back when it can be served again.
          lost: () => goAway("unavailable", 5000),
        });
        // This server is stopping: the client reconnects (to another instance, or this one restarted).
        const offShutdown = onShutdown(() => goAway("restarting", 1000));
        const heartbeat = setInterval(() => write(`: ping\n\n`), HEARTBEAT_MS);
        cleanup = () => {
          unsubscribe();
          offShutdown();
          hub.remove(member);
          clearInterval(heartbeat);
          const n = (openStreams.get(options.userId) ?? 1) - 1;
          if (n > 0) openStreams.set(options.userId, n);
          else openStreams.delete(options.userId);
          if (options.sessionId)
            void endPresence({ userId: options.userId, reportId: report.id, sessionId: options.sessionId }).catch(() => undefined);
        };
        try {
          if (options.afterId !== null) await catchUp();
          hub.add(member);
        } catch (e) {
          console.error("Live stream could not start", e);
          finish();
        }
      },
      cancel() {
        closed = true;
        cleanup();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  );
}

async function latestEventId(reportId: string): Promise<bigint> {
  const [row] = await db.$queryRaw<{ id: bigint | null }[]>`SELECT max(id) AS id FROM report_events WHERE report_id = ${reportId}`;
  return row?.id ?? BigInt(0);
}

/** The newest event of a report: a page rendered now streams from here, so nothing falls between render and connect. */
export const currentEventId = latestEventId;
