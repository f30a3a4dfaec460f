import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { constants } from "node:zlib";
import compression from "compression";
import next from "next";
import { transportSecurityHeaders } from "./security-headers";

type Middleware = (req: IncomingMessage, res: ServerResponse, done: () => void) => void;

/**
 * The production server (`npm start`, and what `npm test` and the benchmarks
 * run): Next.js's request handler, behind a plain `node:http` server that
 *
 * - serves `POST /api/v1/reports/{id}/annotations` itself (lib/http/annotation-post.ts),
 *   the API's busiest write, for which Next.js's routing alone costs more CPU
 *   than the rest of the request;
 * - compresses what Next.js answers at zlib's fastest level rather than its
 *   default, which took a third of a long report's Markdown export
 *   (`compress` is off in next.config.ts when MARGINALIA_SERVER_COMPRESSES is 1).
 *   The rules are those of `next start`, whose middleware this is: only bodies
 *   of COMPRESS_MIN_BYTES (1 KB) or more, never a response marked `no-transform`. zlib works in
 *   64 KB chunks, the size the exports write in.
 */
export async function startAppServer(options: { dir: string; hostname?: string; port: number }): Promise<Server> {
  process.env.MARGINALIA_SERVER_COMPRESSES = "1";
  const app = next({ dev: false, dir: options.dir, hostname: options.hostname ?? "localhost", port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // Loaded once Next.js has set up its runtime (the AsyncLocalStorage its modules capture when first loaded).
  const { annotationPostTarget, postAnnotation } = await import("./annotation-post");
  const { COMPRESS_MIN_BYTES } = await import("@/lib/api/respond");
  const compress = compression({ level: constants.Z_BEST_SPEED, chunkSize: 64 * 1024, threshold: COMPRESS_MIN_BYTES }) as unknown as Middleware;
  // HSTS when NEXTAUTH_URL is https, on every answer; read now, as next.config.ts's headers are fixed at build time.
  const transportHeaders = transportSecurityHeaders();
  const server = createServer((req, res) => {
    for (const { key, value } of transportHeaders) res.setHeader(key, value);
    const reportId = annotationPostTarget(req);
    if (reportId !== null) {
      void postAnnotation(req, res, reportId);
      return;
    }
    compress(req, res, () => void handle(req, res));
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(options.port, options.hostname, resolve));
  return server;
}
