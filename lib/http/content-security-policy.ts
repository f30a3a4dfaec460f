/**
 * The Content-Security-Policy headers. Pure: proxy.ts builds a page's policy
 * per request (a fresh nonce each time), next.config.ts and the app server
 * send the API's fixed one.
 */

/**
 * What the API and the app server's own answers send: JSON and files are never
 * pages, so nothing in them may load, run or be framed (an export opened in a
 * tab, or JSON a browser is tricked into rendering, stays inert).
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

export interface PagePolicyOptions {
  /** This response's nonce (see createNonce): Next.js puts it on every script it renders. */
  nonce: string;
  /** Origins other than the page's own that scripts may connect to (the collaboration server's WebSocket). */
  connectTo: readonly string[];
  /** `next dev`: React rebuilds server error stacks with eval there, and only there. */
  development: boolean;
  /** The app is served over https (see servedOverHttps): any stray http:// request is upgraded rather than sent in the clear. */
  https: boolean;
}

/** A page's policy: scripts only with this response's nonce, nothing embedded or framed, connections only to the app and the collaboration server. */
export function pageContentSecurityPolicy(options: PagePolicyOptions): string {
  const directives: string[][] = [
    ["default-src", "'self'"],
    // 'strict-dynamic': scripts Next.js's nonced scripts load (its chunks) run too; browsers that know
    // it ignore 'self', which is only for those that do not. Never 'unsafe-inline': an injected
    // <script> or onclick="" must not run.
    ["script-src", "'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])],
    // 'unsafe-inline' for styles: React writes style="" attributes (the sidebar's card positions,
    // the virtual list's offsets, caret colours) and Tiptap injects its <style>; a nonce covers
    // neither attributes nor every library's tags. Styles cannot run code, so this is the usual trade.
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    // 'self' covers fetch and the live updates' EventSource; the team notes' WebSocket is on another port.
    ["connect-src", "'self'", ...options.connectTo],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["frame-ancestors", "'none'"],
    ["form-action", "'self'"],
    ...(options.https ? [["upgrade-insecure-requests"]] : []),
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** 128 random bits, base64: a fresh one for every page response (CSP nonces must be unguessable and never reused). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** A scheme, host and optional port, nothing else: no character that could end the source list or the directive. */
const SOURCE = /^(?:wss?|https?):\/\/(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin of `url` as a CSP source (`wss://notes.example.org`), or null
 * when it has none a policy could name. The URL may come from the request's
 * Host or X-Forwarded-Host, so anything but a plain origin is dropped rather
 * than pasted into the header.
 */
export function connectSource(url: string): string | null {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return null;
  }
  return SOURCE.test(origin) ? origin : null;
}
