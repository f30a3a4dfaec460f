"use client";

import { useId, useState } from "react";
import type { ReaderAnnotation } from "@/components/reader/types";
import { ApiError, apiFetch } from "@/lib/api/browser/client";
import { useApiAction } from "./use-api-action";

interface Props {
  annotation: ReaderAnnotation;
  tags: { name: string; color: string }[];
  canCreate: boolean;
  onChange: (a: ReaderAnnotation) => void;
}

/** Applies the workspace's tags to an annotation; editors may also add new ones here. */
export function TagEditor({ annotation: a, tags, canCreate, onChange }: Props) {
  const [text, setText] = useState("");
  const listId = useId();
  const { pending, error, setError, run } = useApiAction();

  async function save(next: string[]) {
    const updated = await run(async () => {
      try {
        return await apiFetch<ReaderAnnotation>(`/api/v1/annotations/${a.id}`, {
          method: "PATCH",
          json: { tags: next, version: a.version },
        });
      } catch (e) {
        const current = e instanceof ApiError ? (e.details as { current?: ReaderAnnotation } | undefined)?.current : undefined;
        if (current) onChange(current);
        throw e;
      }
    });
    if (updated) {
      onChange(updated);
      setText("");
    }
  }

  function add() {
    const name = text.trim();
    if (!name) return;
    const known = tags.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (!known && !canCreate) return setError(`There is no tag “${name}”. Ask an editor to add it to the codebook.`);
    if (a.tags.some((t) => t.toLowerCase() === name.toLowerCase())) return setText("");
    void save([...a.tags, known?.name ?? name]);
  }

  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-1">
        {a.tags.map((t) => (
          <span key={t} className="inline-flex items-center gap-1 rounded-full bg-stone-100 py-0.5 pr-1 pl-2 text-xs dark:bg-stone-800">
            {t}
            <button
              type="button"
              aria-label={`Remove tag ${t}`}
              disabled={pending}
              onClick={() => save(a.tags.filter((x) => x !== t))}
              className="rounded-full px-1 text-stone-500 hover:bg-stone-200 hover:text-stone-900 dark:text-stone-400 dark:hover:bg-stone-700"
            >
              ×
            </button>
          </span>
        ))}
        <input
          list={listId}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
          aria-label="Add a tag"
          placeholder={canCreate ? "Add or create a tag…" : "Add a tag…"}
          className="min-w-[8rem] flex-1 rounded border border-transparent bg-transparent px-1 py-0.5 text-xs hover:border-stone-300 focus:border-amber-600 focus:outline-none dark:hover:border-stone-700"
        />
        <datalist id={listId}>
          {tags
            .filter((t) => !a.tags.includes(t.name))
            .map((t) => (
              <option key={t.name} value={t.name} />
            ))}
        </datalist>
      </div>
      {error && <p className="text-xs text-red-700 dark:text-red-400">{error}</p>}
    </div>
  );
}
