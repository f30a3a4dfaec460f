// First: server code loaded below may be `import "server-only"`.
import "../lib/runtime/outside-next.mjs";
/**
 * bench/email.ts's other process: the job queue (as `npm start` runs it, beside the app server and
 * not inside it) and a real SMTP server that takes the messages. Kept out of the benchmark's own
 * process so that parsing mail and working jobs do not slow the load generator's clock. Tells its
 * parent each message received: `{ to, threads }` over IPC.
 */
import type { AddressInfo } from "node:net";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { SMTPServer } from "smtp-server";

const SWEEP_EVERY_MS = Number(process.env.BENCH_SWEEP_EVERY_MS ?? 2_000);

async function main() {
  const { JOBS_NICE, startJobs } = await import("../lib/server/jobs/jobs");
  // As scripts/jobs.ts runs the jobs in production: at a lower CPU priority than the app.
  os.setPriority(JOBS_NICE);
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // The raw message, not parsed (a real mail server's work is not this machine's app's): the thread
    // links read from it once quoted-printable's soft breaks and "=3D" are undone.
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks)
          .toString("latin1")
          .replace(/=\r?\n/g, "")
          .replace(/=3D/g, "=");
        const threads = [...new Set([...raw.matchAll(/annotation=([\w-]+)/g)].map((x) => x[1]))];
        for (const rcpt of session.envelope.rcptTo) process.send?.({ to: rcpt.address, threads });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
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
