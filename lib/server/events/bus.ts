import "server-only";
import pg from "pg";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { logger } from "@/lib/runtime/logger";
import { EVENTS_CHANNEL } from "./events";

/** The channel a presence change is announced on; the payload is the report's id. */
export const PRESENCE_CHANNEL = "marginalia_presence";

export interface StoredEvent {
  id: bigint;
  reportId: string;
  type: string;
  itemType: string;
  itemId: string;
  parentId: string | null;
  actorId: string | null;
  onlyUserId: string | null;
  createdAt: Date;
}

export interface BusListener {
  /** The report's events named by one batch of notifications, in id order. */
  events: (events: StoredEvent[]) => void;
  presence: () => void;
  /** The bus lost its connection and is back: notifications may have been missed, read the table. */
  resync: () => void;
  /** The bus lost its connection to the database: the stream should end and its client come back later. */
  lost: () => void;
}

/** Events read from the table per query, when a hub or a stream reads a run of them. */
export const EVENTS_PAGE = 1_000;

const EVENT_COLUMNS = Prisma.sql`id, report_id AS "reportId", type, item_type AS "itemType", item_id AS "itemId", parent_id AS "parentId",
  actor_id AS "actorId", only_user_id AS "onlyUserId", created_at AS "createdAt"`;

/**
 * Events from the table, in id order: those with these ids (the notification only says where to
 * look; the table is the truth), a report's after an id, or a report's newest.
 */
export async function readEvents(
  where: { ids: bigint[] } | { reportId: string; afterId: bigint; upTo?: bigint; limit: number } | { reportId: string; newest: true },
): Promise<StoredEvent[]> {
  if ("ids" in where)
    return db.$queryRaw<StoredEvent[]>`SELECT ${EVENT_COLUMNS} FROM report_events WHERE id = ANY(${where.ids}::bigint[]) ORDER BY id`;
  if ("newest" in where)
    return db.$queryRaw<
      StoredEvent[]
    >`SELECT ${EVENT_COLUMNS} FROM report_events WHERE report_id = ${where.reportId} ORDER BY id DESC LIMIT 1`;
  return db.$queryRaw<StoredEvent[]>`
    SELECT ${EVENT_COLUMNS} FROM report_events
    WHERE report_id = ${where.reportId} AND id > ${where.afterId} ${where.upTo === undefined ? Prisma.empty : Prisma.sql`AND id <= ${where.upTo}`}
    ORDER BY id LIMIT ${where.limit}`;
}

/**
 * One LISTEN connection per app instance, fanning events out to the streams
 * open on this instance. Other instances' changes arrive the same way, so any
 * number of instances behind a load balancer share one Postgres and nothing else.
 */
class EventBus {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly listeners = new Map<string, Set<BusListener>>();
  private pending: bigint[] = [];
  private flushing = false;
  private retryMs = 500;
  private closed = false;

  async subscribe(reportId: string, listener: BusListener): Promise<() => void> {
    await this.connect();
    let set = this.listeners.get(reportId);
    if (!set) this.listeners.set(reportId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(reportId);
    };
  }

  /** How many streams this instance is serving (for the benchmark and logs). */
  get size(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  private connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      client.on("notification", (message) => this.onNotification(message));
      client.on("error", (e) => this.lost(client, e.message));
      client.on("end", () => this.lost(client, "connection ended"));
      try {
        await client.connect();
        await client.query(`LISTEN ${EVENTS_CHANNEL}`);
        await client.query(`LISTEN ${PRESENCE_CHANNEL}`);
        this.client = client;
        this.retryMs = 500;
      } catch (e) {
        await client.end().catch(() => undefined);
        throw e;
      } finally {
        this.connecting = null;
      }
    })();
    return this.connecting;
  }

  private lost(client: pg.Client, why: string): void {
    if (this.client !== client || this.closed) return;
    logger().warn({ err: why, streams: this.size }, "live events: lost the LISTEN connection; streams end and reconnect");
    this.client = null;
    client.end().catch(() => undefined);
    // Streams end now (their clients reconnect and replay from their last id); the bus reconnects for those that come back.
    this.forEach((l) => l.lost());
    const retry = () => {
      this.connect().then(
        () => this.forEach((l) => l.resync()),
        () => setTimeout(retry, (this.retryMs = Math.min(this.retryMs * 2, 10_000))),
      );
    };
    setTimeout(retry, this.retryMs);
  }

  private onNotification(message: pg.Notification): void {
    if (message.channel === PRESENCE_CHANNEL) {
      for (const l of this.listeners.get(message.payload ?? "") ?? []) l.presence();
      return;
    }
    if (!message.payload || !/^\d+(,\d+)*$/.test(message.payload)) return;
    for (const id of message.payload.split(",")) this.pending.push(BigInt(id));
    // Notifications arriving together are read with one query.
    if (!this.flushing) {
      this.flushing = true;
      setImmediate(() => void this.flush());
    }
  }

  private async flush(): Promise<void> {
    const ids = this.pending;
    this.pending = [];
    try {
      if (ids.length) {
        const byReport = new Map<string, StoredEvent[]>();
        for (const event of await readEvents({ ids })) {
          const list = byReport.get(event.reportId);
          if (list) list.push(event);
          else byReport.set(event.reportId, [event]);
        }
        for (const [reportId, events] of byReport) for (const l of this.listeners.get(reportId) ?? []) l.events(events);
      }
    } catch (e) {
      console.error("Could not read events; streams will catch up from the table", e);
      this.forEach((l) => l.resync());
    } finally {
      this.flushing = false;
      if (this.pending.length) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    }
  }

  private forEach(fn: (l: BusListener) => void): void {
    for (const set of this.listeners.values()) for (const l of set) fn(l);
  }
}

const globalForBus = globalThis as unknown as { marginaliaBus?: EventBus };
export function eventBus(): EventBus {
  globalForBus.marginaliaBus ??= new EventBus();
  return globalForBus.marginaliaBus;
}
