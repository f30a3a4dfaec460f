/**
 * Markdown → a small, safe document model.
 *
 * Annotation bodies are Markdown written by users. We never turn them into
 * HTML strings: `marked`'s lexer gives us tokens, and this module maps those
 * tokens onto a closed set of node types (`Block` / `Inline`) that a renderer
 * can turn into React elements. Anything outside that set — raw HTML, images,
 * unsafe links — degrades to plain text, so the worst a hostile body can do is
 * show its own source.
 *
 * Mentions travel as TipTap's shortcode, `[@ id="<userId>" label="<name>"]`
 * (see ./mentions.ts); the lexer turns each one into a `mention` node whose
 * label is plain text. Inside code spans and code blocks they stay literal.
 *
 * Pure module: no React, no DOM.
 */
import { Hooks, Lexer, type MarkedOptions, type Token, type Tokens } from "marked";
import { parseMentionAttributes } from "./mentions";
import { isPlainProse, proseParagraphs } from "./prose";

export type Inline =
  | { type: "text"; text: string }
  | { type: "strong"; children: Inline[] }
  | { type: "em"; children: Inline[] }
  | { type: "code"; text: string }
  | { type: "del"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] }
  | { type: "mention"; id: string; label: string }
  | { type: "break" };

export type Block =
  | { type: "paragraph"; children: Inline[] }
  | { type: "heading"; level: number; children: Inline[] }
  | { type: "quote"; children: Block[] }
  | { type: "list"; ordered: boolean; start?: number; items: Block[][] }
  | { type: "code"; text: string }
  | { type: "rule" };

/** Quotes/lists nested deeper than this are flattened to plain paragraphs. */
const MAX_DEPTH = 16;

// ---------------------------------------------------------------------------
// HTML entities
// ---------------------------------------------------------------------------

/**
 * Named character references we decode. Not the full HTML5 table (2,000+
 * names) — the ones people actually type, Latin-1, Greek, typographic
 * punctuation, and the HTML5 punctuation names (`&colon;`, `&Tab;`, …) that
 * are used to disguise URLs. Unknown names are left as literal text, which is
 * what CommonMark does for anything that is not a valid reference.
 */
const NAMED_ENTITIES: Record<string, string> = (() => {
  const map: Record<string, string> = {
    amp: "&",
    lt: "<",
    gt: ">",
    quot: '"',
    apos: "'",
    AMP: "&",
    LT: "<",
    GT: ">",
    QUOT: '"',
    // typographic
    ensp: "\u2002",
    emsp: "\u2003",
    thinsp: "\u2009",
    zwnj: "\u200C",
    zwj: "\u200D",
    lrm: "\u200E",
    rlm: "\u200F",
    ndash: "\u2013",
    mdash: "\u2014",
    lsquo: "\u2018",
    rsquo: "\u2019",
    sbquo: "\u201A",
    ldquo: "\u201C",
    rdquo: "\u201D",
    bdquo: "\u201E",
    dagger: "\u2020",
    Dagger: "\u2021",
    bull: "\u2022",
    hellip: "\u2026",
    permil: "\u2030",
    prime: "\u2032",
    Prime: "\u2033",
    lsaquo: "\u2039",
    rsaquo: "\u203A",
    oline: "\u203E",
    frasl: "\u2044",
    euro: "\u20AC",
    trade: "\u2122",
    OElig: "\u0152",
    oelig: "\u0153",
    Scaron: "\u0160",
    scaron: "\u0161",
    Yuml: "\u0178",
    fnof: "\u0192",
    circ: "\u02C6",
    tilde: "\u02DC",
    // arrows, maths, symbols
    larr: "\u2190",
    uarr: "\u2191",
    rarr: "\u2192",
    darr: "\u2193",
    harr: "\u2194",
    lArr: "\u21D0",
    uArr: "\u21D1",
    rArr: "\u21D2",
    dArr: "\u21D3",
    hArr: "\u21D4",
    forall: "\u2200",
    part: "\u2202",
    exist: "\u2203",
    empty: "\u2205",
    nabla: "\u2207",
    isin: "\u2208",
    notin: "\u2209",
    ni: "\u220B",
    prod: "\u220F",
    sum: "\u2211",
    minus: "\u2212",
    lowast: "\u2217",
    radic: "\u221A",
    prop: "\u221D",
    infin: "\u221E",
    ang: "\u2220",
    and: "\u2227",
    or: "\u2228",
    cap: "\u2229",
    cup: "\u222A",
    int: "\u222B",
    there4: "\u2234",
    sim: "\u223C",
    cong: "\u2245",
    asymp: "\u2248",
    ne: "\u2260",
    equiv: "\u2261",
    le: "\u2264",
    ge: "\u2265",
    sub: "\u2282",
    sup: "\u2283",
    sube: "\u2286",
    supe: "\u2287",
    oplus: "\u2295",
    otimes: "\u2297",
    perp: "\u22A5",
    sdot: "\u22C5",
    loz: "\u25CA",
    spades: "\u2660",
    clubs: "\u2663",
    hearts: "\u2665",
    diams: "\u2666",
    check: "\u2713",
    cross: "\u2717",
    star: "\u2606",
    starf: "\u2605",
    // HTML5 ASCII punctuation names
    Tab: "\t",
    NewLine: "\n",
    excl: "!",
    num: "#",
    dollar: "$",
    percnt: "%",
    lpar: "(",
    rpar: ")",
    ast: "*",
    plus: "+",
    comma: ",",
    period: ".",
    sol: "/",
    colon: ":",
    semi: ";",
    equals: "=",
    quest: "?",
    commat: "@",
    lsqb: "[",
    lbrack: "[",
    bsol: "\\",
    rsqb: "]",
    rbrack: "]",
    Hat: "^",
    lowbar: "_",
    grave: "`",
    lcub: "{",
    lbrace: "{",
    verbar: "|",
    vert: "|",
    rcub: "}",
    rbrace: "}",
    hyphen: "\u2010",
    dash: "\u2010",
  };
  // U+00A0 … U+00FF in order.
  const latin1 =
    "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr " +
    "deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest " +
    "Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml " +
    "ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig " +
    "agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml " +
    "eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml";
  latin1.split(" ").forEach((name, i) => (map[name] = String.fromCharCode(0xa0 + i)));
  // Greek: Α (U+0391) … Ρ, (gap at U+03A2), Σ … Ω; α (U+03B1) … ω.
  "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho"
    .split(" ")
    .forEach((name, i) => (map[name] = String.fromCharCode(0x391 + i)));
  "Sigma Tau Upsilon Phi Chi Psi Omega".split(" ").forEach((name, i) => (map[name] = String.fromCharCode(0x3a3 + i)));
  (
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho " +
    "sigmaf sigma tau upsilon phi chi psi omega"
  )
    .split(" ")
    .forEach((name, i) => (map[name] = String.fromCharCode(0x3b1 + i)));
  return map;
})();

