import type { Metadata } from "next";
import Link from "next/link";
import { ClaimList } from "@/components/annotations/claim-list";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { toClientJson } from "@/lib/client-json";
import { countClaims, listAnnotations } from "@/lib/server/annotations/annotations";
import { listTags } from "@/lib/server/tags/tags";
import { VERDICTS, VERDICT_LABEL } from "@/lib/domain/words";
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

/** Claims per page: the rest come from the annotations API as the reader asks. */
const CLAIMS_PAGE = 50;

export default async function ClaimsPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug, reportId } = await params;
  const { user, report } = await loadReport(slug, reportId);
  const raw = (await searchParams).verdict;
  const wanted = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const verdict = (VERDICTS as readonly string[]).includes(wanted) ? (wanted as Verdict) : null;

  const [counts, firstPage, tags] = await Promise.all([
    countClaims({ userId: user.id, reportId: report.id, version: report.version, current: true }),
    listAnnotations({
      userId: user.id,
      reportId: report.id,
      filters: { kind: ["claim"], verdict: verdict ? [verdict] : undefined },
      limit: CLAIMS_PAGE,
    }),
    listTags({ userId: user.id, workspaceIdOrSlug: report.workspace.id, page: ALL }).then((p) => p.items),
  ]);
  const tagColors = Object.fromEntries(tags.map((t) => [t.name.toLocaleLowerCase("en"), t.color]));
  const shownTotal = verdict ? counts.byVerdict[verdict] : counts.total;
  const base = `/w/${report.workspace.slug}/r/${report.id}`;
  const listPath = `/api/v1/reports/${report.id}/annotations?${new URLSearchParams({ kind: "claim", ...(verdict ? { verdict } : {}), limit: String(CLAIMS_PAGE) })}`;
  const initial = toClientJson(firstPage.annotations);

  return (
    <main className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <PageHeader back={{ href: base, label: "Back to the report" }} title="Claims" subtitle={report.title} />

      {counts.total === 0 ? (
        <div className="mt-8">
          <EmptyState
            title="No claims yet"
            action={
              <ButtonLink href={base} variant="secondary">
                Open the report
              </ButtonLink>
            }
          >
            No claims yet — select a statement in the report and choose Claim.
          </EmptyState>
        </div>
      ) : (
        <>
          <nav aria-label="Filter claims by verdict" className="mt-6">
            <ul className="flex flex-wrap gap-2">
              <li>
                <Link href={`${base}/claims`} aria-current={verdict === null ? "page" : undefined} className={chipClass(verdict === null)}>
                  All <span className="tabular-nums opacity-80">{counts.total}</span>
                </Link>
              </li>
              {VERDICTS.map((v) => (
                <li key={v}>
                  <Link
                    href={`${base}/claims?verdict=${v}`}
                    aria-current={verdict === v ? "page" : undefined}
                    className={chipClass(verdict === v)}
                  >
                    {VERDICT_LABEL[v]} <span className="tabular-nums opacity-80">{counts.byVerdict[v]}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>

          {initial.length === 0 ? (
            <div className="mt-6">
              <EmptyState
                title={`No ${VERDICT_LABEL[verdict!].toLowerCase()} claims`}
                action={
                  <ButtonLink href={`${base}/claims`} variant="secondary">
                    Show all claims
                  </ButtonLink>
                }
              >
                None of this report’s claims has that verdict. Editors set verdicts from a claim’s card in the reader.
              </EmptyState>
            </div>
          ) : (
            // Keyed by the filter: another verdict starts its own list.
            <ClaimList
              key={verdict ?? "all"}
              initial={initial}
              initialCursor={firstPage.nextCursor}
              listPath={listPath}
              total={shownTotal}
              base={base}
              here={{ slug: report.workspace.slug, reportId: report.id }}
              tagColors={tagColors}
            />
          )}
        </>
      )}
    </main>
  );
}
