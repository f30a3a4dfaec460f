import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import { DEFAULT_NOTIFICATION_SETTINGS, digestDue } from "@/lib/domain/notification-settings";
import type { NotificationView } from "@/lib/domain/notifications";
import { renderDigest, renderInvitation, renderThreadEmail, type RenderedEmail } from "@/lib/email/render";
import { ROLE_HELP, aRole } from "@/lib/domain/role-words";
import { unseal } from "../secrets";
import { logger } from "@/lib/runtime/logger";
import { notificationViews, stillVisibleSql } from "../notifications/notifications";
import { appUrl, isPermanentFailure, sendEmail } from "./mailer";
import { settingsView } from "./settings";
import { unsubscribeLinks } from "./unsubscribe";

/**
 * The email outbox is the notifications table itself: a notification is recorded (by whatever wrote
 * it, in that write's transaction) with `email_state = 'pending'`, and the jobs in
 * lib/server/jobs/jobs.ts take it from there: nothing to enqueue beside each write, and nothing lost
 * when an instance stops, since a row stays pending until a message about it was accepted by the
 * SMTP server. See docs/deploy.md, "Email".
 */

/** How long a notification waits before its email goes (MARGINALIA_EMAIL_DELAY_SECONDS, default 180): time to batch a thread, and to read it in the app. */
export function emailDelaySeconds(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.MARGINALIA_EMAIL_DELAY_SECONDS ?? 180);
  return Number.isFinite(n) && n >= 0 ? n : 180;
}

/** A pending notification older than this is not emailed any more (a week's digest and a day): email turned on late does not send history. */
const STALE_DAYS = 8;

/** At most this many notifications in one message; the rest wait for the next. */
const MAX_ITEMS = 100;

/**
 * How notification `n` goes to its recipient by email, as SQL (`'off'`, `'instant'`, `'daily'` or
 * `'weekly'`), from their settings row `s` (LEFT JOINed; none: the defaults). The one copy of the rule
 * in lib/domain/notification-settings.ts: `off` turns everything off, else the kind's own way, else `email`.
 */
function emailModeSql(): Prisma.Sql {
  const defaults = JSON.stringify(DEFAULT_NOTIFICATION_SETTINGS.byKind);
  return Prisma.sql`(CASE WHEN s.email = 'off' THEN 'off'
    ELSE COALESCE(CASE WHEN s.user_id IS NULL THEN ${defaults}::jsonb ELSE s.by_kind END ->> n.type::text, s.email::text, ${DEFAULT_NOTIFICATION_SETTINGS.email}) END)`;
}

/** Which thread a notification is about, for batching: its annotation, or the report's team notes. */
const threadKeySql = Prisma.sql`COALESCE(n.annotation_id, 'notes:' || n.report_id)`;

export interface ThreadBatch {
  userId: string;
  threadKey: string;
}

/**
 * The outbox's sweep (every minute): pending notifications nobody will be emailed about are set
 * aside (email off for them; too old), and the threads whose first pending notification has waited
 * `delay` seconds are returned, one batch per person and thread, for the send job.
 */
export async function dueThreadBatches(now = new Date(), delaySeconds = emailDelaySeconds()): Promise<ThreadBatch[]> {
  await db.$executeRaw`
    UPDATE notifications n SET email_state = 'skipped'
    FROM notifications m LEFT JOIN notification_settings s ON s.user_id = m.user_id
    WHERE n.id = m.id AND n.email_state = 'pending'
      AND (${emailModeSql()} = 'off' OR n.created_at < (${now}::timestamptz AT TIME ZONE 'UTC') - make_interval(days => ${STALE_DAYS}))`;
  return db.$queryRaw<ThreadBatch[]>`
    SELECT n.user_id AS "userId", ${threadKeySql} AS "threadKey"
    FROM notifications n LEFT JOIN notification_settings s ON s.user_id = n.user_id
    WHERE n.email_state = 'pending' AND ${emailModeSql()} = 'instant'
    GROUP BY n.user_id, ${threadKeySql}
    HAVING min(n.created_at) <= (${now}::timestamptz AT TIME ZONE 'UTC') - make_interval(secs => ${delaySeconds})
    ORDER BY min(n.created_at)
    LIMIT 1000`;
}

export type SendOutcome = "sent" | "nothing" | "failed";

