import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { SearchQueryInput } from "@/lib/validations/search";
import { AppError } from "@/lib/errors";
import { cursorAfter, keyFromCursor, scopeOf } from "../pagination/page";
import { getWorkspaceAccessOrThrow } from "../workspaces/access";
import { translationSides } from "../translations/translation-sides";
import type { TranslationSide } from "@/lib/domain/side-by-side";
import { parseSearchQuery } from "./query";
import { markdownToPlainText } from "@/lib/markdown/to-blocks";
import { mentionsAsText } from "@/lib/markdown/mentions";
import { SEARCH_PLANNER_SETTINGS, START, STOP, buildSearchSql, headlineOptions, type SearchHitType, type SearchRow } from "./search-sql";

export type { SearchHitType } from "./search-sql";

export interface SearchHit {
  type: SearchHitType;
  /** The report's language, and for a report with a translation which side it is. */
  report: { id: string; title: string; language: string | null; side: TranslationSide | null };
  /** The ¶ the hit is in (for passages, annotations and replies). */
  passageIndex: number | null;
  annotationId: string | null;
  replyId: string | null;
  kind: string | null;
  author: { id: string; name: string } | null;
  /** The matching words in context: plain text in pieces, `match` marking the found words. */
  snippet: { text: string; match: boolean }[];
  rank: number;
  createdAt: Date | null;
  /** Where it is in the app. */
  href: string;
}

function pieces(headline: string): { text: string; match: boolean }[] {
  const out: { text: string; match: boolean }[] = [];
  for (const [i, part] of headline.split(new RegExp(`[${START}${STOP}]`)).entries()) {
    if (part) out.push({ text: part, match: i % 2 === 1 });
  }
  return out;
}

/** Results per page by default (the API allows up to 100), and how deep into the ranking pages go. */
export const SEARCH_PAGE_DEFAULT = 50;
export const SEARCH_DEPTH = 200;

/**
 * Searches a workspace: report text (current versions), annotation bodies,
 * quotes and claim summaries, tag names, replies and team notes. Ranked by
 * Postgres full-text rank, with an exact occurrence of what was typed first.
 * Private annotations (and their replies) are found only by their author.
 */
export async function searchWorkspace(
  options: { userId: string; workspaceIdOrSlug: string } & SearchQueryInput,
): Promise<{ results: SearchHit[]; query: string; nextCursor: string | null }> {
  const { workspace } = await getWorkspaceAccessOrThrow(options);
  const limit = options.limit ?? SEARCH_PAGE_DEFAULT;
  // A cursor is bound to this workspace, query and filters, and carries how far into the ranking the last page ended.
  const scope = scopeOf(`search:${workspace.id}`, {
    q: options.q,
    kind: options.kind,
    tag: options.tag,
    author: options.author,
    from: options.from,
    to: options.to,
  });
  const offset = options.cursor !== undefined ? (keyFromCursor(options.cursor, scope, ["number"])[0] as number) : 0;
  if (!Number.isInteger(offset) || offset < 0 || offset >= SEARCH_DEPTH) {
    throw new AppError("bad_request", "That cursor is not valid. Start again from the first page (without `cursor`).");
  }
  const parsed = parseSearchQuery(options.q);
  if (!parsed.tsquery) return { results: [], query: options.q, nextCursor: null };
  const wanted = Math.min(offset + limit, SEARCH_DEPTH);
  const [, ranked] = await db.$transaction([
    db.$executeRaw(Prisma.raw(SEARCH_PLANNER_SETTINGS)),
    db.$queryRaw<SearchRow[]>(buildSearchSql({ ...options, limit: wanted + 1, workspaceId: workspace.id, parsed })),
  ]);
  const rows = await withPlainNotesSnippets(ranked.slice(offset, wanted), parsed.tsquery);
  const nextCursor = ranked.length > wanted && wanted < SEARCH_DEPTH ? cursorAfter(scope, [wanted]) : null;
  const sides = await translationSides(rows.map((r) => r.reportId));

  const base = `/w/${workspace.slug}/r`;
  return {
    query: options.q,
    nextCursor,
    results: rows.map((r) => ({
      type: r.type,
      report: {
        id: r.reportId,
        title: r.title,
        language: sides.get(r.reportId)?.language ?? null,
        side: sides.get(r.reportId)?.side ?? null,
      },
      passageIndex: r.passageIndex,
      annotationId: r.annotationId,
      replyId: r.replyId,
      kind: r.kind,
      author: r.authorId ? { id: r.authorId, name: r.authorName ?? "" } : null,
      snippet: pieces(r.headline),
      rank: Number(r.rank),
      createdAt: r.createdAt,
      href:
        r.type === "passage"
          ? `${base}/${r.reportId}#p-${r.passageIndex}`
          : r.type === "notes"
            ? `${base}/${r.reportId}?panel=notes`
            : `${base}/${r.reportId}?annotation=${r.annotationId}`,
    })),
  };
}

/**
 * The team notes are Markdown: their snippets are made again from the notes as
 * plain text (no `**`, `[…](…)`, `&lt;` or mention markup), in one query for
 * the page. Ranking stays on the stored text; only what is shown changes.
 */
async function withPlainNotesSnippets(rows: SearchRow[], tsquery: string): Promise<SearchRow[]> {
  const reportIds = [...new Set(rows.filter((r) => r.type === "notes").map((r) => r.reportId))];
  if (reportIds.length === 0) return rows;
  const notes = await db.reportNotes.findMany({ where: { reportId: { in: reportIds } }, select: { reportId: true, body: true } });
  const plain = notes.map((n) => markdownToPlainText(mentionsAsText(n.body)).replace(new RegExp(`[${START}${STOP}]`, "g"), ""));
  const snippets = await db.$queryRaw<{ id: string; headline: string }[]>`
    SELECT t.id, ts_headline('simple', t.plain, to_tsquery('simple', ${tsquery}), ${headlineOptions(Prisma.sql`length(t.plain)`)}) AS headline
    FROM unnest(${notes.map((n) => n.reportId)}::text[], ${plain}::text[]) AS t(id, plain)`;
  const byReport = new Map(snippets.map((s) => [s.id, s.headline]));
  return rows.map((r) => (r.type === "notes" && byReport.has(r.reportId) ? { ...r, headline: byReport.get(r.reportId)! } : r));
}
