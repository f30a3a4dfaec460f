import type { EvidenceView } from "@/lib/domain/annotation";
/**
 * A stance's evidence as people read it: a web address as itself, a passage
 * as "¶ 14" (naming the other report, or the earlier version, when it is not
 * this report's current text) and an annotation by the ¶ it marks, each with
 * the address that opens it. The reader, the Claims view and every export
 * word it the same way from this one function.
 */

export interface EvidenceLink {
  label: string;
  /** A web address (`external`), or a path in the app. */
  href: string;
  external: boolean;
}

/** The evidence as a link, seen from a report of workspace `slug`; null when there is nothing to show. */
export function evidenceLink(evidence: EvidenceView | null, here: { slug: string; reportId: string }): EvidenceLink | null {
  if (!evidence) return null;
  if (evidence.url) return { label: evidence.url, href: evidence.url, external: true };
  const at = evidence.passage;
  if (!at) return null;
  const report = `/w/${encodeURIComponent(here.slug)}/r/${encodeURIComponent(at.reportId)}`;
  const elsewhere = at.reportId === here.reportId ? "" : ` of “${at.reportTitle}”`;
  if (evidence.annotationId) {
    return {
      label: `annotation on ¶ ${at.index}${elsewhere}`,
      href: `${report}?annotation=${encodeURIComponent(evidence.annotationId)}`,
      external: false,
    };
  }
  if (at.current) return { label: `¶ ${at.index}${elsewhere}`, href: `${report}#p-${at.index}`, external: false };
  return {
    label: `¶ ${at.index}${elsewhere} (version ${at.version})`,
    href: `${report}?version=${at.version}#p-${at.index}`,
    external: false,
  };
}

/** The workspace and report a reader's address is in: "/w/desk/r/r1#p-12" → { slug: "desk", reportId: "r1" }. */
export function placeOfPath(path: string): { slug: string; reportId: string } | null {
  const found = /\/w\/([^/]+)\/r\/([^/?#]+)/.exec(path);
  return found ? { slug: decodeURIComponent(found[1]), reportId: decodeURIComponent(found[2]) } : null;
}
