import { notFound } from "@/lib/errors";
import { isIdLike } from "@/lib/validations/common";

/**
 * Every path parameter of the API is an id or a workspace's slug. One with characters
 * no id has (NUL, a broken escape, a space) names nothing: it is the same 404 as an id
 * that does not exist, answered before any query, so Postgres never sees it.
 */
export function assertIdParams(params: Record<string, string | string[] | undefined>): void {
  for (const value of Object.values(params)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one === undefined || !isIdLike(one)) throw notFound();
    }
  }
}

/** Whether every segment of a request's path is valid percent-encoded UTF-8 (`%ED%A0%80`, a lone surrogate's bytes, is not). */
export function isDecodablePath(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0];
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