const ENTITY_RE = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

function codePointToString(cp: number): string {
  // CommonMark: NUL, surrogates and out-of-range values become U+FFFD.
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return "\uFFFD";
  return String.fromCodePoint(cp);
}

/** Decode HTML character references (`&amp;`, `&#39;`, `&#x2F;`, …) to characters. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY_RE, (whole, hex?: string, dec?: string, name?: string) => {
    if (hex !== undefined) return codePointToString(parseInt(hex, 16));
    if (dec !== undefined) return codePointToString(parseInt(dec, 10));
    if (name !== undefined && Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, name)) {
      return NAMED_ENTITIES[name];
    }
    return whole;
  });
}

// ---------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------

// ASCII control characters (incl. tab/newline, which browsers silently strip
// from URLs: "java\tscript:" and "/\t/evil" are both tricks), DEL, and the
// invisible/bidi formatting characters.
const FORBIDDEN_CHARS_RE = /[\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]/;
const SCHEME_RE = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const ALLOWED_SCHEMES = new Set(["http", "https", "mailto"]);

function checkHref(href: string): boolean {
  if (href.length === 0) return false;
  if (FORBIDDEN_CHARS_RE.test(href)) return false;
  // Leading/trailing whitespace of any kind (incl. NBSP and other Unicode spaces).
  if (href !== href.trim()) return false;
  const scheme = SCHEME_RE.exec(href);
  if (scheme) return ALLOWED_SCHEMES.has(scheme[1].toLowerCase());
  if (href.startsWith("#")) return true;
  if (href.startsWith("/")) {
    // "//host" and "/\host" are protocol-relative in browsers.
    const second = href.charAt(1);
    return second !== "/" && second !== "\\";
  }
  return false;
}

/**
 * Returns `href` unchanged if it is safe to put in an `<a href>`, else `null`.
 *
 * Allowed: `http:`, `https:`, `mailto:` (any case), same-site paths ("/…")
 * and fragments ("#…"). Everything else — `javascript:`, `data:`,
 * `vbscript:`, protocol-relative "//host", bare relative paths, anything with
 * leading whitespace or control characters — is rejected. The check runs on
 * the string as given and again after decoding HTML entities, so
 * `&#106;avascript:` or `javascript&colon;` cannot slip through in a context
 * that decodes them.
 */
