"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { browserStorage, draftKey, pruneDrafts, readDraft, writeDraft } from "./draft-store";

/** The report whose drafts the editors below keep (the reader provides it); without one, nothing is kept. */
export const DraftScope = createContext<string | null>(null);

let pruned = false;

/**
 * The stored draft of one item of the report in scope (`null` item: none),
 * read once when the component first renders in the browser, and a way to
 * keep or drop it. Editors that use it are made in the browser only (after a
 * click or a key), so reading storage while rendering cannot differ from a
 * server render.
 */
export function useDraft<T>(item: string | null) {
  const scope = useContext(DraftScope);
  const key = scope && item ? draftKey(scope, item) : null;
  const [initial] = useState<T | null>(() => (key ? readDraft<T>(browserStorage(), key) : null));
  useEffect(() => {
    if (pruned) return;
    pruned = true;
    pruneDrafts(browserStorage());
  }, []);
  const save = useCallback((value: T | null) => key && writeDraft(browserStorage(), key, value), [key]);
  const clear = useCallback(() => key && writeDraft(browserStorage(), key, null), [key]);
  return useMemo(() => ({ initial, save, clear }), [initial, save, clear]);
}
