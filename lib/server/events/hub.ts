import "server-only";
import { logger } from "@/lib/runtime/logger";
import { reportAccessOfUsers } from "../workspaces/access";
import { EVENTS_PAGE, eventBus, readEvents, type StoredEvent } from "./bus";
import { listPresence } from "./presence";

/** How often an instance checks that the people it streams a report to are still members. */
const MEMBERSHIP_EVERY_MS = 3_000;
/** How often presence is re-read even without news (pages that went quiet expire). */
const PRESENCE_EVERY_MS = 10_000;
/** A comment line on every stream this often, so proxies and clients see the connection is alive. */
const HEARTBEAT_MS = 15_000;
/**
 * How often each stream's unread bytes are looked at. On a timer rather than as bytes are
 * written: a burst written in one go (a catch-up, a thousand events announced together) sits in
 * the process for a moment even for a client that reads; only what is still there a second later
 * counts.
 */
const BACKLOG_EVERY_MS = 1_000;
/** Ids of events a hub has fanned out, kept to deliver each once (a resync can bring one again). */
const RECENT_IDS = 2_000;

const encoder = new TextEncoder();
const PING = encoder.encode(": ping\n\n");

/** The SSE block of an event: the id line is where a reconnection resumes. */
export function changeFrame(e: StoredEvent, idLine: bigint): Uint8Array {
  return encoder.encode(`id: ${idLine}\nevent: change\ndata: ${JSON.stringify(eventData(e))}\n\n`);
}

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

/** One open stream, as its report's hub sees it. */
export interface HubStream {
  readonly userId: string;
  /** An event of the report, with its SSE block made once for every stream (`frame`, for a stream whose last id is below it). */
  event(e: StoredEvent, frame: () => Uint8Array): void;
  /** Bytes every stream gets alike: presence, heartbeats. */
  write(bytes: Uint8Array): void;
  /** The user may no longer see the report. */
  revoke(): void;
  /** The events may have been missed (the bus was away): read them from the table. */
  resync(): void;
  /** The database is away: end, and come back later. */
  lost(): void;
  /** Once a second: a stream whose client has too much unread, and reads none of it, is told to come back later. */
  checkBacklog(): void;
}

/**
 * Everything one instance does for one report's live streams, once for all of
 * them however many are open: one subscription to the bus, each event read once
 * and its SSE block encoded once, one membership query and one presence query per
 * interval, one heartbeat timer. A stream is a few fields and a queue.
 */
class ReportHub {
  readonly streams = new Set<HubStream>();
  /** Its last stream has gone: it listens no more, and a new hub serves the next. */
  closed = false;
  /** The newest event this hub has fanned out (or that was in the table when it started). */
  latestId = BigInt(0);
  private readonly recent = new Set<bigint>();
  /** The newest event announced, up to which the table is being read (`readTable`); or all of it, after a resync. */
  private readingUpTo = BigInt(0);
  private readingAll = false;
  private reading: Promise<void> | null = null;
  private presenceBytes: Uint8Array | null = null;
  private presenceJson: string | null = null;
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly timers: ReturnType<typeof setInterval>[] = [];
  private unsubscribe: () => void = () => undefined;

  constructor(
    readonly reportId: string,
    readonly workspaceId: string,
    private readonly onEmpty: () => void,
  ) {}

  /** Listens first, then reads the newest id: nothing falls between the two. */
  async start(): Promise<void> {
    this.unsubscribe = await eventBus().subscribe(this.reportId, {
      events: (events) => this.arrived(events),
      presence: () => this.presenceChanged(),
      // The bus came back: what was committed meanwhile is read from the table.
      resync: () => this.readTable(null),
      lost: () => [...this.streams].forEach((s) => s.lost()),
    });
    const [newest] = await readEvents({ reportId: this.reportId, newest: true });
    if (newest && newest.id > this.latestId) this.latestId = newest.id;
    this.timers.push(
      setInterval(() => void this.checkMembership().catch(() => undefined), MEMBERSHIP_EVERY_MS),
      setInterval(() => this.presenceChanged(0), PRESENCE_EVERY_MS),
      setInterval(() => this.streams.forEach((s) => s.write(PING)), HEARTBEAT_MS),
      setInterval(() => [...this.streams].forEach((s) => s.checkBacklog()), BACKLOG_EVERY_MS),
    );
  }

  add(stream: HubStream): void {
    if (this.closed) throw new Error("A closed hub takes no streams");
    this.streams.add(stream);
    if (this.presenceBytes) stream.write(this.presenceBytes);
    this.presenceChanged(0);
  }