export function safeHref(href: string): string | null {
  if (typeof href !== "string") return null;
  if (!checkHref(href)) return null;
  const decoded = decodeEntities(href);
  if (decoded !== href && !checkHref(decoded)) return null;
  return href;
}

// ---------------------------------------------------------------------------
// Mentions
// ---------------------------------------------------------------------------

/**
 * One mention shortcode at the start of the text (the shape ./mentions.ts
 * looks for). The attributes are bounded (ids are at most 64 characters and
 * names 100) so that a body full of unclosed "[@ " cannot make the lexer
 * scan to the end of the text from each of them.
 */
const MENTION_AT_START_RE = /^\[@\s([^\]]{0,500})\]/;
const MENTION_START_RE = /\[@\s/;
const MENTION_ANYWHERE_RE = /\[@\s[^\]]{0,500}\]/g;

interface MentionToken {
  type: "mention";
  raw: string;
  id: string;
  label: string;
}

/**
 * Inline tokenizer for mention shortcodes. Marked tries it before its own
 * tokenizers at every position, so a shortcode is taken whole (a `*` or `<`
 * in a label is never read as Markdown or HTML); a code span that contains a
 * shortcode is consumed by the code-span tokenizer first, so it stays literal.
 * A shortcode without an id is not a mention and is left to the other rules.
 */
function mentionTokenizer(src: string): MentionToken | undefined {
  const match = MENTION_AT_START_RE.exec(src);
  if (!match) return undefined;
  const mention = parseMentionAttributes(match[1]);
  if (!mention) return undefined;
  return { type: "mention", raw: match[0], id: mention.id, label: mention.label };
}

/** Stops plain-text runs where a shortcode may begin. */
function mentionStart(src: string): number | undefined {
  const index = src.search(MENTION_START_RE);
  return index < 0 ? undefined : index;
}

/**
 * Emphasis/strikethrough delimiters are matched against a masked copy of the
 * source; hide shortcodes there too, so a `*` or `~` inside a label can never
 * close a delimiter opened outside it.
 */
const hooks = new Hooks();
hooks.emStrongMask = (src: string) => src.replace(MENTION_ANYWHERE_RE, (m) => `[${"a".repeat(m.length - 2)}]`);

const EXTENSIONS: NonNullable<MarkedOptions["extensions"]> = {
  renderers: {},
  childTokens: {},
  inline: [mentionTokenizer],
  startInline: [mentionStart],
};

/** A fresh options object per lexer: marked's Lexer stores its tokenizer on the options it is given. */
function lexerOptions(): MarkedOptions {
  return { gfm: true, extensions: EXTENSIONS, hooks };
}

/** How a mention reads as text: `@Label` (the id if the label is missing). */
export function mentionText(node: { id: string; label: string }): string {
  return `@${node.label || node.id}`;
}

// ---------------------------------------------------------------------------
// Tokens → model
// ---------------------------------------------------------------------------

function pushText(out: Inline[], text: string): void {
  if (text === "") return;
  const last = out[out.length - 1];
  if (last && last.type === "text") {
    out[out.length - 1] = { type: "text", text: last.text + text };
  } else {
    out.push({ type: "text", text });
  }
}

function pushAll(out: Inline[], nodes: Inline[]): void {
  for (const node of nodes) {
    if (node.type === "text") pushText(out, node.text);
    else out.push(node);
  }
}

/** Plain text of inline tokens (used for image alt text). */
function tokensToPlain(tokens: Token[] | undefined, fallback: string): string {
  if (!tokens) return decodeEntities(fallback);
  return inlinesToPlain(convertInlines(tokens));
}

function inlinesToPlain(nodes: Inline[]): string {
  let s = "";
  for (const node of nodes) {
    switch (node.type) {
      case "text":
      case "code":
        s += node.text;
        break;
      case "break":
        s += "\n";
        break;
      case "mention":
        s += mentionText(node);
        break;
      default:
        s += inlinesToPlain(node.children);
    }
  }
  return s;
}

function convertInlines(tokens: Token[] | undefined): Inline[] {
  const out: Inline[] = [];
  if (!tokens) return out;
  for (const token of tokens) convertInline(token, out);
  return out;
}

