/**
 * Drafts kept in the browser (localStorage), so what someone is writing
 * survives a reload, a crash or a closed tab: one entry per report and item
 * ("composer", "reply:<annotation id>", "edit:<annotation id>", "stance:<id>"…),
 * written as it is typed and removed once sent. Entries older than
 * DRAFT_MAX_AGE_MS are dropped when read. Storage can be missing (a server
 * render), full, or refused (private modes): then nothing is kept, and
 * nothing fails.
 */

const PREFIX = "marginalia.draft:";
export const DRAFT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

interface Stored<T> {
  savedAt: number;
  value: T;
}

export function draftKey(scope: string, item: string): string {
  return `${PREFIX}${scope}:${item}`;
}

/** The browser's localStorage, or null where there is none or it is refused. */
export function browserStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function readDraft<T>(storage: Storage | null, key: string, now = Date.now()): T | null {
  if (!storage) return null;
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Stored<T>;
    if (typeof stored?.savedAt !== "number" || now - stored.savedAt > DRAFT_MAX_AGE_MS || stored.value === undefined) {
      storage.removeItem(key);
      return null;
    }
    return stored.value;
  } catch {
    return null;
  }
}

/** Keeps `value` under `key`; null removes it. */
export function writeDraft<T>(storage: Storage | null, key: string, value: T | null, now = Date.now()): void {
  if (!storage) return;
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify({ savedAt: now, value } satisfies Stored<T>));
  } catch {
    // Full or refused: the draft lives only in the page.
  }
}

/** Drops every draft older than DRAFT_MAX_AGE_MS (or unreadable): abandoned drafts do not pile up. */
export function pruneDrafts(storage: Storage | null, now = Date.now()): void {
  if (!storage) return;
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) readDraft(storage, key, now);
  } catch {
    // Refused: nothing to prune.
  }
}