/**
 * Takes a person's pending notifications that `which` selects (locked, so a second instance skips
 * them), sets aside those read in the app meanwhile or about something they can no longer see, and
 * sends the rest as one message. The rows are marked in the same transaction the send happens in: a
 * crash before the SMTP server accepted leaves them pending (sent later), never lost. A refusal for
 * good, or a failure on the last attempt, is recorded (Settings shows it) and marks them failed; any
 * other failure is thrown, for the job queue to retry with back-off.
 */
async function sendPending(options: {
  userId: string;
  which: Prisma.Sql;
  kind: "instant" | "digest";
  lastAttempt: boolean;
  render: (items: NotificationView[], links: { appUrl: string; unsubscribeUrl: string }) => RenderedEmail;
  threadKey?: string;
  after?: (tx: Tx) => Promise<void>;
}): Promise<SendOutcome> {
  const { userId } = options;
  return db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string; readAt: Date | null; visible: boolean }[]>`
        SELECT n.id, n.read_at AS "readAt", (${stillVisibleSql(userId)}) AS visible
        FROM notifications n LEFT JOIN notification_settings s ON s.user_id = n.user_id
        WHERE n.user_id = ${userId} AND n.email_state = 'pending' AND ${options.which}
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT ${MAX_ITEMS}
        FOR UPDATE OF n SKIP LOCKED`;
      if (locked.length === 0) return "nothing";
      const wanted = locked.filter((r) => r.readAt === null && r.visible).map((r) => r.id);
      const setAside = locked.filter((r) => !wanted.includes(r.id)).map((r) => r.id);
      if (setAside.length) await tx.notification.updateMany({ where: { id: { in: setAside } }, data: { emailState: "skipped" } });
      const rows = wanted.length
        ? await tx.notification.findMany({ where: { id: { in: wanted } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] })
        : [];
      const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
      const items = rows.length && user ? await notificationViews(userId, rows) : [];
      if (items.length === 0 || !user) {
        if (wanted.length) await tx.notification.updateMany({ where: { id: { in: wanted } }, data: { emailState: "skipped" } });
        await options.after?.(tx);
        return "nothing";
      }
      const links = unsubscribeLinks(appUrl(), userId);
      const message = options.render(items, { appUrl: appUrl(), unsubscribeUrl: links.page });
      try {
        await sendEmail({ ...message, to: user.email, oneClickUnsubscribe: links.oneClick, threadKey: options.threadKey });
      } catch (e) {
        if (!isPermanentFailure(e) && !options.lastAttempt) throw e;
        const error = e instanceof Error ? e.message : String(e);
        logger().warn({ userId, kind: options.kind, err: error }, "email not sent, for good");
        await tx.notification.updateMany({ where: { id: { in: wanted } }, data: { emailState: "failed" } });
        await tx.emailFailure.create({ data: { userId, kind: options.kind, error: error.slice(0, 500) } });
        return "failed";
      }
      await tx.notification.updateMany({ where: { id: { in: wanted } }, data: { emailState: "sent", emailedAt: new Date() } });
      await options.after?.(tx);
      return "sent";
    },
    // The SMTP exchange happens inside: more than Prisma's default 5 s may be needed.
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** One thread's batch, for one person: what `dueThreadBatches` found (the send job's work). */
export function sendThreadBatch(batch: ThreadBatch, options: { lastAttempt: boolean }): Promise<SendOutcome> {
  return sendPending({
    userId: batch.userId,
    which: Prisma.sql`${threadKeySql} = ${batch.threadKey} AND ${emailModeSql()} = 'instant'`,
    kind: "instant",
    lastAttempt: options.lastAttempt,
    threadKey: batch.threadKey,
    render: (items, links) => renderThreadEmail(links, items),
  });
}

export interface DigestDue {
  userId: string;
  period: "daily" | "weekly";
}

