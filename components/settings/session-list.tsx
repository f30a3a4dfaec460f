"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/api/browser/client";
import { RelativeTime } from "@/components/ui/relative-time";

export interface SessionRow {
  id: string;
  device: string;
  clientAddress: string | null;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

/** Where you are signed in, each with its own "Sign out", and "Sign out everywhere". */
export function SessionList({ initial }: { initial: SessionRow[] }) {
  const [sessions, setSessions] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);

  async function end(id: string) {
    setPending(id);
    setError(null);
    try {
      await apiFetch(`/api/v1/me/sessions/${encodeURIComponent(id)}`, { method: "DELETE" });
      setSessions((list) => list.filter((s) => s.id !== id));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setPending(null);
    }
  }

  async function endEverywhere() {
    if (!window.confirm("Sign out on every device, this one included?")) return;
    setPending("all");
    setError(null);
    try {
      await apiFetch("/api/v1/me/sessions", { method: "DELETE" });
      await signOut({ callbackUrl: "/signin" });
    } catch (err) {
      setError((err as Error).message);
      setPending(null);
    }
  }

  return (
    <div className="mt-4 space-y-4">
      {error && <Alert>{error}</Alert>}
      <ul
        className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900"
        aria-label="Signed-in sessions"
      >
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
            <div className="min-w-0 flex-1">
              <p className="font-medium">
                {s.device}
                {s.current && (
                  <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
                    This browser
                  </span>
                )}
              </p>
              <p className="text-sm text-stone-600 dark:text-stone-400">
                {s.clientAddress ? `From ${s.clientAddress} · signed in` : "Signed in"} <RelativeTime iso={s.createdAt} /> · last active{" "}
                <RelativeTime iso={s.lastSeenAt} />
              </p>
            </div>
            {!s.current && (
              <Button
                variant="secondary"
                size="sm"
                disabled={pending !== null}
                onClick={() => void end(s.id)}
                aria-label={`Sign out ${s.device}${s.clientAddress ? ` from ${s.clientAddress}` : ""}`}
              >
                {pending === s.id ? "Signing out…" : "Sign out"}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <div>
        <Button variant="secondary" disabled={pending !== null} onClick={() => void endEverywhere()}>
          {pending === "all" ? "Signing out everywhere…" : "Sign out everywhere"}
        </Button>
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
          Ends every session, this one included. Personal access tokens keep working; revoke them below.
        </p>
      </div>
    </div>
  );
}
