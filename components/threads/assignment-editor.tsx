"use client";

import { useId, useState } from "react";
import type { ReaderAnnotation } from "@/components/reader/types";
import { canBeAssigned } from "@/lib/domain/assignments";
import type { RoleName } from "@/lib/domain/words";
import { useApiAction } from "./use-api-action";

interface Props {
  annotation: ReaderAnnotation;
  /** The workspace's members; only those who can take work are offered. */
  members: { id: string; name: string; role: RoleName }[];
  meId: string;
  /** Sends a PATCH with these fields (and the version); gives the annotation back. */
  patch: (fields: Record<string, unknown>) => Promise<ReaderAnnotation>;
  onChange: (a: ReaderAnnotation) => void;
}

const field =
  "min-h-11 rounded border border-stone-300 bg-white px-2 py-1 text-xs sm:min-h-9 text-stone-800 focus:border-amber-600 focus:outline-2 focus:outline-amber-600 disabled:opacity-60 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100";

/**
 * Who the thread is assigned to and by when: a member picker and a date, each
 * saved as soon as it changes (a PATCH like every edit), with labels a screen
 * reader reads. A private annotation can only be its author's.
 */
export function AssignmentEditor({ annotation: a, members, meId, patch, onChange }: Props) {
  const id = useId();
  const { pending, error, run } = useApiAction();
  const [due, setDue] = useState(a.dueAt ?? "");
  const [shownDue, setShownDue] = useState(a.dueAt);
  // The thread changed elsewhere (someone else's edit, a live update): show its date.
  if (shownDue !== a.dueAt) {
    setShownDue(a.dueAt);
    setDue(a.dueAt ?? "");
  }
  const candidates = members.filter(
    (m) => canBeAssigned(m.role) && (a.visibility === "workspace" || m.id === a.author.id) && m.id !== a.assignee?.id,
  );
  const options = a.assignee ? [{ id: a.assignee.id, name: a.assignee.name }, ...candidates] : candidates;

  async function save(fields: Record<string, unknown>) {
    const updated = await run(() => patch(fields));
    if (updated) onChange(updated);
  }

  return (
    <fieldset className="space-y-1" aria-describedby={error ? `${id}-error` : undefined} data-testid="assignment-editor">
      <legend className="sr-only">Assignment</legend>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-0.5 text-xs text-stone-600 dark:text-stone-400">
          Assignee
          <select
            className={field}
            value={a.assignee?.id ?? ""}
            disabled={pending}
            onChange={(e) => void save({ assigneeId: e.target.value || null })}
          >
            <option value="">Nobody</option>
            {options.map((m) => (
              <option key={m.id} value={m.id}>
                {m.id === meId ? `${m.name} (me)` : m.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-0.5 text-xs text-stone-600 dark:text-stone-400">
          Due date
          <input
            type="date"
            className={field}
            value={due}
            disabled={pending || !a.assignee}
            title={a.assignee ? undefined : "Assign the thread to someone first"}
            onChange={(e) => setDue(e.target.value)}
            // Saved when the date is complete and the field is left (or Enter): typing a date digit by digit sends nothing.
            onBlur={() => {
              if ((due || null) !== a.dueAt) void save({ dueAt: due || null });
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                if ((due || null) !== a.dueAt) void save({ dueAt: due || null });
              }
            }}
          />
        </label>
        {a.dueAt && (
          <button
            type="button"
            disabled={pending}
            onClick={() => void save({ dueAt: null })}
            className="min-h-11 text-xs font-medium text-stone-600 underline-offset-2 hover:text-stone-900 hover:underline disabled:opacity-50 sm:min-h-9 dark:text-stone-400 dark:hover:text-stone-100"
          >
            Clear date
          </button>
        )}
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
