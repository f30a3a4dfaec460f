import type { PassageMark } from "@/lib/passage-marks";
import type { Creator } from "./citations";
import type { PassageKindName, RoleName } from "./words";

/** What the importer reads from a document's front matter, and an editor corrects. */
export interface ReportDetails {
  title: string;
  subtitle: string | null;
  authors: string[];
  publisher: string | null;
  /** A calendar date, "YYYY-MM-DD". */
  publishedAt: string | null;
  language: string | null;
  sourceUrl: string | null;
  /** The authors as a reference needs them (people and institutions); read from `authors` when never set. */
  creators: Creator[];
  place: string | null;
  reportNumber: string | null;
  series: string | null;
  /** "10.1234/…", without a "https://doi.org/" prefix. */
  doi: string | null;
  /** When the source was read, "YYYY-MM-DD". */
  accessedAt: string | null;
}

export interface ReportSummary {
  id: string;
  workspaceId: string;
  title: string;
  publishedAt: string | null;
  language: string | null;
  passageCount: number;
  annotationCount: number;
  createdAt: Date;
}

export interface PassageView {
  id: string;
  index: number;
  kind: PassageKindName;
  level: number | null;
  text: string;
  page: number | null;
  /** Bold, italic and link ranges kept from the source (code point offsets); empty when plain. */
  marks: PassageMark[];
  /** An ordered list item's number, else null. */
  listNumber: number | null;
}

/** A report's translation, or the report it translates (issue 21). */
export interface Counterpart {
  id: string;
  title: string;
  language: string | null;
}

export interface ReportView extends Omit<ReportSummary, "passageCount" | "annotationCount">, ReportDetails {
  workspace: { id: string; slug: string; name: string };
  role: RoleName;
  sourceFormat: string;
  /** The version shown: the current one unless an earlier one was asked for. */
  version: number;
  currentVersion: number;
  passages: PassageView[];
  /** The report it translates and its translations: read side by side. */
  counterparts: Counterpart[];
}
