// First: server code loaded below (by dynamic imports) may be `import "server-only"`, however this script is started.
import "../lib/runtime/outside-next.mjs";
import os from "node:os";

/**
 * The background jobs' process (lib/server/jobs/jobs.ts: email, digests, due-date reminders), as
 * `npm run dev` and `npm start` start it beside the app server (scripts/run.ts), against the same
 * DATABASE_URL. It runs at a lower CPU priority (nice 10): on a busy machine an email burst waits
 * for the readers' requests, not the other way round. SIGTERM lets the job in hand finish.
 */
async function main() {
  process.title = "marginalia-jobs";
  try {
    const { JOBS_NICE } = await import("../lib/server/jobs/jobs");
    os.setPriority(JOBS_NICE);
  } catch {
    // Not allowed here (some containers): the jobs run at the app's priority.
  }
  const { startJobs } = await import("../lib/server/jobs/jobs");
  const { logger } = await import("../lib/runtime/logger");
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const jobs = await startJobs({ databaseUrl: url });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await jobs.stop().catch(() => undefined);
    await new Promise<void>((resolve) => logger().flush(() => resolve()));
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop());
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
