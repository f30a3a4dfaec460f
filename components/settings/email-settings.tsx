"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ApiError, apiFetch } from "@/lib/api/browser/client";
import type { Jsonified } from "@/lib/domain/json";
import type { NotificationSettingsView } from "@/lib/domain/notification-settings";

export type EmailSettingsData = Jsonified<
  NotificationSettingsView & { emailAvailable: boolean; failures: { kind: string; error: string; createdAt: Date }[] }
>;

/** The kinds that come "right away" when the box is ticked: what asks something of you, or names you. */
const URGENT = ["mention", "notes_mention", "assignment", "due_soon"] as const;

const MODE_LABEL = {
  off: "No email",
  instant: "Shortly after it happens",
  daily: "A daily digest",
  weekly: "A weekly digest (Mondays)",
} as const;

function hourLabel(h: number): string {
  return `${String(h).padStart(2, "0")}:00`;
}

function zones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set(["UTC", current, ...known])];
}

/** Settings → Email: how notifications reach this person by email, and what could not be sent. */
export function EmailSettings({ initial }: { initial: EmailSettingsData }) {
  const [saved, setSaved] = useState(initial);
  const hydrated = useHydrated();
  const [chosenZone, setTimeZone] = useState<string | null>(null);
  // A person who never chose a zone (UTC, the default) is offered their browser's (once in the browser: the server's may differ).
  const timeZone =
    chosenZone ?? (hydrated && initial.timeZone === "UTC" ? Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC" : initial.timeZone);
  const [email, setEmail] = useState(initial.email);
  const [urgent, setUrgent] = useState(URGENT.every((k) => initial.byKind[k] === "instant"));
  const [digestHour, setDigestHour] = useState(initial.digestHour);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setMessage(null);
    try {
      const byKind = Object.fromEntries(URGENT.map((k) => [k, urgent ? "instant" : null]));
      const next = await apiFetch<EmailSettingsData>("/api/v1/me/notification-settings", {
        method: "PUT",
        json: { email, byKind, digestHour, timeZone },
      });
      setSaved(next);
      setMessage({ tone: "success", text: next.email === "off" ? "Saved: you will get no email." : "Saved." });
    } catch (err) {
      setMessage({ tone: "error", text: err instanceof ApiError ? err.message : "Could not save. Check your connection and try again." });
    } finally {
      setPending(false);
    }
  }

  const digests = email === "daily" || email === "weekly";
  return (
    <form onSubmit={onSubmit} className="mt-4 max-w-md space-y-4" noValidate>
      {!saved.emailAvailable && (
        <Alert tone="info">This server does not send email yet (no SMTP server is set up). Your choices are kept for when it does.</Alert>
      )}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Field label="Email me about notifications" hint="Replies, verdicts and everything else you are notified of in the app.">
        {(p) => (
          <select {...p} name="email" value={email} onChange={(e) => setEmail(e.target.value as typeof email)}>
            {(Object.keys(MODE_LABEL) as (keyof typeof MODE_LABEL)[]).map((m) => (
              <option key={m} value={m}>
                {MODE_LABEL[m]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="flex items-start gap-2 text-sm text-stone-800 dark:text-stone-200">
        <input
          type="checkbox"
          name="urgent"
          className="mt-0.5 size-4 accent-amber-700"
          checked={urgent}
          disabled={email === "off"}
          onChange={(e) => setUrgent(e.target.checked)}
        />
        <span>
          Mentions, assignments and due dates shortly after they happen
          <span className="block text-xs text-stone-500 dark:text-stone-400">
            A thread’s updates come together in one message a few minutes later, and not at all if you have read them in the app.
          </span>
        </span>
      </label>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Digest time" hint={digests ? undefined : "Used when you choose a digest."}>
          {(p) => (
            <select {...p} name="digestHour" value={digestHour} onChange={(e) => setDigestHour(Number(e.target.value))}>
              {Array.from({ length: 24 }, (_, h) => (
                <option key={h} value={h}>
                  {hourLabel(h)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Time zone">
          {(p) => (
            <select {...p} name="timeZone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
              {(hydrated ? zones(timeZone) : [timeZone]).map((z) => (
                <option key={z} value={z}>
                  {z.replaceAll("_", " ")}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Button type="submit" disabled={pending || !hydrated}>
        {pending ? "Saving…" : "Save email settings"}
      </Button>
      {saved.failures.length > 0 && (
        <div className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          <p className="font-medium">Some emails could not be sent to you</p>
          <ul className="mt-1 list-disc space-y-1 ps-5">
            {saved.failures.map((f) => (
              <li key={f.createdAt + f.error}>
                {new Date(f.createdAt).toLocaleString()} ({f.kind === "digest" ? "digest" : "notification"}): {f.error}
              </li>
            ))}
          </ul>
          <p className="mt-1 text-xs">Your notifications are still here in the app. If this keeps happening, ask your administrator.</p>
        </div>
      )}
    </form>
  );
}
