"use client";

import { HocuspocusProvider, WebSocketStatus } from "@hocuspocus/provider";
import * as Y from "yjs";
import { ApiError, apiFetch } from "@/lib/api/browser/client";
import type { CollabTicket } from "@/lib/domain/notes";

/**
 * A browser's co-editing session for one report's notes: the Yjs document and
 * the Hocuspocus connection to the collaboration server. It outlives the panel
 * (the phone sheet and the sidebar remount it) and keeps the document while
 * offline, so typing done then is merged when the connection returns.
 */
export type CollabStatus = "connected" | "reconnecting" | "offline" | "denied" | "full";

export interface CollabState {
  status: CollabStatus;
  /** People with the notes open, you included. */
  editing: number;
  /** Changes the server has not confirmed yet. */
  unsynced: boolean;
}

/** How long to wait for the collaboration server before writing without it. */
const PROBE_MS = 5_000;
/** A panel that goes away may come back (sidebar ⇄ sheet): keep the session a while. */
const LINGER_MS = 30_000;
const RECONNECT_MAX_DELAY_MS = 8_000;
/** After a close, how often to ask the app whether we are still a member. */
const CHECK_EVERY_MS = 15_000;
/** Ask for a new token this long before the old one expires. */
const REFRESH_BEFORE_S = 60;

const ticketUrl = (reportId: string) => `/api/v1/reports/${reportId}/notes/collab`;

export class CollabSession {
  readonly doc = new Y.Doc();
  readonly provider: HocuspocusProvider;
  refs = 0;
  #ticket: CollabTicket;
  #state: CollabState = { status: "reconnecting", editing: 1, unsynced: false };
  #listeners = new Set<() => void>();
  /** Why the server refused us, if it did. */
  #denied: "denied" | "full" | null = null;
  #lastCheck = 0;

