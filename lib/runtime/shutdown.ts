/**
 * What must happen before the process stops: live streams told to come back
 * later, and so on. Kept on globalThis because the code that registers (inside
 * Next.js's bundle) and the server that runs them load separate copies of modules.
 */
type Hook = () => void;

const globalForShutdown = globalThis as unknown as { marginaliaShutdown?: { hooks: Set<Hook>; stopping: boolean } };
const state = (globalForShutdown.marginaliaShutdown ??= { hooks: new Set(), stopping: false });

/** Runs `hook` when the server begins to stop; returns a function that unregisters it. */
export function onShutdown(hook: Hook): () => void {
  state.hooks.add(hook);
  return () => state.hooks.delete(hook);
}

/** True once the server has begun to stop: new long-lived work is refused. */
export function isShuttingDown(): boolean {
  return state.stopping;
}

export function beginShutdown(): void {
  state.stopping = true;
  for (const hook of [...state.hooks]) {
    try {
      hook();
    } catch {
      // one hook failing must not keep the others from running
    }
  }
  state.hooks.clear();
}
