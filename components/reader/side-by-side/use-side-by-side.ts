"use client";

import { useStoredChoice } from "../use-stored-choice";

const LAYOUTS = ["single", "side-by-side"] as const;

/** Whether this browser reads a report beside its translation: one choice for every report, remembered. */
export function useSideBySideLayout(): [boolean, (on: boolean) => void] {
  const [layout, setLayout] = useStoredChoice<(typeof LAYOUTS)[number]>("marginalia.reader-layout", LAYOUTS);
  return [layout === "side-by-side", (on) => setLayout(on ? "side-by-side" : "single")];
}
