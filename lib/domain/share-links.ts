/** Share links: what they show, and what the API and the share page give (dates as the server's Date; the browser's are ISO strings). */
import type { PassageView, ReportDetails } from "./reports";
import type { AnnotationKindName, AnnotationStatusName, StanceName, VerdictName } from "./words";

/** What a share link shows besides the text: nothing, or the team's shared annotations (never private ones). */
export const SHARE_ANNOTATIONS = ["none", "team"] as const;
export type ShareAnnotationsName = (typeof SHARE_ANNOTATIONS)[number];

/** A share link as its report's editors see it (POST answers it; GET lists them). */
export interface ShareLinkSummary {
  id: string;
  /** The link to send: `{app}/s/{token}`. */
  url: string;
  annotations: ShareAnnotationsName;
  notes: boolean;
  expiresAt: Date | null;
  createdAt: Date;
  createdBy: { name: string } | null;
  viewCount: number;
  lastViewedAt: Date | null;
}

/** A stance as the share page shows it: by display name only. */
export interface SharedStance {
  author: string;
  stance: StanceName;
  note: string | null;
  /** A web address, a ¶ of this report, or null (evidence elsewhere is not shared). */
  evidence: { label: string; href: string; external: boolean } | null;
}

export interface SharedReply {
  author: string;
  body: string;
  createdAt: Date;
}

/** A shared annotation: no ids of people, no assignment, nothing private. */
export interface SharedAnnotation {
  id: string;
  passageId: string;
  passageIndex: number;
  start: number;
  end: number;
  kind: AnnotationKindName;
  quote: string;
  author: string;
  /** Markdown; mentions written as plain "@Name". */
  body: string;
  claimSummary: string | null;
  status: AnnotationStatusName;
  verdict: VerdictName;
  tags: string[];
  stances: SharedStance[];
  replies: SharedReply[];
  createdAt: Date;
}

/** What `/s/{token}` shows: the report's details and current text, and what the link shares of the team's work. */
export interface SharedReport extends ReportDetails {
  workspaceName: string;
  passages: PassageView[];
  /** Null when the link shares the text alone. */
  annotations: SharedAnnotation[] | null;
  /** The team notes (Markdown, mentions as text), when the link shares them and they are not empty. */
  notes: string | null;
}