  constructor(
    readonly reportId: string,
    ticket: CollabTicket,
  ) {
    this.#ticket = ticket;
    this.provider = new HocuspocusProvider({
      url: ticket.url,
      name: ticket.document,
      document: this.doc,
      token: () => this.#token(),
      onAuthenticationFailed: ({ reason }) => {
        this.#denied = reason === "too-many-connections" ? "full" : "denied";
        this.#update();
      },
    });
    // Back within seconds of the network (or the server) coming back, not the default half-minute.
    this.provider.configuration.websocketProvider.setConfiguration({ maxDelay: RECONNECT_MAX_DELAY_MS });
    this.provider.setAwarenessField("user", { id: ticket.user.id, name: ticket.user.name, color: ticket.user.color });
    for (const event of ["status", "synced", "unsyncedChanges", "awarenessChange", "authenticated"]) this.provider.on(event, this.#update);
    this.provider.on("close", this.#closed);
    window.addEventListener("online", this.#online);
    window.addEventListener("offline", this.#update);
  }

  get ticket(): CollabTicket {
    return this.#ticket;
  }

  /** For useSyncExternalStore. */
  subscribe = (listener: () => void) => {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  };

  getState = () => this.#state;

  destroy(): void {
    window.removeEventListener("online", this.#online);
    window.removeEventListener("offline", this.#update);
    this.provider.destroy();
    this.doc.destroy();
  }

  /** The token for each (re)connection, renewed when it is about to expire. */
  async #token(): Promise<string> {
    if (this.#ticket.expiresAt - Date.now() / 1000 > REFRESH_BEFORE_S) return this.#ticket.token;
    try {
      this.#ticket = await apiFetch<CollabTicket>(ticketUrl(this.reportId));
    } catch (e) {
      // No longer a member: say so. Anything else (offline): the server will judge the old token.
      if (e instanceof ApiError && (e.status === 401 || e.status === 404)) throw e;
    }
    return this.#ticket.token;
  }

  /**
   * The connection closed. The server also closes the notes (not the socket)
   * of someone whose membership ended: ask the app whether we may still come
   * back, and either say that we may not or open them again.
   */
  #closed = async () => {
    this.#update();
    // Once per while: a server that is down closes every reconnection attempt.
    if (this.#denied || Date.now() - this.#lastCheck < CHECK_EVERY_MS) return;
    this.#lastCheck = Date.now();
    try {
      this.#ticket = await apiFetch<CollabTicket>(ticketUrl(this.reportId));
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 404)) {
        this.#denied = "denied";
        this.provider.configuration.websocketProvider.disconnect();
        this.#update();
      }
      return;
    }
    const socket = this.provider.configuration.websocketProvider;
    if (socket.status === WebSocketStatus.Connected && !this.provider.isAuthenticated) {
      socket.disconnect();
      void socket.connect();
    }
  };

  /** Back online: try now rather than at the end of the reconnection back-off. */
  #online = () => {
    const socket = this.provider.configuration.websocketProvider;
    if (socket.status !== WebSocketStatus.Connected && !this.#denied) void socket.connect();
    this.#update();
  };

  #update = () => {
    const online = this.provider.configuration.websocketProvider.status === WebSocketStatus.Connected && this.provider.isSynced;
    const unsynced = this.provider.hasUnsyncedChanges;
    const status: CollabStatus = this.#denied
      ? this.#denied
      : online
        ? "connected"
        : typeof navigator !== "undefined" && (!navigator.onLine || unsynced)
          ? "offline"
          : "reconnecting";
    const people = new Set<string>();
    for (const state of this.provider.awareness?.getStates().values() ?? []) {
      const id = (state as { user?: { id?: unknown } }).user?.id;
      if (typeof id === "string") people.add(id);
    }
    const next = { status, editing: Math.max(1, people.size), unsynced };
    if (next.status === this.#state.status && next.editing === this.#state.editing && next.unsynced === this.#state.unsynced) return;
    this.#state = next;
    for (const listener of this.#listeners) listener();
  };
}

const sessions = new Map<string, Promise<CollabSession | null>>();

/**
 * The session for a report's notes, or null when co-editing is unavailable
 * (no collaboration server answering, or no ticket): the panel then saves
 * through the REST API as before. Decided once per page for each report.
 */
function sessionFor(reportId: string): Promise<CollabSession | null> {
  let found = sessions.get(reportId);
  if (!found) {
    found = connect(reportId);
    sessions.set(reportId, found);
  }
  return found;
}

async function connect(reportId: string): Promise<CollabSession | null> {
  let ticket: CollabTicket;
  try {
    ticket = await apiFetch<CollabTicket>(ticketUrl(reportId));
  } catch {
    return null;
  }
  const session = new CollabSession(reportId, ticket);
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), PROBE_MS);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      resolve(ok);
    };
    session.provider.on("synced", () => done(true));
    session.provider.on("authenticationFailed", () => done(false));
    // Refused before it ever opened: nothing is listening there.
    session.provider.on("close", () => {
      if (!session.provider.isSynced) done(false);
    });
  });
  if (ready) return session;
  session.destroy();
  return null;
}

/** Holds the session while a panel shows it; `release` lets it go (after a while, and never with unsent changes). */
export function openCollabSession(reportId: string): { session: Promise<CollabSession | null>; release: () => void } {
  const session = sessionFor(reportId);
  let released = false;
  void session.then((s) => {
    if (s && !released) s.refs += 1;
  });
  return {
    session,
    release: () => {
      if (released) return;
      released = true;
      void session.then((s) => {
        if (!s) return;
        s.refs -= 1;
        scheduleClose(s);
      });
    },
  };
}

function scheduleClose(session: CollabSession): void {
  setTimeout(() => {
    if (session.refs > 0) return;
    // Offline typing not yet merged: keep the document until it is.
    if (session.provider.hasUnsyncedChanges) return scheduleClose(session);
    sessions.delete(session.reportId);
    session.destroy();
  }, LINGER_MS);
}
