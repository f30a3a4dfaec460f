/**
 * Markdown as people should read it in a file: the editor's Markdown (TipTap's
 * serialiser) writes `&lt;` for `<`, `\~` for `~`, `&nbsp;` paragraphs for
 * empty lines, and so on, which render fine but read badly as text.
 *
 * The rule that keeps this safe is a single one: a change is made only when
 * the Markdown renders exactly as before. Each block is tried with every
 * entity decoded and every escape dropped; when that renders differently,
 * each entity or escape is tried on its own (an entity that must stay becomes
 * the equivalent escape: `&lt;b>` is `\<b>`), so only the ones that change
 * the rendering are kept; escaped brackets stay (see `candidates`). Code is never touched, empty paragraphs are
 * dropped, and no more than one blank line separates two blocks.
 */
import { Lexer, Marked, type Token } from "marked";

// Nothing to tidy: no entity, no escape, no run of blank lines (most bodies).
const MAY_NEED_TIDYING = /[\\&]|\n[ \t]*\n[ \t]*\n/;
/** A backslash escape (CommonMark: before ASCII punctuation) or an HTML entity. */
const SITE = /\\[!-/:-@[-`{-~]|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/g;
const NBSP = "\u00a0";
/** A paragraph with nothing in it but spaces: what an empty line of the editor becomes. */
const EMPTY_PARAGRAPH = /^(?:\s|&nbsp;|&#160;|&#xa0;|\u00a0)*$/i;
/** Past this many sites in one block, the rest are left as written: tidying must not cost more than the export. */
const MAX_SITES = 200;

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", nbsp: NBSP };

/** What one entity or escape stands for, or null when it is not one we read (left alone). */
function literal(site: string): string | null {
  if (site.startsWith("\\")) return site.slice(1);
  const name = site.slice(1, -1);
  if (name.startsWith("#")) {
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    // Controls and surrogates stay entities: they would not survive as characters.
    if (!Number.isFinite(code) || code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff)
      return null;
    return String.fromCodePoint(code);
  }
  return NAMED[name] ?? null;
}

/**
 * What may stand in for a site, plainest first: the character itself, then the
 * character escaped. Brackets keep their escape: a link reference defined
 * anywhere else in the document ("[1]: https://…") would turn them into a link,
 * and a block is checked on its own.
 */
function candidates(site: string): string[] {
  const char = literal(site);
  if (char === null) return [];
  const escaped = `\\${char}`;
  if (char === "[" || char === "]") return site === escaped ? [] : [escaped];
  if (site.startsWith("\\")) return [char];
  return /^[!-/:-@[-`{-~]$/.test(char) ? [char, escaped] : [char];
}

// An instance of its own: others (the editor's Markdown manager) add extensions to the shared one.
const renderer = new Marked({ gfm: true, async: false });

/** The HTML a block renders to, with the spaces that entities and characters write differently made one. */
function rendered(markdown: string): string {
  return (renderer.parse(markdown) as string).replace(/&nbsp;|&#160;/g, NBSP);
}

/** One block (not code) tidied: the plainest text that renders as it did. */
function tidyBlock(raw: string): string {
  if (!/[\\&]/.test(raw)) return raw;
  const target = rendered(raw);
  const all = raw.replace(SITE, (site) => candidates(site)[0] ?? site);
  if (all === raw || rendered(all) === target) return all;
  // Last to first, so the places of the ones still to try do not move.
  const sites = [...raw.matchAll(SITE)].slice(0, MAX_SITES).reverse();
  let text = raw;
  for (const match of sites) {
    const at = match.index;
    for (const replacement of candidates(match[0])) {
      const next = text.slice(0, at) + replacement + text.slice(at + match[0].length);
      if (rendered(next) === target) {
        text = next;
        break;
      }
    }
  }
  return text;
}

function isCode(token: Token): boolean {
  return token.type === "code" || token.type === "html";
}

/** A block that holds code somewhere inside (a list item's fenced code): its blank lines are the code's. */
function holdsCode(raw: string): boolean {
  return /^ {0,3}(```|~~~)|^(?: {4}|\t)\S/m.test(raw);
}

export function tidyMarkdown(markdown: string): string {
  if (!MAY_NEED_TIDYING.test(markdown)) return markdown;
  const tokens = new Lexer({ gfm: true }).blockTokens(markdown.replace(/\r\n?/g, "\n"));
  const blocks: string[] = [];
  for (const token of tokens) {
    if (token.type === "space") continue;
    const raw = token.raw.replace(/\n+$/, "");
    if (isCode(token)) {
      blocks.push(raw);
      continue;
    }
    if (token.type === "paragraph" && EMPTY_PARAGRAPH.test(raw)) continue;
    let text = tidyBlock(raw);
    if (!holdsCode(text)) {
      // Inside a list or a quote: an empty paragraph (a line of its own) goes, and runs of blank lines become one.
      text = text
        .split("\n")
        .filter((line) => !/^[\s>]*(?:&nbsp;|\u00a0)+\s*$/.test(line))
        .join("\n")
        .replace(/\n(?:[ \t]*\n){2,}/g, "\n\n");
    }
    blocks.push(text);
  }
  return blocks.join("\n\n");
}
