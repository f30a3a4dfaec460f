/**
 * A report as a CSL-JSON item (`"type": "report"`), the one shape every citation
 * format is made from: citation-js writes BibTeX (`@techreport`), RIS
 * (`TY  - RPRT`) and styled references from it.
 */
import { isInstitution, type Creator } from "@/lib/domain/citations";

/** What a reference to a report is made of: its details as the API shows them. */
export interface CitableReport {
  id: string;
  title: string;
  subtitle: string | null;
  creators: Creator[];
  publisher: string | null;
  place: string | null;
  reportNumber: string | null;
  series: string | null;
  doi: string | null;
  sourceUrl: string | null;
  /** "YYYY-MM-DD" */
  publishedAt: string | null;
  accessedAt: string | null;
  language: string | null;
}

type CslDate = { "date-parts": number[][] };
export type CslName = { family: string; given?: string } | { literal: string };

export interface CslItem {
  id: string;
  type: "report";
  "citation-key": string;
  title: string;
  author?: CslName[];
  publisher?: string;
  "publisher-place"?: string;
  number?: string;
  "collection-title"?: string;
  DOI?: string;
  URL?: string;
  issued?: CslDate;
  accessed?: CslDate;
  language?: string;
}

const cslDate = (day: string): CslDate => ({ "date-parts": [day.split("-").map(Number)] });

/** "Whitfield2023_8gjgkp": the first author's name in ASCII letters, the year, the end of the id (unique within a workspace). */
function citationKey(report: CitableReport): string {
  const first = report.creators[0];
  const name = first ? (isInstitution(first) ? first.literal : first.family) : "";
  const ascii = name
    .normalize("NFKD")
    .replace(/[^A-Za-z]/g, "")
    .slice(0, 20);
  return `${ascii || "report"}${report.publishedAt?.slice(0, 4) ?? ""}_${report.id.slice(-6)}`;
}

export function reportToCsl(report: CitableReport): CslItem {
  const item: CslItem = {
    id: report.id,
    type: "report",
    "citation-key": citationKey(report),
    title: report.subtitle ? `${report.title}: ${report.subtitle}` : report.title,
  };
  if (report.creators.length > 0) item.author = report.creators.map((c) => ({ ...c }));
  if (report.publisher) item.publisher = report.publisher;
  if (report.place) item["publisher-place"] = report.place;
  if (report.reportNumber) item.number = report.reportNumber;
  if (report.series) item["collection-title"] = report.series;
  if (report.doi) item.DOI = report.doi;
  if (report.sourceUrl) item.URL = report.sourceUrl;
  if (report.publishedAt) item.issued = cslDate(report.publishedAt);
  if (report.accessedAt) item.accessed = cslDate(report.accessedAt);
  if (report.language) item.language = report.language;
  return item;
}
