"use client";

import Link from "next/link";
import { AssignmentLine } from "@/components/annotations/assignment-line";
import { Tally, VerdictBadge } from "@/components/annotations/claim-badges";
import type { ReaderAnnotation } from "@/components/reader/types";
import { TagChip } from "@/components/tags/tag-chip";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { ShowMore } from "@/components/ui/show-more";
import { usePagedList } from "@/components/ui/use-paged-list";
import { fetchPages } from "@/lib/api/browser/pages";
import { verdictSetText } from "@/lib/exporters/common";
import { StanceReasons } from "./stance-reasons";

/** A claim as the list shows it: a few fields of the API's annotation. */
export type ClaimItem = Pick<
  ReaderAnnotation,
  | "id"
  | "claimSummary"
  | "quote"
  | "verdict"
  | "verdictSetBy"
  | "verdictSetAt"
  | "status"
  | "passageIndex"
  | "author"
  | "tally"
  | "stances"
  | "replyCount"
  | "tags"
  | "assignee"
  | "dueAt"
>;

/**
 * A report's claims in reading order, a page at a time: the server renders the
 * first page, "Show more" reads the next from the annotations API (`listPath`,
 * already filtered to claims and the chosen verdict). A report can hold
 * thousands: all at once was a 7 MB page that took over a second to make.
 * Each claim shows its reasoning: the verdict with who set it and when, and
 * every stance with its note and evidence.
 */
export function ClaimList({
  initial,
  initialCursor,
  listPath,
  total,
  base,
  here,
  tagColors,
}: {
  initial: ClaimItem[];
  initialCursor: string | null;
  listPath: string;
  total: number;
  base: string;
  /** The report's workspace and id: where evidence links are seen from. */
  here: { slug: string; reportId: string };
  tagColors: Record<string, string | null>;
}) {
  const {
    items: claims,
    more,
    loading,
    error,
    showMore,
  } = usePagedList({
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
            <ClaimRow claim={c} base={base} here={here} tagColors={tagColors} />
          </li>
        ))}
      </ol>
      {error && <Alert tone="error">{error}</Alert>}
      <ShowMore more={more} onClick={showMore} loading={loading} shown={`${claims.length} of ${total} claims shown`} />
    </div>
  );
}

/** The card is not one link: the evidence inside it links elsewhere. The summary opens the claim in the reader. */
function ClaimRow({
  claim: c,
  base,
  here,
  tagColors,
}: {
  claim: ClaimItem;
  base: string;
  here: { slug: string; reportId: string };
  tagColors: Record<string, string | null>;
}) {
  const setBy = c.verdictSetAt ? verdictSetText({ verdictSetAt: new Date(c.verdictSetAt), verdictSetBy: c.verdictSetBy ?? null }) : "";
  return (
    <article
      data-testid="claim"
      aria-labelledby={`claim-${c.id}`}
      className="rounded-lg border border-stone-200 bg-white px-4 py-3 focus-within:border-stone-300 hover:border-stone-300 dark:border-stone-800 dark:bg-stone-900 dark:hover:border-stone-700"
    >
      <div className="flex flex-wrap items-start gap-2">
        <h2 id={`claim-${c.id}`} dir="auto" className="min-w-0 flex-1 text-base font-medium text-stone-900 dark:text-stone-100">
          <Link
            href={`${base}?annotation=${encodeURIComponent(c.id)}`}
            className="underline-offset-2 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600"
          >
            {c.claimSummary || `“${c.quote}”`}
          </Link>
        </h2>
        <span className="flex shrink-0 items-center gap-1">
          <VerdictBadge verdict={c.verdict} />
          <Badge>{c.status === "resolved" ? "Resolved" : "Open"}</Badge>
        </span>
      </div>
      {setBy && <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">Verdict {setBy}</p>}
      {c.claimSummary ? (
        <p dir="auto" title={c.quote} className="mt-1.5 truncate font-serif text-[0.9rem] text-stone-600 italic dark:text-stone-400">
          <span className="text-stone-500 not-italic dark:text-stone-400">¶ {c.passageIndex} · </span>“{c.quote}”
        </p>
      ) : (
        <p className="mt-1 text-sm text-stone-500 dark:text-stone-400">¶ {c.passageIndex}</p>
      )}
      {c.assignee && <AssignmentLine assignee={c.assignee} dueAt={c.dueAt} status={c.status} />}
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
      <StanceReasons stances={c.stances} here={here} className="mt-2 border-s-2 border-stone-200 ps-3 dark:border-stone-700" />
      {c.tags.length > 0 && (
        <ul aria-label="Tags" className="mt-2 flex flex-wrap gap-1.5">
          {c.tags.map((t) => (
            <li key={t} className="max-w-full">
              <TagChip name={t} color={tagColors[t.toLocaleLowerCase("en")]} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
