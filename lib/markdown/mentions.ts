/**
 * Mentions travel in Markdown as TipTap's shortcode: [@ id="<userId>" label="<name>"].
 * This finds them without trusting the label: only ids matter to the server.
 */
const MENTION = /\[@\s+([^\]]{0,500})\]/g;
const ATTR = /(?:^|\s)(\w+)=(?:"([^"]*)"|'([^']*)')/g;

export interface Mention {
  id: string;
  label: string;
}

export function parseMentionAttributes(attrs: string): Mention | null {
  const found: Record<string, string> = {};
  for (const m of attrs.matchAll(ATTR)) found[m[1]] = m[2] ?? m[3] ?? "";
  return found.id ? { id: found.id, label: found.label ?? "" } : null;
}

export function extractMentions(markdown: string): Mention[] {
  const seen = new Map<string, Mention>();
  for (const m of markdown.matchAll(MENTION)) {
    const mention = parseMentionAttributes(m[1]);
    if (mention && !seen.has(mention.id)) seen.set(mention.id, mention);
  }
  return [...seen.values()];
}

/** Ids mentioned in `next` that were not already mentioned in `previous`. */
export function newMentionIds(next: string, previous = ""): string[] {
  const before = new Set(extractMentions(previous).map((m) => m.id));
  return extractMentions(next)
    .map((m) => m.id)
    .filter((id) => !before.has(id));
}

export function mentionMarkdown(id: string, label: string): string {
  return `[@ id="${id.replace(/"/g, "")}" label="${label.replace(/["\]]/g, "")}"]`;
}

/** Markdown with each mention shortcode written as plain "@Name": for text that leaves the app. */
export function mentionsAsText(markdown: string): string {
  // Every mention opens with "[@"; most texts have none, and this is called for each body of a large export.
  if (!markdown.includes("[@")) return markdown;
  return markdown.replace(MENTION, (whole, attrs: string) => {
    const mention = parseMentionAttributes(attrs);
    return mention ? `@${mention.label || mention.id}` : whole;
  });
}
