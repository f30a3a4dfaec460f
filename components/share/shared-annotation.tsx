import { Tally, VerdictBadge } from "@/components/annotations/claim-badges";
import { KIND_BAR, KIND_TONE, STANCE_LABEL, STANCE_TEXT } from "@/components/annotations/kind-style";
import { TagChip } from "@/components/tags/tag-chip";
import { Badge } from "@/components/ui/badge";
import { MarkdownBody } from "@/components/ui/markdown-body";
import type { SharedAnnotation as SharedAnnotationData } from "@/lib/domain/share-links";
import { KIND_LABEL, STANCES, type StanceName } from "@/lib/domain/words";

/** A day as "8 Dec 2026", the same on the server for everyone (the page has no script to localise it). */
export function sharedDate(date: Date): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

function tallyOf(stances: SharedAnnotationData["stances"]): Record<StanceName, number> {
  const tally = Object.fromEntries(STANCES.map((s) => [s, 0])) as Record<StanceName, number>;
  for (const s of stances) tally[s.stance] += 1;
  return tally;
}

/**
 * One annotation on the share page, read-only and open: who (by name), when, the kind, the
 * quote, the comment, a claim's verdict and every stance with its note and evidence, the tags,
 * and the replies. Bodies are Markdown rendered as React text (MarkdownBody): never as HTML.
 */
export function SharedAnnotation({ annotation: a }: { annotation: SharedAnnotationData }) {
  return (
    <article
      data-testid="shared-annotation"
      aria-label={`${KIND_LABEL[a.kind]} by ${a.author} on paragraph ${a.passageIndex}`}
      className={`relative overflow-hidden rounded-lg border border-stone-200 bg-white py-3 pr-3 pl-4 text-sm shadow-sm before:absolute before:inset-y-0 before:left-0 before:w-1 dark:border-stone-800 dark:bg-stone-900 ${KIND_BAR[a.kind]}`}
    >
      <header className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span dir="auto" className="font-medium">
          {a.author}
        </span>
        <time className="text-xs text-stone-500 dark:text-stone-400" dateTime={a.createdAt.toISOString()}>
          {sharedDate(a.createdAt)}
        </time>
        <span className="ms-auto flex items-center gap-1">
          {a.status === "resolved" && <Badge tone="emerald">Resolved</Badge>}
          <Badge tone={KIND_TONE[a.kind]}>{KIND_LABEL[a.kind]}</Badge>
        </span>
      </header>
      {a.kind === "claim" && a.claimSummary && (
        <p className="mt-2 font-medium" dir="auto">
          {a.claimSummary}
        </p>
      )}
      <p className="mt-2 line-clamp-2 font-serif text-[0.9rem] text-stone-600 italic dark:text-stone-400" dir="auto">
        “{a.quote}”
      </p>
      {a.body && <MarkdownBody markdown={a.body} className="mt-2" />}
      {(a.kind === "claim" || a.tags.length > 0) && (
        <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1">
          {a.kind === "claim" && <VerdictBadge verdict={a.verdict} />}
          {a.kind === "claim" && <Tally tally={tallyOf(a.stances)} />}
          {a.tags.map((t) => (
            <TagChip key={t} name={t} />
          ))}
        </div>
      )}
      {a.stances.length > 0 && (
        <ul className="mt-2 space-y-1 text-xs text-stone-700 dark:text-stone-300" aria-label="Stances">
          {a.stances.map((s, i) => (
            <li key={i} className="break-words">
              <span dir="auto" className="font-medium">
                {s.author}
              </span>{" "}
              <span className={STANCE_TEXT[s.stance]}>{STANCE_LABEL[s.stance].toLowerCase()}</span>
              {s.note && <span dir="auto"> — {s.note}</span>}
              {s.evidence && (
                <>
                  {" · "}
                  <span className="text-stone-500 dark:text-stone-400">evidence: </span>
                  <a
                    href={s.evidence.href}
                    dir="auto"
                    className="break-all underline underline-offset-2"
                    {...(s.evidence.external ? { target: "_blank", rel: "noopener noreferrer nofollow" } : {})}
                  >
                    {s.evidence.label}
                  </a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {a.replies.length > 0 && (
        <ol className="mt-3 space-y-2 border-t border-stone-200 pt-2 dark:border-stone-800" aria-label="Replies">
          {a.replies.map((r, i) => (
            <li key={i} data-testid="shared-reply">
              <p className="text-xs text-stone-500 dark:text-stone-400">
                <span dir="auto" className="font-medium text-stone-800 dark:text-stone-200">
                  {r.author}
                </span>
                {" · "}
                <time dateTime={r.createdAt.toISOString()}>{sharedDate(r.createdAt)}</time>
              </p>
              <MarkdownBody markdown={r.body} className="mt-0.5" />
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
