/** Any base will do: only whether the target stays on it matters. */
const BASE = "http://marginalia.invalid";

/**
 * A redirect target taken from a request (`callbackUrl`, …), kept only as a
 * path on this site; anything else is `/`. The target is read as a browser
 * would read it: the URL parser drops tabs and newlines and treats `\` as `/`,
 * so `/\evil.example`, `/%09/evil.example` (once decoded) and `//evil.example`
 * all name another host and are refused, as are schemes and absolute URLs.
 */
export function safeRedirectPath(target: unknown): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.length > 2048) return "/";
  // Control characters and backslashes have no place in a path we hand out.
  if (/[\u0000-\u001f\u007f\\]/.test(target)) return "/";
  let url: URL;
  try {
    url = new URL(target, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
