import "server-only";
import { db } from "@/lib/db";
import { reportToCsl, type CitableReport, type CslItem } from "@/lib/citations/csl";
import { formatCitations, formatReference } from "@/lib/citations/format";
import {
  DEFAULT_CITATION_STYLE,
  locatorOf,
  type AnnotationCitation,
  type CitationFormatName,
  type CitationStyleName,
} from "@/lib/domain/citations";
import { notFound } from "@/lib/errors";
import { getAnnotationAccessOrThrow } from "../annotations/access";
import { CITATION_DETAILS_SELECT, citationDetailsOf, toIsoDate } from "../reports/reports";
import { getWorkspaceAccessOrThrow, reportWhere } from "../workspaces/access";

/** A report's columns a reference is made of. */
export const CITABLE_SELECT = {
  id: true,
  title: true,
  subtitle: true,
  publisher: true,
  sourceUrl: true,
  publishedAt: true,
  language: true,
  ...CITATION_DETAILS_SELECT,
} as const;

type CitableRow = Parameters<typeof citationDetailsOf>[0] & {
  id: string;
  title: string;
  subtitle: string | null;
  publisher: string | null;
  sourceUrl: string | null;
  publishedAt: Date | null;
  language: string | null;
};

/** A row selected with CITABLE_SELECT, as the citation formats take it. */
export function citableReport(row: CitableRow): CitableReport {
  const { publishedAt, ...rest } = row;
  return { ...rest, ...citationDetailsOf(row), publishedAt: toIsoDate(publishedAt) };
}

/** A report's reference as text in a style (the default: Chicago author-date), as exports and "Copy citation" show it. */
export function reportReference(row: CitableRow, style: CitationStyleName = DEFAULT_CITATION_STYLE): string {
  return formatReference([reportToCsl(citableReport(row))], style, "text").trim();
}

export interface CitationFile {
  body: string;
  contentType: string;
  extension: string;
}

const CONTENT_TYPE: Record<CitationFormatName, [string, string]> = {
  "csl-json": ["application/vnd.citationstyles.csl+json; charset=utf-8", "json"],
  bibtex: ["application/x-bibtex; charset=utf-8", "bib"],
  ris: ["application/x-research-info-systems; charset=utf-8", "ris"],
  text: ["text/plain; charset=utf-8", "txt"],
};

function citationFile(items: CslItem[], format: CitationFormatName, style: CitationStyleName | undefined): CitationFile {
  const [contentType, extension] = CONTENT_TYPE[format];
  return { body: formatCitations(items, format, style), contentType, extension };
}

/** One report's reference, in a format (and for text, a style). Any member; anyone else: not found. */
export async function getReportCitation(options: {
  userId: string;
  reportId: string;
  format: CitationFormatName;
  style?: CitationStyleName;
}): Promise<CitationFile & { title: string }> {
  const row = await db.report.findFirst({ where: { id: options.reportId, ...reportWhere(options.userId) }, select: CITABLE_SELECT });
  if (!row) throw notFound("That report");
  return { ...citationFile([reportToCsl(citableReport(row))], options.format, options.style), title: row.title };
}

/** Every report of a workspace as one bibliography, oldest import first (the order stays put as reports are added). */
export async function getWorkspaceCitations(options: {
  userId: string;
  workspaceIdOrSlug: string;
  format: CitationFormatName;
  style?: CitationStyleName;
}): Promise<CitationFile & { name: string }> {
  const { workspace } = await getWorkspaceAccessOrThrow(options);
  const items = await workspaceCitationItems(workspace.id);
  return { ...citationFile(items, options.format, options.style), name: workspace.name };
}

/** The CSL items of a workspace's reports (the caller has checked membership). */
export async function workspaceCitationItems(workspaceId: string): Promise<CslItem[]> {
  const rows = await db.report.findMany({ where: { workspaceId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: CITABLE_SELECT });
  return rows.map((row) => reportToCsl(citableReport(row)));
}

/** An annotation's quote, its ¶ (and page), the report's reference in a style, and the link to it in the app. */
export async function getAnnotationCitation(options: {
  userId: string;
  annotationId: string;
  style?: CitationStyleName;
  origin: string;
}): Promise<AnnotationCitation> {
  const { annotation } = await getAnnotationAccessOrThrow(options);
  const row = await db.annotation.findUniqueOrThrow({
    where: { id: annotation.id },
    select: {
      quote: true,
      passage: { select: { index: true, page: true } },
      report: { select: { ...CITABLE_SELECT, workspace: { select: { slug: true } } } },
    },
  });
  const { workspace, ...report } = row.report;
  return {
    quote: row.quote,
    locator: locatorOf(row.passage),
    text: reportReference(report, options.style),
    url: `${options.origin}/w/${workspace.slug}/r/${report.id}?annotation=${encodeURIComponent(annotation.id)}`,
  };
}
