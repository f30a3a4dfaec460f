"use client";

import Link from "next/link";
import type { Counterpart } from "@/lib/domain/reports";
import { languageDirection } from "@/lib/format/text-direction";
import { languageName } from "@/lib/format/language-name";
import { useSideBySideLayout } from "./use-side-by-side";

/** In the report header when the report has a translation (or is one): its counterpart, and the switch to read both side by side. */
export function SideBySideToggle({ counterpart, slug }: { counterpart: Counterpart; slug: string }) {
  const [on, setOn] = useSideBySideLayout();
  const language = languageName(counterpart.language);
  return (
    <p className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-stone-600 dark:text-stone-300">
      <span>
        {language ? `${language} counterpart: ` : "Counterpart: "}
        <Link
          href={`/w/${slug}/r/${counterpart.id}`}
          lang={counterpart.language ?? undefined}
          dir={languageDirection(counterpart.language)}
          className="underline underline-offset-2"
        >
          {counterpart.title}
        </Link>
      </span>
      <button
        type="button"
        aria-pressed={on}
        onClick={() => setOn(!on)}
        data-testid="side-by-side-toggle"
        className="inline-flex min-h-11 items-center gap-2 rounded-md border border-stone-300 px-3 font-medium text-stone-800 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600 sm:min-h-8 dark:border-stone-700 dark:text-stone-100 dark:hover:bg-stone-800"
      >
        <span
          aria-hidden
          className={`inline-block h-3 w-5 rounded-full border border-stone-400 ${on ? "bg-amber-600" : "bg-transparent"}`}
        />
        Side by side
      </button>
    </p>
  );
}
