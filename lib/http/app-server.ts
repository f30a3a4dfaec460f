import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { constants } from "node:zlib";
import compression from "compression";
import next from "next";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress, trustedProxyCount } from "@/lib/runtime/client-address";
import { logger } from "@/lib/runtime/logger";
import { runWithRequestContext } from "@/lib/runtime/request-context";
import { beginShutdown, isShuttingDown } from "@/lib/runtime/shutdown";
import { startRequestLog } from "./request-log";
import { isDecodablePath } from "@/lib/api/server/params";
import { notFound } from "@/lib/errors";
import { apiSecurityHeaders, securityHeaders, transportSecurityHeaders } from "./security-headers";

type Middleware = (req: IncomingMessage, res: ServerResponse, done: () => void) => void;

export interface AppServer {
  server: Server;
  /** Stops taking requests, ends live streams with a retry hint, lets requests in flight finish for up to `graceMs`. */
  shutdown: (graceMs?: number) => Promise<void>;
}

/**
 * The app's HTTP server, in development (`npm run dev`, Next.js in dev mode)
 * and in production (`npm start`, and what `npm test` and the benchmarks
 * run): Next.js's request handler behind a plain `node:http` server that
 *
 * - works out the client's address (the socket's, or behind
 *   MARGINALIA_TRUST_PROXY proxies, from X-Forwarded-For) and hands it to the
 *   app in one header, which a client cannot set;
 * - writes one JSON log line per request (lib/http/request-log.ts);
 * - stops gracefully (`shutdown`);
 *
 * and in production also
 *
 * - serves `POST /api/v1/reports/{id}/annotations` itself (lib/http/annotation-post.ts),
 *   the API's busiest write, for which Next.js's routing alone costs more CPU
 *   than the rest of the request: with the route kit's checks and the route's
 *   own write function, for a session cookie and a token alike;
 * - serves the live streams, `GET /api/v1/reports/{id}/events`, itself
 *   (lib/http/event-stream.ts): thousands stay open for hours, and what
 *   Next.js holds per request would be most of their memory and CPU;
 * - compresses what Next.js answers at zlib's fastest level rather than its
 *   default, which took a third of a long report's Markdown export
 *   (`compress` is off in next.config.ts when MARGINALIA_SERVER_COMPRESSES is 1).
 *   The rules are those of `next start`, whose middleware this is: only bodies
 *   of COMPRESS_MIN_BYTES (1 KB) or more, never a response marked `no-transform`. zlib works in
 *   64 KB chunks, the size the exports write in.
 */
export async function startAppServer(options: { dir: string; hostname?: string; port: number; dev?: boolean }): Promise<AppServer> {
  const dev = options.dev === true;
  if (!dev) process.env.MARGINALIA_SERVER_COMPRESSES = "1";
  const app = next({
    dev,
    dir: options.dir,
    hostname: options.hostname ?? "localhost",
    port: options.port,
    ...(dev ? { turbopack: true } : {}),
  });
  await app.prepare();
  const handle = app.getRequestHandler();
  const trustProxy = trustedProxyCount();
  // Loaded once Next.js has set up its runtime (the AsyncLocalStorage its modules capture when first loaded).
  const fast = dev ? null : await import("./annotation-post");
  const events = dev ? null : await import("./event-stream");
  const { COMPRESS_MIN_BYTES } = await import("@/lib/api/server/respond");
  const compress = dev
    ? null
    : (compression({ level: constants.Z_BEST_SPEED, chunkSize: 64 * 1024, threshold: COMPRESS_MIN_BYTES }) as unknown as Middleware);
  // HSTS when NEXTAUTH_URL is https, on every answer; read now, as next.config.ts's headers are fixed at build time.
  const transportHeaders = transportSecurityHeaders();

  const server = createServer((req, res) => {
    for (const { key, value } of transportHeaders) res.setHeader(key, value);
    // The app learns the client's address from us alone: whatever the client sent under this name is replaced.
    req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress({
      socketAddress: req.socket.remoteAddress,
      forwardedFor: req.headers["x-forwarded-for"],
      trustProxy,
    });
    if (isShuttingDown()) res.shouldKeepAlive = false;
    const context = startRequestLog(req, res);
    if (!isDecodablePath(req.url ?? "/")) {
      sendNotFound(res, req.url ?? "/");
      return;
    }
    const reportId = fast ? fast.annotationPostTarget(req) : null;
    if (fast && reportId !== null) {
      void fast.postAnnotation(req, res, reportId, context);
      return;
    }
    const streamOf = events ? events.eventStreamTarget(req) : null;
    if (events && streamOf !== null) {
      void events.serveEventStream(req, res, streamOf, context);
      return;
    }
    res.setHeader("X-Request-Id", context.requestId);
    // What Next.js runs learns the request's context (its user goes in the log line) through AsyncLocalStorage.
    runWithRequestContext(context, () => {
      if (compress) compress(req, res, () => void handle(req, res));
      else void handle(req, res);
    });
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(options.port, options.hostname, resolve));
  void warmUp(options.hostname, options.port, dev);
  return { server, shutdown: (graceMs = 10_000) => shutdown(server, graceMs) };
}

/**
 * The first request to a route loads its code (and the sign-in's password hashing its module):
 * about a second, which the first person to sign in after a deploy would otherwise wait through.
 * In development the first request compiles the route, several seconds each: warmed too (and the
 * home page a sign-in lands on), so the first sign-in after `npm run dev` answers as quickly as the
 * ones after it. These reads change nothing.
 */
async function warmUp(hostname: string | undefined, port: number, dev: boolean): Promise<void> {
  const host = !hostname || hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname.includes(":") ? `[${hostname}]` : hostname;
  for (const path of ["/api/auth/csrf", "/signin", ...(dev ? ["/"] : []), "/api/health/ready"]) {
    await fetch(`http://${host}:${port}${path}`, { headers: { "x-request-id": "warm-up-request" } }).then(
      (r) => r.arrayBuffer(),
      () => undefined,
    );
  }
}

async function shutdown(server: Server, graceMs: number): Promise<void> {
  const started = Date.now();
  beginShutdown();
  await new Promise<void>((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    const deadline = setTimeout(() => {
      logger().warn({ graceMs }, "requests still running at the end of the grace period: closing their connections");
      server.closeAllConnections();
    }, graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve();
    });
  });
  logger().info({ ms: Date.now() - started }, "server stopped: every request finished");
}

/**
 * A path with a broken percent escape (`/api/v1/reports/%ED%A0%80`) names nothing, so it is
 * a 404 like any unknown id; Next.js would answer it with a bare 500.
 */
function sendNotFound(res: ServerResponse, url: string): void {
  const api = url.startsWith("/api/");
  const body = api ? JSON.stringify(notFound().toBody()) : "Not found";
  const headers: Record<string, string> = {
    "Content-Type": api ? "application/json" : "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
  };
  for (const { key, value } of api ? apiSecurityHeaders : securityHeaders) headers[key] = value;
  res.writeHead(404, headers).end(body);
}
