/**
 * What bench:live makes of what its subscribers received: data in, figures out
 * (no servers, no sockets), so the counting rules can be read and tested apart
 * from the run.
 */
import type { EndedBy, ReceivedChange } from "../lib/testing/live-client";

/** One annotation the bench created, as the bench saw its POST. */
export interface Sent {
  /** performance.now() just before the POST went out. */
  sentAt: number;
  itemId: string;
  /** The instance the POST went to. */
  via: number;
  postMs: number;
}

/** A subscriber as the tally needs it: what its LiveClient kept, and where it was. */
export interface Received {
  instance: number;
  /** A slow reader pauses on purpose: its late arrivals are not lost, and its latencies are kept apart. */
  slow: boolean;
  changes: readonly ReceivedChange[];
  connectedAt: readonly number[];
}

export interface Tally {
  /** (subscriber, event) pairs that arrived in time, each counted once. */
  delivered: number;
  /** Pairs that never arrived (or, for a subscriber reading normally, later than `lostAfterMs`). */
  lost: number;
  lostByInstance: number[];
  /** Arrivals of an event the subscriber already had. */
  duplicates: number;
  /** Arrivals of an event whose id is lower than one the subscriber already had. */
  outOfOrder: number;
  /** Events received on a reconnection whose POST was answered before that connection opened: served from the table. */
  replayed: number;
  /** Send → arrival, in ms, for subscribers reading normally: all, on the instance posted to, on the other one. */
  latency: number[];
  sameInstance: number[];
  otherInstance: number[];
  /** Arrival minus the POST's response (below 0 when the event beat the response). */
  afterResponse: number[];
  /** Send → arrival for the slow readers, pauses included. */
  slowLatency: number[];
}

/** Sorted ascending, for percentiles. */
const sorted = (list: number[]) => list.sort((a, b) => a - b);

/**
 * Counts what each subscriber received of `sends` (other changes, such as a
 * warm-up's, are left out), in arrival order: the first arrival of an event is
 * its delivery, any later one a duplicate.
 */
export function tally(subscribers: readonly Received[], sends: readonly Sent[], instances: number, lostAfterMs: number): Tally {
  const byItem = new Map(sends.map((s) => [s.itemId, s]));
  const t: Tally = {
    delivered: 0,
    lost: 0,
    lostByInstance: Array.from({ length: instances }, () => 0),
    duplicates: 0,
    outOfOrder: 0,
    replayed: 0,
    latency: [],
    sameInstance: [],
    otherInstance: [],
    afterResponse: [],
    slowLatency: [],
  };
  for (const sub of subscribers) {
    const first = new Map<string, number>();
    let highest = -1n;
    for (const change of sub.changes) {
      const sent = byItem.get(change.itemId);
      if (!sent) continue;
      if (first.has(change.itemId)) {
        t.duplicates++;
        continue;
      }
      first.set(change.itemId, change.at);
      const id = BigInt(change.id);
      if (id < highest) t.outOfOrder++;
      else highest = id;
      if (change.connection > 0 && sent.sentAt + sent.postMs < sub.connectedAt[change.connection]) t.replayed++;
    }
    for (const sent of sends) {
      const at = first.get(sent.itemId);
      const ms = at === undefined ? Infinity : at - sent.sentAt;
      if (ms === Infinity || (!sub.slow && ms > lostAfterMs)) {
        t.lost++;
        t.lostByInstance[sub.instance]++;
        continue;
      }
      t.delivered++;
      if (sub.slow) {
        t.slowLatency.push(ms);
        continue;
      }
      t.latency.push(ms);
      (sub.instance === sent.via ? t.sameInstance : t.otherInstance).push(ms);
      t.afterResponse.push(ms - sent.postMs);
    }
  }
  for (const list of [t.latency, t.sameInstance, t.otherInstance, t.afterResponse, t.slowLatency]) sorted(list);
  return t;
}

/** How the connections of these clients ended so far, by reason (every client's `endedBy` added up). */
export function endedByReason(clients: readonly { endedBy: ReadonlyMap<EndedBy, number> }[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const c of clients) for (const [reason, n] of c.endedBy) total[reason] = (total[reason] ?? 0) + n;
  return total;
}

/** `after` minus `before`, reason by reason (reasons with no change left out). */
export function endedSince(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const change: Record<string, number> = {};
  for (const [reason, n] of Object.entries(after)) if (n - (before[reason] ?? 0)) change[reason] = n - (before[reason] ?? 0);
  return change;
}

/** Streams that ended without the bench closing them: every reason but a refused reconnection, which never was a stream. */
export const streamsEnded = (byReason: Record<string, number>) =>
  Object.entries(byReason).reduce((sum, [reason, n]) => (reason === "refused" ? sum : sum + n), 0);

/** The least-squares slope of y over x; null with fewer than two distinct x. */
export function slope(points: readonly { x: number; y: number }[]): number | null {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  if (n < 2 || sxx === 0) return null;
  return points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
}