  remove(stream: HubStream): void {
    if (!this.streams.delete(stream)) return;
    if (this.streams.size === 0) {
      this.closed = true;
      this.unsubscribe();
      this.timers.forEach(clearInterval);
      if (this.presenceTimer) clearTimeout(this.presenceTimer);
      this.onEmpty();
    }
  }

  /**
   * Notifications come in the order instances sent them, which is not always the order their
   * events committed in (each instance announces its own after they commit). So news of an event
   * newer than any fanned out is a cue to read the table up to it: what committed before it, and
   * whose news is still on its way, goes out first, and every stream gets the report's events in
   * id order. An event older than that (a rare late commit) goes out as it comes.
   */
  private arrived(events: StoredEvent[]): void {
    const newest = events[events.length - 1].id;
    for (const e of events) if (e.id <= this.latestId) this.fanOut(e);
    if (newest > this.latestId) this.readTable(newest);
  }

  /**
   * Reads the table after the newest event fanned out, up to `upTo` (all there is when null), for
   * every stream at once: one query in flight, and what is asked meanwhile read after it.
   */
  private readTable(upTo: bigint | null): void {
    if (upTo === null) this.readingAll = true;
    else if (upTo > this.readingUpTo) this.readingUpTo = upTo;
    this.reading ??= this.readUp().finally(() => (this.reading = null));
  }

  private async readUp(): Promise<void> {
    while ((this.readingAll || this.readingUpTo > this.latestId) && !this.closed) {
      const all = this.readingAll;
      this.readingAll = false;
      const upTo = all ? undefined : this.readingUpTo;
      try {
        const events = await readEvents({ reportId: this.reportId, afterId: this.latestId, upTo, limit: EVENTS_PAGE });
        events.forEach((e) => this.fanOut(e));
        if (events.length === EVENTS_PAGE) this.readingAll ||= all;
        else if (upTo !== undefined && upTo > this.latestId) this.latestId = upTo;
      } catch {
        // Each stream reads for itself.
        this.streams.forEach((s) => s.resync());
        return;
      }
    }
  }

  private fanOut(e: StoredEvent): void {
    if (this.recent.has(e.id)) return;
    this.recent.add(e.id);
    if (this.recent.size > RECENT_IDS) this.recent.delete(this.recent.values().next().value!);
    if (e.id > this.latestId) this.latestId = e.id;
    let frame: Uint8Array | null = null;
    const shared = () => (frame ??= changeFrame(e, e.id));
    for (const stream of this.streams) stream.event(e, shared);
  }

  /** Someone's presence changed: re-read it once, shortly, for every stream. */
  presenceChanged(delayMs = 100): void {
    if (this.presenceTimer || this.closed) return;
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = null;
      void this.refreshPresence().catch(() => undefined);
    }, delayMs);
  }

  private async refreshPresence(): Promise<void> {
    const json = JSON.stringify({ people: await listPresence(this.reportId) });
    if (json === this.presenceJson) return;
    this.presenceJson = json;
    this.presenceBytes = encoder.encode(`event: presence\ndata: ${json}\n\n`);
    for (const s of this.streams) s.write(this.presenceBytes);
  }

  /** One query for everyone streaming the report here: those who left the workspace are cut off. */
  private async checkMembership(): Promise<void> {
    const asked = [...new Set([...this.streams].map((s) => s.userId))];
    if (!asked.length) return;
    const still = await reportAccessOfUsers(this.reportId, asked);
    const gone = new Set(asked.filter((id) => !still.has(id)));
    // Only those asked about: a stream that joined while the query ran was checked as it opened.
    if (gone.size) for (const s of [...this.streams]) if (gone.has(s.userId)) s.revoke();
  }
}

const hubs = new Map<string, Promise<ReportHub>>();

function startedHub(reportId: string, workspaceId: string): Promise<ReportHub> {
  let hub = hubs.get(reportId);
  if (!hub) {
    const made = new ReportHub(reportId, workspaceId, () => hubs.delete(reportId));
    hub = made.start().then(() => made);
    hubs.set(reportId, hub);
    hub.catch((e) => {
      if (hubs.get(reportId) === hub) hubs.delete(reportId);
      logger().warn({ err: e instanceof Error ? e.message : String(e), reportId }, "live events: could not start a report's hub");
    });
  }
  return hub;
}

/**
 * Adds a stream to its report's hub on this instance, started by the report's first stream (the
 * first streams of a report opening together wait for one start). Returns the hub, which the
 * stream leaves with `remove`.
 */
export async function joinReportHub(reportId: string, workspaceId: string, stream: HubStream): Promise<ReportHub> {
  for (;;) {
    const hub = await startedHub(reportId, workspaceId);
    // Its last stream may have left while this one waited: then a new hub starts.
    if (hub.closed) continue;
    hub.add(stream);
    return hub;
  }
}
