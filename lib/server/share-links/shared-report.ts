import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { SharedAnnotation, SharedReport, SharedStance } from "@/lib/domain/share-links";
import { notFound } from "@/lib/errors";
import { mentionsAsText } from "@/lib/markdown/mentions";
import { SHARE_TOKEN } from "@/lib/validations/share-link";
import { annotationViewSql, type AnnotationViewRow } from "../annotations/read-views";
import { toAnnotationView } from "../annotations/view";
import { annotationSharedSql } from "../annotations/visibility";
import { consumeShareView } from "../rate-limit";
import { CITATION_DETAILS_SELECT, citationDetailsOf, readPassages, toIsoDate } from "../reports/reports";
import { secretDigest } from "../secrets";

/** The most annotations a share page shows (in reading order): a page, not an export. */
export const SHARED_ANNOTATIONS_MAX = 2_000;

const unknownLink = () => notFound("That shared report");

/**
 * What a share link opens, for anyone holding it, signed in or not: the report's current text
 * and, when the link says so, the team's shared annotations (never a private one) with their
 * replies, stances and verdicts, and the team notes. People appear by display name only: no
 * ids, no emails, no list of members; mentions read as "@Name". Each view is counted against
 * the visitor's address (429 past the limit) and on the link (its view count). An unknown,
 * revoked or expired link is a plain 404.
 */
export async function getSharedReport(options: { token: string; address: string }): Promise<SharedReport> {
  await consumeShareView(options.address);
  if (!SHARE_TOKEN.test(options.token)) throw unknownLink();
  // Found and counted in one statement: a link revoked a moment ago opens nothing.
  const [link] = await db.$queryRaw<{ reportId: string; annotations: "none" | "team"; includeNotes: boolean }[]>`
    UPDATE share_links SET view_count = view_count + 1, last_viewed_at = now()
    WHERE token_hash = ${secretDigest(options.token)} AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
    RETURNING report_id AS "reportId", annotations::text AS annotations, include_notes AS "includeNotes"`;
  if (!link) throw unknownLink();
  const report = await db.report.findUnique({
    where: { id: link.reportId },
    select: {
      title: true,
      subtitle: true,
      publisher: true,
      publishedAt: true,
      language: true,
      sourceUrl: true,
      // A reference's details (no one's email, nothing private): the shared page shows the report as it would be cited.
      ...CITATION_DETAILS_SELECT,
      version: true,
      workspace: { select: { name: true } },
      notes: { select: { body: true } },
    },
  });
  if (!report) throw unknownLink();
  const passages = await readPassages(link.reportId, report.version);
  const team = link.annotations === "team";
  const notes = team && link.includeNotes ? mentionsAsText(report.notes?.body ?? "").trim() : "";
  return {
    title: report.title,
    subtitle: report.subtitle,
    authors: report.authors,
    publisher: report.publisher,
    publishedAt: toIsoDate(report.publishedAt),
    language: report.language,
    sourceUrl: report.sourceUrl,
    ...citationDetailsOf(report),
    workspaceName: report.workspace.name,
    passages,
    annotations: team ? await sharedAnnotations(link.reportId, report.version) : null,
    notes: notes || null,
  };
}

/** The report's shared annotations placed in its current text, in reading order, each with its replies. */
async function sharedAnnotations(reportId: string, version: number): Promise<SharedAnnotation[]> {
  const rows = await db.$queryRaw<AnnotationViewRow[]>(
    annotationViewSql(
      Prisma.sql`annotations`,
      Prisma.sql`WHERE a.report_id = ${reportId} AND p.version = ${version} AND a.deleted_at IS NULL
        AND a.anchor_status <> 'orphaned' AND ${annotationSharedSql("a")}
        ORDER BY p.index, a.start, a."end", a.created_at, a.id LIMIT ${SHARED_ANNOTATIONS_MAX}`,
    ),
  );
  const replies = await db.reply.findMany({
    where: { annotationId: { in: rows.map((r) => r.id) }, deletedAt: null },
    orderBy: { seq: "asc" },
    select: { annotationId: true, body: true, createdAt: true, author: { select: { name: true } } },
  });
  const repliesOf = new Map<string, typeof replies>();
  for (const r of replies) repliesOf.set(r.annotationId, [...(repliesOf.get(r.annotationId) ?? []), r]);
  return rows.map((row) => {
    const a = toAnnotationView(row);
    return {
      id: a.id,
      passageId: a.passageId,
      passageIndex: a.passageIndex,
      start: a.start,
      end: a.end,
      kind: a.kind,
      quote: a.quote,
      author: a.author.name,
      body: mentionsAsText(a.body),
      claimSummary: a.claimSummary,
      status: a.status,
      verdict: a.verdict,
      tags: a.tags,
      stances: a.stances.map((s): SharedStance => ({
        author: s.user.name,
        stance: s.stance,
        note: s.note === null ? null : mentionsAsText(s.note),
        evidence: sharedEvidence(s.evidence, reportId),
      })),
      replies: (repliesOf.get(a.id) ?? []).map((r) => ({ author: r.author.name, body: mentionsAsText(r.body), createdAt: r.createdAt })),
      createdAt: a.createdAt,
    };
  });
}

/** Evidence a visitor can follow: a web address, or a ¶ of this report's current text; nothing of other reports. */
function sharedEvidence(evidence: SharedAnnotationEvidence, reportId: string): SharedStance["evidence"] {
  if (!evidence) return null;
  if (evidence.url) return { label: evidence.url, href: evidence.url, external: true };
  const at = evidence.passage;
  if (!at || at.reportId !== reportId || !at.current) return null;
  return { label: `¶ ${at.index}`, href: `#p-${at.index}`, external: false };
}

type SharedAnnotationEvidence = ReturnType<typeof toAnnotationView>["stances"][number]["evidence"];
