import { AsyncLocalStorage } from "node:async_hooks";

/** What the request log line learns while a request is served. */
export interface RequestContext {
  requestId: string;
  userId?: string;
}

// On globalThis: the HTTP server and Next.js's bundle of the app each load this module once.
const globalForContext = globalThis as unknown as { marginaliaRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (globalForContext.marginaliaRequestContext ??= new AsyncLocalStorage<RequestContext>());

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The request being served, if any (none in scripts and tests). */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** Records who the request is from, once the app has resolved its caller. */
export function noteRequestUser(userId: string): void {
  const context = storage.getStore();
  if (context) context.userId = userId;
}
