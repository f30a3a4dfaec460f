import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { emailConfigured } from "./mailer";
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  EMAIL_MODES,
  type EmailMode,
  type NotificationSettingsView,
} from "@/lib/domain/notification-settings";
import { NOTIFICATION_KINDS } from "@/lib/domain/notifications";
import type { NotificationSettingsInput } from "@/lib/validations/notification";

/** What a settings row's `byKind` holds, kept to known kinds and modes (a kind renamed later is dropped, not trusted). */
function byKindOf(json: unknown): NotificationSettingsView["byKind"] {
  const out: NotificationSettingsView["byKind"] = {};
  if (!json || typeof json !== "object") return out;
  for (const kind of NOTIFICATION_KINDS) {
    const mode = (json as Record<string, unknown>)[kind];
    if (typeof mode === "string" && mode !== "off" && (EMAIL_MODES as readonly string[]).includes(mode))
      out[kind] = mode as Exclude<EmailMode, "off">;
  }
  return out;
}

type SettingsRow = { email: EmailMode; byKind: unknown; digestHour: number; timeZone: string };

export function settingsView(row: SettingsRow | null): NotificationSettingsView {
  if (!row) return { ...DEFAULT_NOTIFICATION_SETTINGS, byKind: { ...DEFAULT_NOTIFICATION_SETTINGS.byKind } };
  return { email: row.email, byKind: byKindOf(row.byKind), digestHour: row.digestHour, timeZone: row.timeZone };
}

/** A person's email settings: theirs, or the defaults while they have never chosen. */
export async function getNotificationSettings(userId: string): Promise<NotificationSettingsView> {
  return settingsView(await db.notificationSettings.findUnique({ where: { userId } }));
}

/** Changes the fields given; the others keep their value (the defaults' the first time). `byKind: { reply: null }` removes a kind's own way. */
export async function updateNotificationSettings(userId: string, input: NotificationSettingsInput): Promise<NotificationSettingsView> {
  return db.$transaction(async (tx) => {
    // Locks the row (or, the first time, the user's place for it) so two saves at once merge, not race.
    const [user] = await tx.$queryRaw<unknown[]>`SELECT 1 FROM users WHERE id = ${userId} FOR UPDATE`;
    if (!user) throw notFound("That account");
    const current = settingsView(await tx.notificationSettings.findUnique({ where: { userId } }));
    const byKind = { ...current.byKind };
    for (const [kind, mode] of Object.entries(input.byKind ?? {}) as [keyof typeof byKind, Exclude<EmailMode, "off"> | null][]) {
      if (mode === null) delete byKind[kind];
      else byKind[kind] = mode;
    }
    const next = {
      email: input.email ?? current.email,
      byKind,
      digestHour: input.digestHour ?? current.digestHour,
      timeZone: input.timeZone ?? current.timeZone,
    };
    await tx.notificationSettings.upsert({ where: { userId }, create: { userId, ...next }, update: next });
    return next;
  });
}

/** Turns every email off (the one-click unsubscribe link); the rest of the settings stay, for turning it on again. */
export async function turnEmailOff(userId: string): Promise<void> {
  await updateNotificationSettings(userId, { email: "off" });
}

/** The emails that could not be sent to this person lately (newest first), for Settings. */
export async function recentEmailFailures(userId: string, limit = 5): Promise<{ kind: string; error: string; createdAt: Date }[]> {
  return db.emailFailure.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { kind: true, error: true, createdAt: true },
  });
}

/** What Settings shows and the API answers: the settings, whether this server sends email at all, and the messages that could not be sent. */
export async function emailSettingsView(userId: string) {
  const [settings, failures] = await Promise.all([getNotificationSettings(userId), recentEmailFailures(userId)]);
  return { ...settings, emailAvailable: emailConfigured(), failures };
}
