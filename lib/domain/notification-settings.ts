import type { NotificationKind } from "./notifications";

/** How notifications go by email: not at all, each thread's shortly after (batched), or in a daily or weekly digest. */
export const EMAIL_MODES = ["off", "instant", "daily", "weekly"] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export interface NotificationSettingsView {
  /**
   * The mode for every kind not in `byKind`; `off` turns all email off, whatever `byKind` says.
   * (The rule is applied in SQL, once: lib/server/email/outbox.ts, emailModeSql.)
   */
  email: EmailMode;
  /** Kinds that go another way than `email`: by default mentions, assignments and due-date reminders come at once. */
  byKind: Partial<Record<NotificationKind, Exclude<EmailMode, "off">>>;
  /** The hour (0–23, in `timeZone`) digests are sent; a weekly digest goes on Mondays. */
  digestHour: number;
  /** An IANA time zone, e.g. "Asia/Beirut". */
  timeZone: string;
}

/**
 * A person who never chose: mentions (in a thread or in the team notes), assignments and due-date
 * reminders by email shortly after they happen; everything else (replies, verdicts) in a daily
 * digest at 08:00 UTC.
 */
export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettingsView = {
  email: "daily",
  byKind: { mention: "instant", notes_mention: "instant", assignment: "instant", due_soon: "instant" },
  digestHour: 8,
  timeZone: "UTC",
};

/** Whether `zone` is a time zone this runtime knows (IANA names such as "Asia/Beirut", or "UTC"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The hour (0–23) and weekday (0 = Sunday) it is at `at` in `timeZone`. */
export function localHourAndDay(at: Date, timeZone: string): { hour: number; weekday: number } {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", hourCycle: "h23", weekday: "short" }).formatToParts(at);
  const hour = Number(parts.find((p) => p.type === "hour")?.value ?? 0) % 24;
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.find((p) => p.type === "weekday")?.value ?? "Sun");
  return { hour, weekday };
}

/** Whether a digest of `mode` is due at `at` (on the hour): daily at the chosen hour, weekly on Mondays at it. */
export function digestDue(
  settings: Pick<NotificationSettingsView, "digestHour" | "timeZone">,
  mode: "daily" | "weekly",
  at: Date,
): boolean {
  const { hour, weekday } = localHourAndDay(at, settings.timeZone);
  return hour === settings.digestHour && (mode === "daily" || weekday === 1);
}
