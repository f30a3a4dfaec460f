"use client";

import { useId } from "react";

export type VisibilityChoice = "workspace" | "private";

export function VisibilitySelect({
  value,
  onChange,
  label = "Visible to",
}: {
  value: VisibilityChoice;
  onChange: (v: VisibilityChoice) => void;
  label?: string;
}) {
  const id = useId();
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-stone-600 dark:text-stone-400">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as VisibilityChoice)}
        className="rounded border border-stone-300 bg-white py-0.5 pr-6 pl-1.5 text-xs text-stone-800 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-200"
      >
        <option value="workspace">The team</option>
        <option value="private">Only me</option>
      </select>
    </span>
  );
}
