"use client";

import Link from "next/link";
import { Tally, VerdictBadge } from "@/components/annotations/claim-badges";
import type { ReaderAnnotation } from "@/components/reader/types";
import { TagChip } from "@/components/tags/tag-chip";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { ShowMore } from "@/components/ui/show-more";
import { usePagedList } from "@/components/ui/use-paged-list";
import { fetchPages } from "@/lib/api/pages";

/** A claim as the list shows it: a few fields of the API's annotation. */
export type ClaimItem = Pick<ReaderAnnotation, "id" | "claimSummary" | "quote" | "verdict" | "status" | "passageIndex" | "author" | "tally" | "replyCount" | "tags">;

/**
 * A report's claims in reading order, a page at a time: the server renders the
 * first page, "Show more" reads the next from the annotations API (`listPath`,
 * already filtered to claims and the chosen verdict). A report can hold
 * thousands: all at once was a 7 MB page that took over a second to make.
 */
export function ClaimList({
  initial,
  initialCursor,
  listPath,
  total,
  base,
  tagColors,
}: {
  initial: ClaimItem[];
  initialCursor: string | null;
  listPath: string;
  total: number;
  base: string;
  tagColors: Record<string, string | null>;
}) {
  const { items: claims, more, loading, error, showMore } = usePagedList({
    initial,
    initialCursor,
    fetchPage: (cursor) => fetchPages<ClaimItem>(listPath, "annotations", { cursor }),
    describeError: (e) => (e instanceof Error ? e.message : "The next claims could not be read."),
  });

  return (
    <div className="mt-6 space-y-4">
      <ol className="space-y-3">
        {claims.map((c) => (
          <li key={c.id}>
            <ClaimRow claim={c} base={base} tagColors={tagColors} />
          </li>
        ))}
      </ol>
      {error && <Alert tone="error">{error}</Alert>}
      <ShowMore more={more} onClick={showMore} loading={loading} shown={`${claims.length} of ${total} claims shown`} />
    </div>
  );
}

function ClaimRow({ claim: c, base, tagColors }: { claim: ClaimItem; base: string; tagColors: Record<string, string | null> }) {
  return (
    <Link
      href={`${base}?annotation=${encodeURIComponent(c.id)}`}
      className="block rounded-lg border border-stone-200 bg-white px-4 py-3 hover:border-stone-300 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600 dark:border-stone-800 dark:bg-stone-900 dark:hover:border-stone-700"
    >
      <div className="flex flex-wrap items-start gap-2">
        <p dir="auto" className="min-w-0 flex-1 font-medium text-stone-900 dark:text-stone-100">
          {c.claimSummary || `“${c.quote}”`}
        </p>
        <span className="flex shrink-0 items-center gap-1">
          <VerdictBadge verdict={c.verdict} />
          <Badge>{c.status === "resolved" ? "Resolved" : "Open"}</Badge>
        </span>
      </div>
      {c.claimSummary ? (
        <p dir="auto" title={c.quote} className="mt-1.5 truncate font-serif text-[0.9rem] text-stone-600 italic dark:text-stone-400">
          <span className="text-stone-500 not-italic dark:text-stone-400">¶ {c.passageIndex} · </span>“{c.quote}”
        </p>
      ) : (
        <p className="mt-1 text-sm text-stone-500 dark:text-stone-400">¶ {c.passageIndex}</p>
      )}
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2">
        <span className="inline-flex items-center gap-1.5 text-xs text-stone-600 dark:text-stone-400">
          <Avatar name={c.author.name} id={c.author.id} />
          {c.author.name}
        </span>
        <Tally tally={c.tally} />
        {c.replyCount > 0 && (
          <span className="text-xs text-stone-500 dark:text-stone-400">
            {c.replyCount} {c.replyCount === 1 ? "reply" : "replies"}
          </span>
        )}
      </div>
      {c.tags.length > 0 && (
        <ul aria-label="Tags" className="mt-2 flex flex-wrap gap-1.5">
          {c.tags.map((t) => (
            <li key={t} className="max-w-full">
              <TagChip name={t} color={tagColors[t.toLocaleLowerCase("en")]} />
            </li>
          ))}
        </ul>
      )}
    </Link>
  );
}
