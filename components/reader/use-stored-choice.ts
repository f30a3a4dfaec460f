"use client";

import { useCallback, useSyncExternalStore } from "react";

const EVENT = "marginalia:stored-choice";

/** A choice remembered in this browser (e.g. who new annotations are shared with). */
export function useStoredChoice<T extends string>(key: string, options: readonly [T, ...T[]]): [T, (value: T) => void] {
  const read = () => {
    const saved = window.localStorage.getItem(key);
    return (options as readonly string[]).includes(saved ?? "") ? (saved as T) : options[0];
  };
  const value = useSyncExternalStore(
    (onChange) => {
      window.addEventListener("storage", onChange);
      window.addEventListener(EVENT, onChange);
      return () => {
        window.removeEventListener("storage", onChange);
        window.removeEventListener(EVENT, onChange);
      };
    },
    read,
    () => options[0],
  );
  const set = useCallback(
    (next: T) => {
      window.localStorage.setItem(key, next);
      window.dispatchEvent(new Event(EVENT));
    },
    [key],
  );
  return [value, set];
}