/** The digest sweep (every hour, on the hour): the people with notifications waiting for a digest that is due now in their time zone. */
export async function dueDigests(now = new Date()): Promise<DigestDue[]> {
  const waiting = await db.$queryRaw<(DigestDue & { settings: boolean })[]>`
    SELECT DISTINCT n.user_id AS "userId", ${emailModeSql()} AS period, s.user_id IS NOT NULL AS settings
    FROM notifications n LEFT JOIN notification_settings s ON s.user_id = n.user_id
    WHERE n.email_state = 'pending' AND ${emailModeSql()} IN ('daily', 'weekly')`;
  const settings = new Map(
    (await db.notificationSettings.findMany({ where: { userId: { in: waiting.filter((w) => w.settings).map((w) => w.userId) } } })).map(
      (s) => [s.userId, settingsView(s)],
    ),
  );
  return waiting
    .filter((w) => digestDue(settings.get(w.userId) ?? DEFAULT_NOTIFICATION_SETTINGS, w.period, now))
    .map(({ userId, period }) => ({ userId, period }));
}

/** A person's digest: everything waiting for it, grouped by workspace and report (the digest job's work). */
export function sendDigest(due: DigestDue, options: { lastAttempt: boolean }): Promise<SendOutcome> {
  return sendPending({
    userId: due.userId,
    which: Prisma.sql`${emailModeSql()} = ${due.period}`,
    kind: "digest",
    lastAttempt: options.lastAttempt,
    render: (items, links) => renderDigest(links, due.period, items),
    after: async (tx) => {
      await tx.notificationSettings.updateMany({ where: { userId: due.userId }, data: { lastDigestAt: new Date() } });
    },
  });
}

/**
 * The invitations whose email is waiting (the outbox's sweep takes them at once: no delay, nothing to
 * batch). One that was revoked, accepted or has expired meanwhile is set aside, its sealed link dropped.
 */
export async function dueInvitations(): Promise<string[]> {
  await db.$executeRaw`
    UPDATE invitations SET email_state = 'skipped', sealed_url = NULL
    WHERE email_state = 'pending' AND (revoked_at IS NOT NULL OR accepted_at IS NOT NULL OR expires_at <= now() AT TIME ZONE 'UTC')`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM invitations WHERE email_state = 'pending' ORDER BY created_at LIMIT 1000`;
  return rows.map((r) => r.id);
}

/** Sends one invitation's link to its address (the invitation job's work); the sealed link is dropped once it has gone. */
export async function sendInvitationEmail(invitationId: string, options: { lastAttempt: boolean }): Promise<SendOutcome> {
  return db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<{ sealedUrl: string | null }[]>`
        SELECT sealed_url AS "sealedUrl" FROM invitations
        WHERE id = ${invitationId} AND email_state = 'pending' AND revoked_at IS NULL AND accepted_at IS NULL
        FOR UPDATE SKIP LOCKED`;
      if (!row) return "nothing";
      const invitation = await tx.invitation.findUniqueOrThrow({
        where: { id: invitationId },
        select: {
          email: true,
          role: true,
          expiresAt: true,
          invitedById: true,
          workspace: { select: { name: true } },
          invitedBy: { select: { name: true } },
        },
      });
      const url = row.sealedUrl ? unseal(row.sealedUrl) : null;
      if (!url) {
        // Sealed under another NEXTAUTH_SECRET: the link cannot be read back, and the owner must make a new one.
        await tx.invitation.update({ where: { id: invitationId }, data: { emailState: "failed", sealedUrl: null } });
        return "failed";
      }
      const message = renderInvitation(appUrl(), {
        email: invitation.email,
        workspaceName: invitation.workspace.name,
        inviterName: invitation.invitedBy.name,
        asRole: `${aRole(invitation.role)} (${ROLE_HELP[invitation.role]})`,
        url,
        expiresAt: invitation.expiresAt,
      });
      try {
        await sendEmail({ ...message, to: invitation.email });
      } catch (e) {
        if (!isPermanentFailure(e) && !options.lastAttempt) throw e;
        const error = e instanceof Error ? e.message : String(e);
        logger().warn({ invitationId, err: error }, "invitation email not sent, for good");
        await tx.invitation.update({ where: { id: invitationId }, data: { emailState: "failed", sealedUrl: null } });
        // The inviter sees it in Settings, and on the members page.
        await tx.emailFailure.create({
          data: { userId: invitation.invitedById, kind: "invitation", error: `To ${invitation.email}: ${error}`.slice(0, 500) },
        });
        return "failed";
      }
      await tx.invitation.update({ where: { id: invitationId }, data: { emailState: "sent", sealedUrl: null } });
      return "sent";
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
