"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { ANNOTATION_KINDS, KIND_LABEL } from "@/lib/domain/words";
import { SEARCH_FILTER_KEYS, type SearchFilterValues } from "@/lib/validations/search";

interface Props {
  action: string;
  q: string;
  filters: SearchFilterValues;
  tags: { name: string }[];
  members: { id: string; name: string }[];
}

/**
 * The search page's form: words, then filters (kind, tag, author, dates) in a panel that is open
 * while any is set. Everything is in the URL; without JavaScript it is a plain GET form, with it
 * the URL leaves out empty fields and the button says it is searching.
 */
export function SearchForm({ action, q, filters, tags, members }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const active = SEARCH_FILTER_KEYS.filter((k) => filters[k]).length;

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(e.currentTarget)) {
      if (typeof value === "string" && value.trim()) params.append(key, value.trim());
    }
    startTransition(() => router.push(`${action}?${params}`));
  };

  return (
    <form role="search" action={action} onSubmit={submit} className="mt-6" aria-busy={pending}>
      <div className="flex flex-wrap items-end gap-3">
        <label className="min-w-0 flex-1">
          <span className="block text-sm font-medium">Words to find</span>
          <input
            type="search"
            name="q"
            defaultValue={q}
            key={q}
            maxLength={500}
            placeholder='e.g. "humanitarian window" or infla'
            className={`${controlClass} mt-1 h-10`}
          />
        </label>
        <Button type="submit" disabled={pending}>
          {pending ? "Searching…" : "Search"}
        </Button>
      </div>
      <p className="mt-2 text-xs text-stone-500 dark:text-stone-400">
        Report text, annotations, quotes, tags, replies and team notes. Words match their beginnings (<i>infla</i> finds “inflation”); put a
        phrase in “quotes”; exclude a word with a minus.
      </p>

      <details
        open={active > 0}
        className="group mt-4 rounded-lg border border-stone-200 bg-white/60 dark:border-stone-800 dark:bg-stone-900/60"
      >
        <summary className="cursor-pointer list-none rounded-lg px-3 py-2 text-sm font-medium text-stone-700 select-none hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-amber-600 dark:text-stone-300 dark:hover:bg-stone-800">
          <span aria-hidden="true" className="mr-1.5 inline-block text-stone-400 transition-transform group-open:rotate-90">
            ›
          </span>
          Filters{active ? ` · ${active} on` : ""}
        </summary>
        <div className="border-t border-stone-200 px-3 pt-3 pb-3 dark:border-stone-800">
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
            <label className="block">
              <span className="block text-sm font-medium">Kind</span>
              <select name="kind" defaultValue={filters.kind} key={filters.kind} className={`${controlClass} mt-1 h-10`}>
                <option value="">Any kind</option>
                {ANNOTATION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABEL[k]}s
                  </option>
                ))}
              </select>
            </label>
            <label className="block">
              <span className="block text-sm font-medium">Tag</span>
              <select name="tag" defaultValue={filters.tag} key={filters.tag} className={`${controlClass} mt-1 h-10`}>
                <option value="">Any tag</option>
                {tags.map((t) => (
                  <option key={t.name} value={t.name}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="block">
              <span className="block text-sm font-medium">Author</span>
              <select name="author" defaultValue={filters.author} key={filters.author} className={`${controlClass} mt-1 h-10`}>
                <option value="">Anyone</option>
                {members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="block">
              <span className="block text-sm font-medium">From</span>
              <input
                type="date"
                name="from"
                defaultValue={filters.from}
                key={filters.from}
                max={filters.to || undefined}
                className={`${controlClass} mt-1 h-10`}
              />
            </label>
            <label className="block">
              <span className="block text-sm font-medium">To</span>
              <input
                type="date"
                name="to"
                defaultValue={filters.to}
                key={filters.to}
                min={filters.from || undefined}
                className={`${controlClass} mt-1 h-10`}
              />
            </label>
          </div>
          <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
            <Button type="submit" variant="secondary" size="sm" disabled={pending}>
              Apply filters
            </Button>
            {active > 0 && (
              <Link
                href={q ? `${action}?q=${encodeURIComponent(q)}` : action}
                className="text-sm text-stone-600 underline underline-offset-2 hover:text-stone-900 dark:text-stone-400 dark:hover:text-stone-100"
              >
                Clear filters
              </Link>
            )}
            <p className="text-xs text-stone-500 dark:text-stone-400">
              Filters find annotations and replies; report text and team notes are left out while one is set.
            </p>
          </div>
        </div>
      </details>
    </form>
  );
}
