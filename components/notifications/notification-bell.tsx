"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/api/browser/client";

/** Fired (with the new unread count as detail) when this tab marks notifications read. */
export const UNREAD_EVENT = "marginalia:notifications-unread";

const REFRESH_MS = 60_000;

/** The top bar's bell: a link to /notifications with the unread count, kept fresh. */
export function NotificationBell({ initialCount }: { initialCount: number }) {
  const [count, setCount] = useState(initialCount);
  const [seen, setSeen] = useState(initialCount);
  // A fresh count from the server (a navigation or router.refresh) wins.
  if (initialCount !== seen) {
    setSeen(initialCount);
    setCount(initialCount);
  }

  useEffect(() => {
    let cancelled = false;
    const refresh = async () => {
      try {
        const data = await apiFetch<{ unread: number }>("/api/v1/notifications?unread=true&limit=1", { cache: "no-store" });
        if (!cancelled && typeof data.unread === "number") setCount(data.unread);
      } catch {
        // Offline or signed out for a moment: keep the last count; the next tick tries again.
      }
    };
    const onUnread = (e: Event) => {
      const n = (e as CustomEvent<unknown>).detail;
      if (typeof n === "number") setCount(n);
    };
    const timer = setInterval(refresh, REFRESH_MS);
    window.addEventListener("focus", refresh);
    window.addEventListener(UNREAD_EVENT, onUnread);
    return () => {
      cancelled = true;
      clearInterval(timer);
      window.removeEventListener("focus", refresh);
      window.removeEventListener(UNREAD_EVENT, onUnread);
    };
  }, []);

  return (
    <Link
      href="/notifications"
      aria-label={`Notifications, ${count} unread`}
      title="Notifications"
      className="relative inline-flex h-9 w-9 items-center justify-center rounded-full text-stone-700 hover:bg-stone-200/70 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600 dark:text-stone-300 dark:hover:bg-stone-800"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-5 w-5"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.75}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 && (
        <span
          aria-hidden="true"
          className="absolute -top-0.5 -right-0.5 inline-flex h-[18px] min-w-[18px] items-center justify-center rounded-full bg-red-700 px-1 text-[10px] leading-none font-semibold text-white ring-2 ring-stone-50 dark:ring-stone-950"
        >
          {count > 99 ? "99+" : count}
        </span>
      )}
    </Link>
  );
}