function convertInline(token: Token, out: Inline[]): void {
  switch (token.type) {
    case "text": {
      const t = token as Tokens.Text;
      // Text tokens inside tight list items carry nested inline tokens.
      if (t.tokens && t.tokens.length > 0) pushAll(out, convertInlines(t.tokens));
      else pushText(out, decodeEntities(t.text));
      return;
    }
    case "escape":
      // Backslash escape: the character itself, never entity-decoded.
      pushText(out, (token as Tokens.Escape).text);
      return;
    case "strong":
      out.push({ type: "strong", children: convertInlines((token as Tokens.Strong).tokens) });
      return;
    case "em":
      out.push({ type: "em", children: convertInlines((token as Tokens.Em).tokens) });
      return;
    case "del":
      out.push({ type: "del", children: convertInlines((token as Tokens.Del).tokens) });
      return;
    case "codespan":
      // Code spans are literal: no entity decoding.
      out.push({ type: "code", text: (token as Tokens.Codespan).text });
      return;
    case "br":
      out.push({ type: "break" });
      return;
    case "mention": {
      const t = token as unknown as MentionToken;
      out.push({ type: "mention", id: t.id, label: t.label });
      return;
    }
    case "link": {
      const t = token as Tokens.Link;
      // Autolinks (`<https://…>`, bare www./https:// URLs, emails) are literal;
      // inline and reference links decode entities in the destination.
      const isAutolink = !t.raw.startsWith("[");
      const children = isAutolink
        ? t.tokens && t.tokens.length > 0
          ? convertAutolinkChildren(t.tokens)
          : [{ type: "text" as const, text: t.text }]
        : convertInlines(t.tokens);
      const href = safeHref(isAutolink ? t.href : decodeEntities(t.href));
      if (href === null) pushAll(out, children);
      else out.push({ type: "link", href, children });
      return;
    }
    case "image": {
      // Never load remote images: show the alt text.
      const t = token as Tokens.Image;
      pushText(out, tokensToPlain(t.tokens, t.text));
      return;
    }
    case "html":
    case "tag":
      // Raw inline HTML is shown as its literal source.
      pushText(out, token.raw);
      return;
    case "checkbox":
      pushText(out, (token as Tokens.Checkbox).checked ? "\u2611 " : "\u2610 ");
      return;
    default: {
      const anyToken = token as { tokens?: Token[]; text?: string; raw?: string };
      if (anyToken.tokens) pushAll(out, convertInlines(anyToken.tokens));
      else pushText(out, anyToken.raw ?? anyToken.text ?? "");
    }
  }
}

function convertAutolinkChildren(tokens: Token[]): Inline[] {
  const out: Inline[] = [];
  for (const token of tokens) {
    if (token.type === "text") pushText(out, (token as Tokens.Text).text);
    else convertInline(token, out);
  }
  return out;
}

/** A raw HTML block shown as text, one line per source line. */
function literalParagraph(source: string): Block | null {
  const lines = source.replace(/\s+$/, "").split("\n");
  if (lines.length === 1 && lines[0].trim() === "") return null;
  const children: Inline[] = [];
  lines.forEach((line, i) => {
    if (i > 0) children.push({ type: "break" });
    pushText(children, line);
  });
  return { type: "paragraph", children };
}

function tableCellsToInlines(cells: Tokens.TableCell[], bold: boolean): Inline[] {
  const out: Inline[] = [];
  cells.forEach((cell, i) => {
    if (i > 0) pushText(out, " \u00B7 ");
    const children = convertInlines(cell.tokens);
    if (bold && children.length > 0) out.push({ type: "strong", children });
    else pushAll(out, children);
  });
  return out;
}

function convertBlocks(tokens: Token[], depth: number): Block[] {
  const out: Block[] = [];
  for (const token of tokens) convertBlock(token, depth, out);
  return out;
}

