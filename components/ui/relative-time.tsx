"use client";

import { createContext, useContext, useSyncExternalStore } from "react";
import { relativeTime } from "@/lib/format/relative-time";

/**
 * When the server rendered the page (ms since the epoch). Times are first
 * rendered against it, in UTC, on the server and again while the browser
 * hydrates the page, so the two agree; then against the browser's clock, in
 * its time zone.
 */
export const ServerNow = createContext<number | null>(null);

export function ServerNowProvider({ now, children }: { now: number; children: React.ReactNode }) {
  return <ServerNow value={now}>{children}</ServerNow>;
}

const MINUTE = 60_000;
let current = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

/** One clock for every time on the page, ticking each minute while any is shown. */
function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    current = Date.now();
    timer = setInterval(() => {
      current = Date.now();
      for (const l of listeners) l();
    }, MINUTE);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The browser's now, or null while the page is rendered on the server or hydrated. */
function useBrowserNow(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
}

/**
 * "5 minutes ago" in a <time> element, the same on the server and in the
 * browser's first render (no hydration mismatch), then the browser's own,
 * kept up to date, with the full local date and time as its title.
 */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const browserNow = useBrowserNow();
  const serverNow = useContext(ServerNow);
  if (browserNow === null) {
    return (
      <time className={className} dateTime={iso}>
        {relativeTime(iso, serverNow ?? new Date(iso), { timeZone: "UTC" })}
      </time>
    );
  }
  return (
    <time className={className} dateTime={iso} title={new Date(iso).toLocaleString()}>
      {relativeTime(iso, browserNow)}
    </time>
  );
}
