import type { Metadata } from "next";
import { translationSideLabel } from "@/lib/domain/side-by-side";
import Link from "next/link";
import { SearchForm } from "@/components/search/search-form";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { KIND_LABEL } from "@/lib/domain/words";
import { isAppError } from "@/lib/errors";
import { parseInput } from "@/lib/validations/parse-input";
import { requireUser } from "@/lib/session";
import { searchWorkspace, type SearchHit } from "@/lib/server/search/search";
import { ALL } from "@/lib/server/pagination/keyset";
import { listTags } from "@/lib/server/tags/tags";
import { listMembers } from "@/lib/server/workspaces/workspaces";
import { SEARCH_FILTER_KEYS, searchParamsToInput, searchQuerySchema, type SearchFilterValues } from "@/lib/validations/search";
import { loadWorkspace } from "../load-workspace";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export const metadata: Metadata = { title: "Search" };

const TYPE_LABEL: Record<SearchHit["type"], string> = {
  passage: "Report text",
  annotation: "Annotation",
  reply: "Reply",
  notes: "Team notes",
};

function Snippet({ hit }: { hit: SearchHit }) {
  return (
    <p dir="auto" className="mt-1 font-serif text-[0.95rem] leading-relaxed text-stone-800 dark:text-stone-200">
      {hit.snippet.map((piece, i) =>
        piece.match ? (
          <mark key={i} className="rounded-sm bg-amber-200/80 px-0.5 text-inherit dark:bg-amber-500/30">
            {piece.text}
          </mark>
        ) : (
          <span key={i}>{piece.text}</span>
        ),
      )}
    </p>
  );
}

/** The same search, from where this page ends. */
function withCursor(query: URLSearchParams, cursor: string): string {
  const next = new URLSearchParams(query);
  next.set("cursor", cursor);
  return next.toString();
}

export default async function SearchPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug } = await params;
  const { workspace } = await loadWorkspace(slug);
  const user = await requireUser();
  const raw = await searchParams;
  const query = new URLSearchParams(
    Object.entries(raw).flatMap(([k, v]) => (Array.isArray(v) ? v : v ? [v] : []).map((x) => [k, x] as [string, string])),
  );
  const q = query.get("q")?.trim() ?? "";
  const first = (key: string) => query.get(key)?.trim() ?? "";
  const filters: SearchFilterValues = {
    kind: first("kind"),
    tag: first("tag"),
    author: first("author"),
    from: first("from"),
    to: first("to"),
  };
  const filtered = SEARCH_FILTER_KEYS.some((k) => filters[k]);

  // The results, or what was wrong with the request, in words for the reader.
  const search = async (): Promise<{ results: SearchHit[]; nextCursor: string | null; problem: string | null }> => {
    if (!q) return { results: [], nextCursor: null, problem: null };
    if (filters.from && filters.to && filters.from > filters.to)
      return { results: [], nextCursor: null, problem: "“From” is after “To”: no day falls between them." };
    try {
      const input = parseInput(searchQuerySchema, searchParamsToInput(query));
      const { results, nextCursor } = await searchWorkspace({ userId: user.id, workspaceIdOrSlug: workspace.id, ...input });
      return { results, nextCursor, problem: null };
    } catch (e) {
      if (!isAppError(e) || e.status >= 500) throw e;
      return { results: [], nextCursor: null, problem: e.message };
    }
  };
  const [tags, members, { results, nextCursor, problem }] = await Promise.all([
    listTags({ userId: user.id, workspaceIdOrSlug: workspace.id, page: ALL }).then((p) => p.items),
    listMembers({ userId: user.id, workspaceIdOrSlug: workspace.id, page: ALL }).then((p) => p.items),
    search(),
  ]);
  // Grouped by report, reports in the order of their best hit.
  const groups = new Map<string, { title: string; side: string | null; hits: SearchHit[] }>();
  for (const hit of results) {
    const side = translationSideLabel(hit.report.language, hit.report.side);
    const group = groups.get(hit.report.id) ?? { title: hit.report.title, side, hits: [] };
    group.hits.push(hit);
    groups.set(hit.report.id, group);
  }

  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <p className="text-sm text-stone-500 dark:text-stone-400">
        <Link href={`/w/${workspace.slug}`} className="underline-offset-2 hover:underline">
          {workspace.name}
        </Link>
      </p>
      <h1 className="mt-1 font-serif text-3xl font-semibold tracking-tight">Search</h1>
      <SearchForm
        action={`/w/${workspace.slug}/search`}
        q={q}
        filters={filters}
        tags={tags.map((t) => ({ name: t.name }))}
        members={members.map((m) => ({ id: m.userId, name: m.name }))}
      />

      <div className="mt-8">
        {problem && <Alert>{problem}</Alert>}
        {!q && !problem && <EmptyState title="Search this workspace">Type words above, or press / on any page.</EmptyState>}
        {q && !problem && results.length === 0 && !filtered && (
          <EmptyState title={`Nothing matches “${q}”`}>Try fewer words, or the beginning of a word.</EmptyState>
        )}
        {q && !problem && results.length === 0 && filtered && (
          <EmptyState
            title={`Nothing matches “${q}” with these filters`}
            action={
              <Link href={`/w/${workspace.slug}/search?q=${encodeURIComponent(q)}`} className={buttonClass("secondary", "sm")}>
                Search without filters
              </Link>
            }
          >
            Filters look only at annotations and replies. Try another tag or author, or wider dates.
          </EmptyState>
        )}
        {groups.size > 0 && (
          <p role="status" className="mb-4 text-sm text-stone-600 dark:text-stone-400">
            {results.length === 1 ? "1 result" : `${results.length} results`} in {groups.size === 1 ? "1 report" : `${groups.size} reports`}
          </p>
        )}
        <ol className="space-y-8">
          {[...groups].map(([id, group]) => (
            <li key={id}>
              <h2 dir="auto" className="font-serif text-xl font-semibold">
                <Link href={`/w/${workspace.slug}/r/${id}`} className="hover:underline">
                  {group.title}
                </Link>
              </h2>
              {group.side && (
                <p
                  className="mt-0.5 text-xs font-medium tracking-wide text-stone-500 uppercase dark:text-stone-400"
                  data-testid="search-side"
                >
                  {group.side}
                </p>
              )}
              <ul className="mt-2 divide-y divide-stone-200 dark:divide-stone-800">
                {group.hits.map((hit) => (
                  <li key={`${hit.type}-${hit.replyId ?? hit.annotationId ?? hit.passageIndex ?? "notes"}`} className="py-3">
                    <Link href={hit.href} className="group block rounded-md focus-visible:outline-2 focus-visible:outline-amber-600">
                      <span className="text-xs font-medium tracking-wide text-stone-500 uppercase dark:text-stone-400">
                        {TYPE_LABEL[hit.type]}
                        {hit.type === "annotation" && hit.kind ? ` · ${KIND_LABEL[hit.kind as keyof typeof KIND_LABEL] ?? hit.kind}` : ""}
                        {hit.passageIndex !== null ? ` · ¶ ${hit.passageIndex}` : ""}
                        {hit.author ? ` · ${hit.author.name}` : ""}
                      </span>
                      <Snippet hit={hit} />
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
        {nextCursor && (
          <p className="mt-8 text-center">
            <Link href={`/w/${workspace.slug}/search?${withCursor(query, nextCursor)}`} className={buttonClass("secondary", "sm")}>
              Next results
            </Link>
          </p>
        )}
      </div>
    </main>
  );
}
