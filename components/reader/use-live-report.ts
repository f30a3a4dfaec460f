"use client";

import { useEffect, useRef, useState } from "react";

/** A change to the report, as the event stream names it (the item itself is fetched). */
export interface LiveChange {
  id: string;
  type: string;
  itemType: "annotation" | "reply" | "report" | "notes" | "share_link";
  itemId: string;
  parentId: string | null;
  actorId: string | null;
}

export interface PresentPerson {
  user: { id: string; name: string };
  passageIndex: number | null;
}

export type LiveStatus = "connecting" | "live" | "reconnecting" | "revoked";

const PRESENCE_EVERY_MS = 10_000;
/** Waits between the page's own reconnections, once EventSource has given up: 2 s, doubling to 30 s. */
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 30_000;

function newSessionId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `s-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** The ¶ number of the passage at the top of the reading area. */
function passageInView(): number | null {
  const passages = document.querySelectorAll<HTMLElement>("[data-testid=report-text] [id^='p-']");
  for (const el of passages) {
    if (el.getBoundingClientRect().bottom > 96) return Number(el.id.slice(2)) || null;
  }
  return null;
}

/**
 * Keeps a report page live: the event stream (EventSource resumes with
 * Last-Event-ID by itself after a drop), and this page's presence — where the
 * reader is, every few seconds and as they scroll, and that they left.
 */
export function useLiveReport(options: { reportId: string; afterId: string; onChange: (change: LiveChange) => void; enabled: boolean }) {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [people, setPeople] = useState<PresentPerson[]>([]);
  const onChange = useRef(options.onChange);
  useEffect(() => {
    onChange.current = options.onChange;
  });

  useEffect(() => {
    const { reportId, afterId, enabled } = options;
    if (!enabled) return;
    const sessionId = newSessionId();
    let source: EventSource;
    let lastEventId = afterId;
    let revoked = false;
    let retryMs = RETRY_FIRST_MS;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    const connect = () => {
      source = new EventSource(`/api/v1/reports/${reportId}/events?after=${encodeURIComponent(lastEventId)}&session=${sessionId}`);
      source.addEventListener("open", () => {
        retryMs = RETRY_FIRST_MS;
        setStatus("live");
      });
      // EventSource reconnects by itself after a dropped connection, resuming from the last event id it saw.
      // It gives up for good when the server answers with an error (503 while the database is away):
      // then this page tries again itself, waiting longer each time, from the last event it received.
      source.addEventListener("error", () => {
        if (revoked) return;
        setStatus("reconnecting");
        if (source.readyState !== EventSource.CLOSED || retryTimer) return;
        retryTimer = setTimeout(() => {
          retryTimer = null;
          connect();
        }, retryMs);
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
      });
      source.addEventListener("change", (e) => {
        const message = e as MessageEvent<string>;
        if (message.lastEventId) lastEventId = message.lastEventId;
        try {
          onChange.current(JSON.parse(message.data) as LiveChange);
        } catch {
          // a malformed event is skipped
        }
      });
      source.addEventListener("presence", (e) => {
        try {
          setPeople((JSON.parse((e as MessageEvent<string>).data) as { people: PresentPerson[] }).people);
        } catch {
          // ignored
        }
      });
      source.addEventListener("revoked", () => {
        revoked = true;
        setStatus("revoked");
        source.close();
      });
    };
    connect();

    let lastSent: number | null | undefined;
    const report = (force: boolean) => {
      const passageIndex = passageInView();
      if (!force && passageIndex === lastSent) return;
      lastSent = passageIndex;
      void fetch(`/api/v1/reports/${reportId}/presence`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sessionId, passageIndex }),
        keepalive: true,
      }).catch(() => undefined);
    };
    report(true);
    const timer = setInterval(() => report(true), PRESENCE_EVERY_MS);
    let scrollTimer: ReturnType<typeof setTimeout> | null = null;
    const onScroll = () => {
      if (scrollTimer) return;
      scrollTimer = setTimeout(() => {
        scrollTimer = null;
        report(false);
      }, 1_000);
    };
    const leave = () => {
      navigator.sendBeacon?.(
        `/api/v1/reports/${reportId}/presence`,
        new Blob([JSON.stringify({ sessionId, leaving: true })], { type: "application/json" }),
      );
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("pagehide", leave);
    return () => {
      revoked = true;
      source.close();
      if (retryTimer) clearTimeout(retryTimer);
      clearInterval(timer);
      if (scrollTimer) clearTimeout(scrollTimer);
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("pagehide", leave);
      leave();
    };
    // The stream is opened once per report page; afterId only matters for the first connection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [options.reportId, options.enabled]);

  return { status, people };
}