function convertBlock(token: Token, depth: number, out: Block[]): void {
  switch (token.type) {
    case "space":
    case "def":
      return;
    case "paragraph":
      out.push({ type: "paragraph", children: convertInlines((token as Tokens.Paragraph).tokens) });
      return;
    case "text": {
      // Bare text at block level (tight list items).
      const children: Inline[] = [];
      convertInline(token, children);
      out.push({ type: "paragraph", children });
      return;
    }
    case "checkbox": {
      const children: Inline[] = [];
      convertInline(token, children);
      out.push({ type: "paragraph", children });
      return;
    }
    case "heading": {
      const t = token as Tokens.Heading;
      out.push({
        type: "heading",
        level: Math.min(6, Math.max(1, t.depth)),
        children: convertInlines(t.tokens),
      });
      return;
    }
    case "blockquote": {
      const t = token as Tokens.Blockquote;
      if (depth >= MAX_DEPTH) {
        out.push(...flatten(convertBlocks(t.tokens, depth + 1)));
        return;
      }
      out.push({ type: "quote", children: convertBlocks(t.tokens, depth + 1) });
      return;
    }
    case "list": {
      const t = token as Tokens.List;
      const items = t.items.map((item) => mergeCheckbox(convertBlocks(item.tokens, depth + 1)));
      if (depth >= MAX_DEPTH) {
        for (const item of items) out.push(...flatten(item));
        return;
      }
      const block: Block = { type: "list", ordered: t.ordered, items };
      if (t.ordered && typeof t.start === "number" && Number.isFinite(t.start)) block.start = t.start;
      out.push(block);
      return;
    }
    case "code":
      // Fenced/indented code is literal.
      out.push({ type: "code", text: (token as Tokens.Code).text });
      return;
    case "hr":
      out.push({ type: "rule" });
      return;
    case "html": {
      // Raw HTML blocks are shown as their literal source.
      const block = literalParagraph(token.raw);
      if (block) out.push(block);
      return;
    }
    case "table": {
      const t = token as Tokens.Table;
      if (t.header.length > 0) out.push({ type: "paragraph", children: tableCellsToInlines(t.header, true) });
      for (const row of t.rows) out.push({ type: "paragraph", children: tableCellsToInlines(row, false) });
      return;
    }
    default: {
      const anyToken = token as { tokens?: Token[]; raw?: string; text?: string };
      if (anyToken.tokens) {
        out.push({ type: "paragraph", children: convertInlines(anyToken.tokens) });
      } else {
        const block = literalParagraph(anyToken.raw ?? anyToken.text ?? "");
        if (block) out.push(block);
      }
    }
  }
}

function isCheckboxText(node: Inline): boolean {
  return node.type === "text" && (node.text === "\u2611 " || node.text === "\u2610 ");
}

/** In task items the checkbox comes out as its own paragraph: merge it into the next one. */
function mergeCheckbox(blocks: Block[]): Block[] {
  const [first, second] = blocks;
  if (
    first &&
    second &&
    first.type === "paragraph" &&
    second.type === "paragraph" &&
    first.children.length === 1 &&
    isCheckboxText(first.children[0])
  ) {
    const children = [...first.children];
    pushAll(children, second.children);
    return [{ type: "paragraph", children }, ...blocks.slice(2)];
  }
  return blocks;
}

/** Collapse nested structure into paragraphs (used past MAX_DEPTH). */
function flatten(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    if (block.type === "quote") out.push(...flatten(block.children));
    else if (block.type === "list") for (const item of block.items) out.push(...flatten(item));
    else out.push(block);
  }
  return out;
}

/** Parse a Markdown body into the safe block model. Never throws. */
export function markdownToBlocks(markdown: string): Block[] {
  if (typeof markdown !== "string" || markdown.trim() === "") return [];
  // Most bodies are a sentence or two of plain text: what the lexer would make of them is known.
  if (isPlainProse(markdown)) return proseParagraphs(markdown).map((text) => ({ type: "paragraph", children: [{ type: "text", text }] }));
  return lexedBlocks(markdown);
}

/** markdownToBlocks by marked's lexer, whatever the text: the shortcut for plain prose is checked against it. */
export function lexedBlocks(markdown: string): Block[] {
  let tokens: Token[];
  try {
    tokens = new Lexer(lexerOptions()).lex(markdown);
  } catch {
    const block = literalParagraph(markdown);
    return block ? [block] : [];
  }
  return convertBlocks(tokens, 0);
}

/** Parse one line of inline Markdown (no block structure). Never throws. */
export function markdownToInlines(markdown: string): Inline[] {
  if (typeof markdown !== "string" || markdown === "") return [];
  try {
    return convertInlines(Lexer.lexInline(markdown, lexerOptions()));
  } catch {
    return [{ type: "text", text: markdown }];
  }
}

function blocksToPlain(blocks: Block[], parts: string[]): void {
  for (const block of blocks) {
    switch (block.type) {
      case "paragraph":
      case "heading":
        parts.push(inlinesToPlain(block.children));
        break;
      case "quote":
        blocksToPlain(block.children, parts);
        break;
      case "list":
        for (const item of block.items) blocksToPlain(item, parts);
        break;
      case "code":
        parts.push(block.text);
        break;
      case "rule":
        break;
    }
  }
}

/** Text only, whitespace collapsed — for previews, notifications, titles. */
export function markdownToPlainText(markdown: string): string {
  const parts: string[] = [];
  blocksToPlain(markdownToBlocks(markdown), parts);
  return parts.join(" ").replace(/\s+/g, " ").trim();
}
