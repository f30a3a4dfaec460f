import type { Metadata } from "next";
import Link from "next/link";
import { TagChip } from "@/components/tags/tag-chip";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Tally, VerdictBadge } from "@/components/annotations/claim-badges";
import { VERDICT_LABEL } from "@/components/annotations/kind-style";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { listAllAnnotations } from "@/lib/server/annotations/annotations";
import { listTags } from "@/lib/server/tags/tags";
import { VERDICTS } from "@/lib/validations/annotation";
import { loadReport } from "../load-report";
import { ALL } from "@/lib/server/pagination/keyset";

type Params = Promise<{ slug: string; reportId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Verdict = (typeof VERDICTS)[number];


export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug, reportId } = await params;
  const loaded = await loadReport(slug, reportId);
  return { title: `Claims · ${loaded.report.title}` };
}


const chipClass = (active: boolean) =>
  `inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600 ${
    active
      ? "border-stone-900 bg-stone-900 text-white dark:border-stone-100 dark:bg-stone-100 dark:text-stone-900"
      : "border-stone-300 bg-white text-stone-700 hover:bg-stone-100 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-300 dark:hover:bg-stone-800"
  }`;

export default async function ClaimsPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug, reportId } = await params;
  const { user, report } = await loadReport(slug, reportId);
  const raw = (await searchParams).verdict;
  const wanted = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const verdict = (VERDICTS as readonly string[]).includes(wanted) ? (wanted as Verdict) : null;

  const [claims, tags] = await Promise.all([
    listAllAnnotations({ userId: user.id, reportId: report.id, filters: { kind: ["claim"] } }),
    listTags({ userId: user.id, workspaceIdOrSlug: report.workspace.id, page: ALL }).then((p) => p.items),
  ]);
  const tagColor = new Map(tags.map((t) => [t.name.toLocaleLowerCase("en"), t.color]));
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, claims.filter((c) => c.verdict === v).length])) as Record<Verdict, number>;
  const shown = verdict ? claims.filter((c) => c.verdict === verdict) : claims;
  const base = `/w/${report.workspace.slug}/r/${report.id}`;

  return (
    <main className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <p className="text-sm">
        <Link href={base} className="text-stone-600 underline underline-offset-2 dark:text-stone-400">
          ← Back to the report
        </Link>
      </p>
      <h1 className="mt-3 font-serif text-3xl font-semibold tracking-tight">Claims</h1>
      <p dir="auto" className="mt-1 font-serif text-lg text-stone-600 dark:text-stone-400">
        {report.title}
      </p>

      {claims.length === 0 ? (
        <div className="mt-8">
          <EmptyState title="No claims yet" action={<ButtonLink href={base} variant="secondary">Open the report</ButtonLink>}>
            No claims yet — select a statement in the report and choose Claim.
          </EmptyState>
        </div>
      ) : (
        <>
          <nav aria-label="Filter claims by verdict" className="mt-6">
            <ul className="flex flex-wrap gap-2">
              <li>
                <Link href={`${base}/claims`} aria-current={verdict === null ? "page" : undefined} className={chipClass(verdict === null)}>
                  All <span className="tabular-nums opacity-80">{claims.length}</span>
                </Link>
              </li>
              {VERDICTS.map((v) => (
                <li key={v}>
                  <Link href={`${base}/claims?verdict=${v}`} aria-current={verdict === v ? "page" : undefined} className={chipClass(verdict === v)}>
                    {VERDICT_LABEL[v]} <span className="tabular-nums opacity-80">{counts[v]}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>

          {shown.length === 0 ? (
            <div className="mt-6">
              <EmptyState title={`No ${VERDICT_LABEL[verdict!].toLowerCase()} claims`} action={<ButtonLink href={`${base}/claims`} variant="secondary">Show all claims</ButtonLink>}>
                None of this report’s claims has that verdict. Editors set verdicts from a claim’s card in the reader.
              </EmptyState>
            </div>
          ) : (
            <ol className="mt-6 space-y-3">
              {shown.map((c) => (
                <li key={c.id}>
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
                            <TagChip name={t} color={tagColor.get(t.toLocaleLowerCase("en"))} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </Link>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </main>
  );
}
