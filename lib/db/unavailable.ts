/**
 * Whether an error means the database cannot be reached right now (down,
 * restarting, recovering, out of connections), as opposed to a fault in the
 * request or the code. Such errors are answered `503` with `Retry-After`.
 *
 * The codes: Node's socket errors; PostgreSQL's class 08 (connection
 * exception), 57P01–57P03 (shut down by an administrator, crash shutdown,
 * cannot connect now: starting up or recovering) and 53300 (too many
 * connections); Prisma's P1001/P1002/P1017 (cannot reach, timed out, closed).
 * The driver adapter and pg wrap one another, so every `cause` is looked at.
 */
const CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "P1001",
  "P1002",
  "P1017",
]);
const MESSAGES =
  /Connection terminated|connection (?:is )?(?:closed|ended)|Client has encountered a connection error|Can't reach database server|timeout exceeded when trying to connect|the database system is (?:starting up|shutting down|in recovery mode)|terminating connection due to/i;

export function isDatabaseUnavailable(e: unknown): boolean {
  for (let current = e, depth = 0; current && depth < 8; depth++) {
    if (typeof current !== "object") return typeof current === "string" && MESSAGES.test(current);
    const { code, message, cause, originalCode, kind } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      originalCode?: unknown;
      kind?: unknown;
    };
    if (typeof code === "string" && (CODES.has(code) || code.startsWith("08"))) return true;
    if (typeof originalCode === "string" && (CODES.has(originalCode) || originalCode.startsWith("08"))) return true;
    if (kind === "DatabaseNotReachable" || kind === "ConnectionClosed" || kind === "SocketTimeout") return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
    current = cause;
  }
  return false;
}

/** Seconds a client is asked to wait before trying again while the database is away. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;
