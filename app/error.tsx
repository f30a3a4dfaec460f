"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect, useState } from "react";

/** How often a page that failed because the app is unavailable checks whether it is back. */
const CHECK_EVERY_MS = 5_000;

type Cause = "checking" | "unavailable" | "error";

/**
 * A page that could not be shown. When the reason is that the app cannot
 * reach its database (a restart, an outage: `/api/health/ready` answers 503),
 * it says so calmly and shows the page again by itself once it is back.
 */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const router = useRouter();
  const [cause, setCause] = useState<Cause>("checking");

  useEffect(() => {
    if (cause === "error") return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      const ready = await fetch("/api/health/ready", { cache: "no-store" }).then(
        (res) => res.status,
        () => 0,
      );
      if (stopped) return;
      if (ready === 200) {
        if (cause === "unavailable") {
          startTransition(() => {
            router.refresh();
            reset();
          });
        } else setCause("error");
        return;
      }
      setCause("unavailable");
      timer = setTimeout(() => void check(), CHECK_EVERY_MS);
    };
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [cause, reset, router]);

  if (cause === "unavailable") {
    return (
      <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center px-6 text-center" aria-live="polite">
        <h1 className="font-serif text-3xl font-semibold">Marginalia is temporarily unavailable</h1>
        <p className="mt-3 text-stone-600 dark:text-stone-400">
          It cannot reach its database just now, usually for a few seconds while it restarts. Nothing you saved is lost. This page will come
          back by itself as soon as it can.
        </p>
        <p className="mt-6 flex items-center gap-2 text-sm text-stone-500 dark:text-stone-400" data-testid="unavailable-waiting">
          <span className="inline-block h-2 w-2 animate-pulse rounded-full bg-amber-500" aria-hidden="true" />
          Checking again every few seconds…
        </p>
      </main>
    );
  }

  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center px-6 text-center">
      <h1 className="font-serif text-3xl font-semibold">{cause === "checking" ? "One moment…" : "Something went wrong"}</h1>
      {cause === "error" && (
        <>
          <p className="mt-3 text-stone-600 dark:text-stone-400">
            The page could not be shown. Your work is saved; try again, and if it keeps happening, reload the page.
          </p>
          <button
            type="button"
            onClick={reset}
            className="mt-6 rounded-md bg-stone-900 px-4 py-2 text-sm font-medium text-white dark:bg-stone-100 dark:text-stone-900"
          >
            Try again
          </button>
        </>
      )}
    </main>
  );
}
