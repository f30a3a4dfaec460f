"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ApiError, apiFetch } from "@/lib/api/browser/client";

/** The unsubscribe page's one action: turn every email off, with the link's token (no sign-in needed). */
export function UnsubscribeConfirm({ token }: { token: string }) {
  const hydrated = useHydrated();
  const [state, setState] = useState<"ready" | "pending" | "done">("ready");
  const [error, setError] = useState<string | null>(null);

  if (!token) return <Alert>This unsubscribe link is incomplete. Open Settings in Marginalia to change your email.</Alert>;

  async function unsubscribe() {
    setState("pending");
    setError(null);
    try {
      await apiFetch("/api/v1/email/unsubscribe", { method: "POST", json: { token } });
      setState("done");
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Could not unsubscribe. Check your connection and try again.");
      setState("ready");
    }
  }

  if (state === "done")
    return (
      <div className="space-y-4 text-center">
        <Alert tone="success">You will get no more email from Marginalia.</Alert>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Your notifications are still in the app. To get email again, choose it in{" "}
          <Link href="/settings#email" className="underline underline-offset-2">
            Settings
          </Link>
          .
        </p>
      </div>
    );
  return (
    <div className="space-y-4 text-center">
      <h1 className="text-lg font-semibold">Stop all email from Marginalia?</h1>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        You will still see your notifications in the app. You can turn email on again in Settings.
      </p>
      {error && <Alert>{error}</Alert>}
      <Button type="button" onClick={unsubscribe} disabled={!hydrated || state === "pending"}>
        {state === "pending" ? "Unsubscribing…" : "Unsubscribe from all email"}
      </Button>
    </div>
  );
}
