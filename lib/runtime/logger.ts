import { pino, type Logger } from "pino";
import { PinoPretty } from "pino-pretty";

/**
 * The app's one logger: JSON lines on stdout (one per request, from the HTTP
 * server, and errors), at LOG_LEVEL (default `info`). In development the lines
 * are made readable by pino-pretty. What must never be logged (cookies,
 * tokens, passwords, bodies) is never passed in; the redaction list is a
 * second guard should a header object slip into a call.
 */
function createLogger(): Logger {
  const level = process.env.LOG_LEVEL?.trim() || "info";
  const options = {
    level,
    base: { service: "marginalia" },
    // `time` in milliseconds since the epoch (pino's own): an ISO string costs a Date per line, and
    // Next.js wraps Date in a slower constructor.
    redact: {
      paths: [
        "headers.cookie",
        "headers.authorization",
        "req.headers.cookie",
        "req.headers.authorization",
        "password",
        "*.password",
        "token",
        "*.token",
      ],
      censor: "[redacted]",
    },
  };
  if (process.env.NODE_ENV !== "development" || process.env.LOG_FORMAT === "json") {
    // Lines are gathered and written 4 KB at a time, at least every 250 ms, not one write per request
    // (a write to stdout cost the app server about 20 µs of every annotation POST). pino writes what is
    // left when the process exits; scripts/serve.ts and scripts/run.ts flush before they exit.
    return pino(options, pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 250 }));
  }
  // Development: one readable line each ("GET /api/v1/me 200 3.1 ms"), written in this thread.
  const pretty = PinoPretty({
    colorize: process.stdout.isTTY,
    singleLine: true,
    translateTime: "HH:MM:ss",
    ignore: "pid,hostname,service,reqId,method,route,status,ms,userId",
    messageFormat: (log: Record<string, unknown>, messageKey: string) =>
      log.route
        ? `${log.method} ${log.route} ${log.status} ${log.ms} ms${log.userId ? ` · user ${log.userId}` : ""}`
        : String(log[messageKey] ?? ""),
  });
  return pino(options, pretty);
}

const globalForLogger = globalThis as unknown as { marginaliaLogger?: Logger };

/** One logger per process, shared by the server and the app it runs (loaded twice: by us and by Next.js's bundle). */
export function logger(): Logger {
  globalForLogger.marginaliaLogger ??= createLogger();
  return globalForLogger.marginaliaLogger;
}
