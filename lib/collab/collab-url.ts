/**
 * Where browsers reach the collaboration server. Pure (no database, no
 * server-only): the notes' ticket route hands this address to the browser, and
 * the page proxy (proxy.ts) lets pages connect to it (the CSP's connect-src),
 * so the two can never disagree.
 */

/** The scheme and host a browser used to reach the app. */
export interface PublicRequest {
  protocol: string;
  host: string;
}

/** The scheme and host the browser used, as a reverse proxy passes them on (X-Forwarded-Host, X-Forwarded-Proto), else the request's own. */
export function publicRequest(req: { headers: Headers; nextUrl: URL }): PublicRequest {
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? req.nextUrl.host;
  const protocol = (req.headers.get("x-forwarded-proto") ?? req.nextUrl.protocol).replace(/:$/, "").split(",")[0].trim();
  return { protocol, host };
}

/**
 * The WebSocket address of the collaboration server: MARGINALIA_COLLAB_URL when
 * set (behind a proxy or load balancer), else this host on the collaboration
 * port (MARGINALIA_COLLAB_PORT, or the app's port + 1).
 */
export function collabUrl(request: PublicRequest): string {
  if (process.env.MARGINALIA_COLLAB_URL) return process.env.MARGINALIA_COLLAB_URL;
  const port = Number(process.env.MARGINALIA_COLLAB_PORT) || Number(process.env.PORT ?? 3000) + 1;
  // "[::1]:3000" → "[::1]"; "example.org:3000" → "example.org".
  const hostname = request.host.startsWith("[") ? request.host.slice(0, request.host.indexOf("]") + 1) : request.host.split(":")[0];
  return `${request.protocol === "https" ? "wss" : "ws"}://${hostname}:${port}`;
}
