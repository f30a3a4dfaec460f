import "server-only";
import PgBoss from "pg-boss";
import { logger } from "@/lib/runtime/logger";
import { remindDueSoon } from "../assignments/due-soon";
import { emailConfigured } from "../email/mailer";
import {
  dueDigests,
  dueInvitations,
  dueThreadBatches,
  sendDigest,
  sendInvitationEmail,
  sendThreadBatch,
  type DigestDue,
  type ThreadBatch,
} from "../email/outbox";

/**
 * The background jobs, on pg-boss: a job queue kept in the app's own PostgreSQL (schema `pgboss`).
 * Every instance runs the same workers; pg-boss hands each job to one of them (SKIP LOCKED), creates
 * each cron slot's job once across instances, and retries a failed job with back-off. A job is a row
 * until it completes, so a crash loses none.
 *
 * - `email-outbox` (every minute): the threads whose notifications have waited their delay → one
 *   `email-thread` job per person and thread (one queued at a time per key); and the invitations
 *   waiting for their email → one `email-invitation` job each;
 * - `email-digests` (every hour, on the hour) → one `email-digest` job per person whose digest is due;
 * - `email-thread`, `email-digest`, `email-invitation`: send one message (lib/server/email/outbox.ts).
 * - `due-soon` (every hour, at :05): reminds assignees of threads due soon, in the app (and by email
 *   through the outbox like any notification): lib/server/assignments/due-soon.ts. Runs with or without email.
 * Without SMTP_URL the email queues are not scheduled or worked, and nothing else changes.
 */
export const QUEUES = {
  outbox: "email-outbox",
  thread: "email-thread",
  digests: "email-digests",
  digest: "email-digest",
  invitation: "email-invitation",
  dueSoon: "due-soon",
} as const;

/** The jobs' process runs at this nice value (scripts/jobs.ts): below the app's requests on a busy machine. */
export const JOBS_NICE = 10;

/** A message's attempts: the first and four retries, 30 s, 1 min, 2 min, 4 min apart (pg-boss's exponential back-off). */
const SEND_RETRY = { retryLimit: 4, retryDelay: 30, retryBackoff: true } as const;

/** Messages a worker sends at once (each holds a database connection while the SMTP server answers). */
const SEND_BATCH = 4;

export interface Jobs {
  boss: PgBoss;
  /** Runs the outbox's sweep now (as its schedule does every minute). */
  sweepOutbox(): Promise<number>;
  /** Runs the digest sweep as at `at` (as its schedule does every hour). */
  sweepDigests(at?: Date): Promise<number>;
  stop(): Promise<void>;
}

export interface JobOptions {
  databaseUrl: string;
  /** Send email (default: when SMTP_URL is set). */
  email?: boolean;
  /** How often workers look for new jobs (pg-boss's polling; default 2 s). */
  pollingIntervalSeconds?: number;
  /** Run the schedules (default true); tests trigger the sweeps themselves. */
  schedule?: boolean;
}

export async function startJobs(options: JobOptions): Promise<Jobs> {
  const log = logger();
  const email = options.email ?? emailConfigured();
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: "pgboss",
    application_name: "marginalia-jobs",
    // The queue's own small pool: the app's requests never wait behind it.
    max: 3,
    schedule: options.schedule ?? true,
  });
  boss.on("error", (e) => log.error({ err: e instanceof Error ? e.message : String(e) }, "job queue error"));
  await boss.start();
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };

  /**
   * Sends a few messages at once (pg-boss hands a worker a batch, and waits its polling interval
   * between fetches: one job a fetch would send one message a polling interval). Each job of the
   * batch stands alone: one that throws is failed by itself (retried with back-off), the others complete.
   */
  async function workEach<T extends object>(
    name: string,
    handle: (job: PgBoss.JobWithMetadata<T>, lastAttempt: boolean) => Promise<unknown>,
  ) {
    await boss.work<T>(name, { ...polling, batchSize: SEND_BATCH, includeMetadata: true }, async (jobs) => {
      await Promise.all(
        jobs.map(async (job) => {
          try {
            await handle(job, job.retryCount >= job.retryLimit);
          } catch (e) {
            log.warn({ queue: name, jobId: job.id, err: e instanceof Error ? e.message : String(e) }, "job failed; retried later");
            await boss.fail(name, job.id, { message: e instanceof Error ? e.message : String(e) });
          }
        }),
      );
    });
  }

  async function sweepOutbox(): Promise<number> {
    const invitations = await dueInvitations();
    for (const id of invitations) await boss.send(QUEUES.invitation, { id }, { singletonKey: id });
    const batches = await dueThreadBatches();
    for (const batch of batches) await boss.send(QUEUES.thread, batch, { singletonKey: `${batch.userId}:${batch.threadKey}` });
    return batches.length + invitations.length;
  }
  async function sweepDigests(at = new Date()): Promise<number> {
    const due = await dueDigests(at);
    const slot = at.toISOString().slice(0, 13);
    for (const d of due) await boss.send(QUEUES.digest, d, { singletonKey: `${d.userId}:${d.period}:${slot}` });
    return due.length;
  }

  // `short`: at most one job waiting per singleton key (a thread's batch, a person's digest of an hour).
  for (const name of [QUEUES.outbox, QUEUES.digests]) await boss.createQueue(name, { name, policy: "short", retryLimit: 1 });
  for (const name of [QUEUES.thread, QUEUES.digest, QUEUES.invitation])
    await boss.createQueue(name, { name, policy: "short", ...SEND_RETRY });

  await boss.createQueue(QUEUES.dueSoon, { name: QUEUES.dueSoon, policy: "short", retryLimit: 2, retryDelay: 60 });
  if (options.schedule ?? true) await boss.schedule(QUEUES.dueSoon, "5 * * * *");
  await boss.work(QUEUES.dueSoon, polling, async () => {
    const reminded = await remindDueSoon();
    if (reminded) log.info({ reminded }, "due-date reminders recorded");
  });

  if (email) {
    if (options.schedule ?? true) {
      await boss.schedule(QUEUES.outbox, "* * * * *");
      await boss.schedule(QUEUES.digests, "0 * * * *");
    }
    await boss.work(QUEUES.outbox, polling, async () => void (await sweepOutbox()));
    await boss.work(QUEUES.digests, polling, async () => void (await sweepDigests()));
    await workEach<ThreadBatch>(QUEUES.thread, (job, lastAttempt) => sendThreadBatch(job.data, { lastAttempt }));
    await workEach<{ id: string }>(QUEUES.invitation, (job, lastAttempt) => sendInvitationEmail(job.data.id, { lastAttempt }));
    await workEach<DigestDue>(QUEUES.digest, (job, lastAttempt) => sendDigest(job.data, { lastAttempt }));
  } else {
    // Email turned off (SMTP_URL removed): its schedules stop, so no sweep jobs pile up unworked.
    for (const name of [QUEUES.outbox, QUEUES.digests]) await boss.unschedule(name).catch(() => undefined);
  }
  log.info({ email }, email ? "background jobs: email on" : "background jobs: email off (no SMTP_URL)");

  return {
    boss,
    sweepOutbox,
    sweepDigests,
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
