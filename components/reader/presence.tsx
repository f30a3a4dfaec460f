"use client";

import { useEffect, useState, type RefObject } from "react";
import { Avatar, hue, initials } from "@/components/ui/avatar";
import type { LiveStatus, PresentPerson } from "./use-live-report";

/** "Reading now": the others who have the report open, and whether this page is live. */
export function ReadingNow({ people, status }: { people: PresentPerson[]; status: LiveStatus }) {
  const names = people.map((p) => p.user.name);
  return (
    <div className="ml-auto flex items-center gap-2 text-xs text-stone-500 dark:text-stone-400" data-testid="reading-now">
      {people.length > 0 && (
        <span className="flex items-center gap-1.5" aria-label={`Also reading now: ${names.join(", ")}`} role="group">
          <span className="flex -space-x-1.5">
            {people.slice(0, 5).map((p) => (
              <span key={p.user.id} className="rounded-full ring-2 ring-stone-50 dark:ring-stone-950">
                <Avatar name={p.user.name} id={p.user.id} />
              </span>
            ))}
          </span>
          {people.length > 5 && <span>+{people.length - 5}</span>}
          <span className="sr-only">{names.join(", ")}</span>
        </span>
      )}
      <span
        role="status"
        className="flex items-center gap-1"
        title={status === "live" ? "Changes by others appear as they happen" : undefined}
      >
        <span
          aria-hidden="true"
          className={`h-1.5 w-1.5 rounded-full ${status === "live" ? "bg-emerald-500" : status === "revoked" ? "bg-red-500" : "bg-amber-500"}`}
        />
        {status === "live" ? "Live" : status === "revoked" ? "Not live" : status === "connecting" ? "Connecting…" : "Reconnecting…"}
      </span>
    </div>
  );
}

/** A faint mark in the margin beside the passage each other reader is looking at. */
export function PresenceMarkers({ people, container }: { people: PresentPerson[]; container: RefObject<HTMLElement | null> }) {
  const [tops, setTops] = useState<Record<string, number>>({});
  useEffect(() => {
    const place = () => {
      const root = container.current;
      if (!root) return;
      const base = root.getBoundingClientRect().top;
      const next: Record<string, number> = {};
      for (const p of people) {
        if (p.passageIndex === null) continue;
        const el = root.querySelector<HTMLElement>(`[data-testid=report-text] #p-${p.passageIndex}`);
        if (el) next[p.user.id] = el.getBoundingClientRect().top - base;
      }
      setTops(next);
    };
    place();
    window.addEventListener("resize", place);
    return () => window.removeEventListener("resize", place);
  }, [people, container]);

  // Several readers on one passage sit side by side.
  const column: Record<string, number> = {};
  const seen = new Map<number, number>();
  for (const p of people) {
    const top = tops[p.user.id];
    if (top === undefined) continue;
    const n = seen.get(top) ?? 0;
    column[p.user.id] = n;
    seen.set(top, n + 1);
  }

  return (
    <div aria-hidden="true" className="pointer-events-none absolute inset-y-0 -left-10 hidden w-10 lg:block">
      {people.map((p) =>
        tops[p.user.id] === undefined ? null : (
          <span
            key={p.user.id}
            data-testid="presence-marker"
            data-user-id={p.user.id}
            title={`${p.user.name} is reading here`}
            data-initials={initials(p.user.name)}
            // Initials drawn by CSS: a faint mark, not text to read (the names are in "Reading now").
            className="absolute inline-flex h-5 w-5 items-center justify-center rounded-full text-[9px] font-semibold text-white opacity-50 transition-[top] duration-300 before:content-[attr(data-initials)]"
            style={{ top: tops[p.user.id] + 3, left: (column[p.user.id] ?? 0) * 12, backgroundColor: `hsl(${hue(p.user.id)} 45% 30%)` }}
          />
        ),
      )}
    </div>
  );
}
