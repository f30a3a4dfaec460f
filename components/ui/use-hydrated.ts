import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/**
 * False in the server's HTML and until React has taken over the page, then true.
 * A form whose submit is handled in JavaScript keeps its button disabled until
 * then: clicked earlier, the browser would submit it natively, reload the page
 * and lose what was typed.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
