import { STANCE_VERB, VERDICT_LABEL, type AnnotationKindName, type StanceName, type VerdictName } from "@/lib/domain/words";
import { noteSentence } from "@/lib/exporters/common";
import type { EvidenceView } from "@/lib/domain/annotation";
import { evidenceLink, placeOfPath } from "@/lib/format/evidence";

/**
 * What "Quote in notes" inserts: the annotation's quote as a block quote that
 * links back to its passage (¶ number), then who said what about it; for a
 * claim, its verdict and every stance with its note and evidence, so the
 * reasoning reaches the briefing.
 */
export interface QuotedAnnotation {
  quote: string;
  passageIndex: number;
  kind: AnnotationKindName;
  body: string;
  claimSummary: string | null;
  author: { name: string };
  verdict?: VerdictName;
  verdictSetBy?: { name: string } | null;
  verdictSetAt?: string | null;
  stances?: { user: { name: string }; stance: StanceName; note: string | null; evidence: EvidenceView | null }[];
}

/** Backslash-escapes what Markdown would read as formatting, so quoted text stays text. */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, "\\$&").replace(/^(\s*)([-=]{3,}|\d+[.)])(?=\s|$)/gm, "$1\\$2");
}

const LEAD: Record<AnnotationKindName, string> = {
  highlight: "highlighted",
  comment: "commented",
  question: "asked",
  claim: "marked a claim",
};

/** "Verdict: **Contested** (set by Edna Editor on 2026-12-07)" */
function verdictLine(a: QuotedAnnotation): string {
  const verdict = `Verdict: **${VERDICT_LABEL[a.verdict ?? "unverified"]}**`;
  if (!a.verdictSetAt) return verdict;
  const by = a.verdictSetBy ? ` by ${escapeMarkdownText(a.verdictSetBy.name)}` : "";
  return `${verdict} (set${by} on ${a.verdictSetAt.slice(0, 10)})`;
}

/** "- **Anan** disputes: The table says 35%. Evidence: [¶ 3](/w/…#p-3)" */
function stanceLine(s: NonNullable<QuotedAnnotation["stances"]>[number], place: { slug: string; reportId: string } | null): string {
  let line = `- **${escapeMarkdownText(s.user.name)}** ${STANCE_VERB[s.stance]}`;
  line += s.note?.trim() ? `: ${escapeMarkdownText(noteSentence(s.note))}` : ".";
  const link = place ? evidenceLink(s.evidence, place) : null;
  if (link) line += ` Evidence: [${escapeMarkdownText(link.label)}](${link.href.replace(/[()\s]/g, encodeURIComponent)})`;
  return line;
}

export function quoteMarkdown(a: QuotedAnnotation, passageHref: string): string {
  const quoteLines = a.quote.split(/\r?\n/).map((line) => `> ${escapeMarkdownText(line)}`.trimEnd());
  const parts = [`${quoteLines.join("\n")}\n>\n> — [¶ ${a.passageIndex}](${passageHref})`];
  const summary = a.kind === "claim" && a.claimSummary ? ` “${escapeMarkdownText(a.claimSummary)}”` : "";
  const body = a.body.trim();
  if (body || summary) parts.push(`**${escapeMarkdownText(a.author.name)}** ${LEAD[a.kind]}${summary}${body ? ":" : "."}`);
  if (body) parts.push(body);
  if (a.kind === "claim") {
    parts.push(verdictLine(a));
    const place = placeOfPath(passageHref);
    if (a.stances?.length) parts.push(a.stances.map((s) => stanceLine(s, place)).join("\n"));
  }
  return parts.join("\n\n");
}
