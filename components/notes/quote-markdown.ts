/**
 * What "Quote in notes" inserts: the annotation's quote as a block quote that
 * links back to its passage (¶ number), then who said what about it.
 */
export interface QuotedAnnotation {
  quote: string;
  passageIndex: number;
  kind: "highlight" | "comment" | "question" | "claim";
  body: string;
  claimSummary: string | null;
  author: { name: string };
}

/** Backslash-escapes what Markdown would read as formatting, so quoted text stays text. */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, "\\$&").replace(/^(\s*)([-=]{3,}|\d+[.)])(?=\s|$)/gm, "$1\\$2");
}

const LEAD: Record<QuotedAnnotation["kind"], string> = {
  highlight: "highlighted",
  comment: "commented",
  question: "asked",
  claim: "marked a claim",
};

export function quoteMarkdown(a: QuotedAnnotation, passageHref: string): string {
  const quoteLines = a.quote
    .split(/\r?\n/)
    .map((line) => `> ${escapeMarkdownText(line)}`.trimEnd());
  const parts = [`${quoteLines.join("\n")}\n>\n> — [¶ ${a.passageIndex}](${passageHref})`];
  const summary = a.kind === "claim" && a.claimSummary ? ` “${escapeMarkdownText(a.claimSummary)}”` : "";
  const body = a.body.trim();
  if (body || summary) parts.push(`**${escapeMarkdownText(a.author.name)}** ${LEAD[a.kind]}${summary}${body ? ":" : "."}`);
  if (body) parts.push(body);
  return parts.join("\n\n");
}
