"use client";

import Link from "next/link";
import { useParams, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";
import { isTypingTarget } from "@/components/ui/typing-target";

/** The workspace search, on every page of a workspace: `/` or Ctrl/⌘-K puts the cursor in it. */
export function SearchBox({ fallbackSlug }: { fallbackSlug: string | null }) {
  const router = useRouter();
  const params = useParams<{ slug?: string }>();
  const searchParams = useSearchParams();
  const slug = params.slug ?? fallbackSlug;
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (
        (e.key === "k" && (e.metaKey || e.ctrlKey)) ||
        (e.key === "/" && !isTypingTarget(e.target) && !e.metaKey && !e.ctrlKey && !e.altKey)
      ) {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  if (!slug) return null;
  return (
    <>
      {/* A phone has no room for the box: the search page has its own. */}
      <Link
        href={`/w/${slug}/search`}
        aria-label="Search"
        className="inline-flex h-11 w-11 items-center justify-center rounded-md text-stone-600 hover:bg-stone-200/70 focus-visible:outline-2 focus-visible:outline-amber-600 sm:hidden dark:text-stone-300 dark:hover:bg-stone-800"
      >
        <SearchIcon className="h-5 w-5" />
      </Link>
      <form
        role="search"
        className="hidden sm:block"
        onSubmit={(e) => {
          e.preventDefault();
          const q = input.current?.value.trim() ?? "";
          if (q) router.push(`/w/${slug}/search?q=${encodeURIComponent(q)}`);
        }}
      >
        <label className="relative block">
          <span className="sr-only">Search this workspace</span>
          <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 h-4 w-4 -translate-y-1/2 text-stone-400" />
          <input
            ref={input}
            type="search"
            name="q"
            defaultValue={searchParams.get("q") ?? ""}
            key={searchParams.get("q") ?? ""}
            maxLength={500}
            placeholder="Search"
            aria-keyshortcuts="/ Control+K"
            className="h-8 w-48 rounded-md border border-stone-300 bg-white pr-8 pl-8 text-sm placeholder:text-stone-500 focus:w-72 focus:border-amber-600 focus:outline-2 focus:outline-amber-600/30 motion-safe:transition-[width] lg:w-64 dark:border-stone-700 dark:bg-stone-900"
          />
          <kbd
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 rounded border border-stone-300 px-1 text-[10px] text-stone-500 dark:border-stone-700"
          >
            /
          </kbd>
        </label>
      </form>
    </>
  );
}

function SearchIcon({ className }: { className: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      className={className}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
    >
      <circle cx="9" cy="9" r="5.5" />
      <path d="M13.5 13.5 17 17" />
    </svg>
  );
}
