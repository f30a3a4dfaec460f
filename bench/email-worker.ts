// First: server code loaded below may be `import "server-only"`.
import "../lib/runtime/outside-next.mjs";
/**
 * bench/email.ts's other process: the job queue (as `npm start` runs it, beside the app server and
 * not inside it) and a real SMTP server that takes the messages. Kept out of the benchmark's own
 * process so that parsing mail and working jobs do not slow the load generator's clock. Tells its
 * parent each message received: `{ to, threads }` over IPC.
 */
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

const SWEEP_EVERY_MS = Number(process.env.BENCH_SWEEP_EVERY_MS ?? 2_000);

async function main() {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((m) => {
          const threads = [...new Set([...String(m.html).matchAll(/annotation=([\w-]+)/g)].map((x) => x[1]))];
          for (const rcpt of session.envelope.rcptTo) process.send?.({ to: rcpt.address, threads });
        })
        .finally(() => callback());
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  const { startJobs } = await import("../lib/server/jobs/jobs");
  const jobs = await startJobs({ databaseUrl: process.env.DATABASE_URL!, email: true, schedule: false, pollingIntervalSeconds: 1 });
  let running = true;
  process.on("message", (m) => {
    if (m === "stop") running = false;
  });
  process.send?.("ready");
  // The schedule's every minute, compressed: the batching window is what is measured, not the cron's grain.
  while (running) {
    await jobs.sweepOutbox();
    await sleep(SWEEP_EVERY_MS);
  }
  await jobs.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
