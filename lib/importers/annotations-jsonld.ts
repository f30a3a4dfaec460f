/**
 * Reads annotation files into plain data for the importer: W3C Web Annotation JSON-LD
 * (ours, with its `marginalia:` extensions, or any other tool's) and Hypothesis's own
 * JSON (the client's export file, an API search response, or a list of API annotations).
 * Nothing is anchored here: quotes and positions are handed on, and an item without
 * them is an orphan for the importer to show. One bad item is skipped with a reason;
 * only a file that is not annotations at all, or is too big, throws ImportFormatError.
 */
import { z } from "zod";
import { codePointLength } from "@/lib/anchoring";
import { isCalendarDate, replaceControlCharacters, withoutBidiControls, YEAR_MAX, YEAR_MIN } from "@/lib/validations/common";

export const MAX_IMPORT_ANNOTATIONS = 10_000;
export const MAX_BODY_CODE_POINTS = 20_000;
export const MAX_TAGS = 10;
export const MAX_TAG_CODE_POINTS = 40;

export type ImportFormatErrorCode = "unrecognised" | "too_many" | "paged";

/** The file as a whole cannot be imported; `message` is written to be shown to the user. */
export class ImportFormatError extends Error {
  constructor(
    public readonly code: ImportFormatErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ImportFormatError";
  }
}

export type ParsedKind = "highlight" | "comment" | "question" | "claim";
export type ParsedVerdict = "unverified" | "supported" | "contested" | "refuted";

export interface ParsedCreator {
  name: string | null;
  /** 40 lower-case hex digits, or null. */
  emailSha1: string | null;
  /** Who they are in the source tool: "acct:alice@hypothes.is" or an IRI. */
  account: string | null;
}

export interface ParsedReply {
  sourceId: string | null;
  body: string;
  creator: ParsedCreator;
  created: Date | null;
}

export interface ParsedAnnotation {
  sourceId: string | null;
  kind: ParsedKind;
  /** Markdown (HTML bodies arrive as plain text). */
  body: string;
  tags: string[];
  claimSummary: string | null;
  /** Null when the file does not say (and always for other kinds than claims). */
  verdict: ParsedVerdict | null;
  status: "open" | "resolved";
  /** Null when the file does not say. */
  visibility: "private" | "workspace" | null;
  quote: { exact: string; prefix: string; suffix: string } | null;
  /** W3C positions count code points over the whole document; Hypothesis's count UTF-16 units of the page. A hint only. */
  position: { start: number; end: number; unit: "codepoint" | "utf16" } | null;
  /** The ¶ number the annotation was on, from our own export. */
  passageHint: number | null;
  creator: ParsedCreator;
  created: Date | null;
  /** Oldest first; replies to replies are flattened into the thread. */
  replies: ParsedReply[];
}

export interface ParsedImport {
  annotations: ParsedAnnotation[];
  format: "marginalia" | "w3c" | "hypothesis";
  /** `index` is the item's place (from 0) in the file's list of annotations. */
  skipped: { index: number; reason: string }[];
}

type Format = ParsedImport["format"];

/** One item of the file, before replies are attached to their threads. */
type Entry =
  | { type: "annotation"; index: number; annotation: ParsedAnnotation; targetId: string | null }
  | { type: "reply"; index: number; reply: ParsedReply; parentIds: string[] };

type ItemResult = Entry | { type: "skip"; index: number; reason: string };

class SkipItem extends Error {}

// ---------------------------------------------------------------- plain values

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const asList = <T>(value: T | T[] | undefined | null): T[] => (value == null ? [] : Array.isArray(value) ? value : [value]);

/** "oa:commenting" and "http://www.w3.org/ns/oa#commenting" are "commenting". */
const term = (value: string): string => value.replace(/^(?:oa:|https?:\/\/www\.w3\.org\/ns\/oa#)/, "");

const typesOf = (value: unknown): string[] =>
  isRecord(value)
    ? asList(value.type)
        .filter((t) => typeof t === "string")
        .map(term)
    : [];

/**
 * Lone surrogates and NUL cannot be stored (Postgres text is UTF-8 without NUL), and no
 * text of ours holds other control characters: in a file they become U+FFFD, so a reader
 * sees where something was, and the rest of the file still comes in.
 */
function clean(text: string): string {
  return replaceControlCharacters(text, "\uFFFD").toWellFormed();
}

/** A name shown as a label (a tag, a creator): cleaned, on one line, without bidi overrides (as names typed in the app). */
const cleanLabel = (text: string): string => withoutBidiControls(clean(text)).replace(/\s+/g, " ").trim();

/**
 * A date only from an ISO-like string on a real day in the years we keep: `new Date("1")`
 * would otherwise be the year 2001, and the year 0000 cannot be stored. Anything else is
 * "not said", as a missing date is.
 */
function parseDate(value: unknown): Date | null {
  if (typeof value !== "string" || !isCalendarDate(value.slice(0, 10))) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return date.getUTCFullYear() >= YEAR_MIN && date.getUTCFullYear() <= YEAR_MAX ? date : null;
}

const asEmailSha1 = (value: unknown): string | null =>
  typeof value === "string" && /^[0-9a-f]{40}$/i.test(value.trim()) ? value.trim().toLowerCase() : null;

function checkBodyLength(body: string): string {
  const length = codePointLength(body);
  if (length > MAX_BODY_CODE_POINTS) {
    throw new SkipItem(`the text is ${length} characters long; at most ${MAX_BODY_CODE_POINTS} can be imported`);
  }
  return body;
}

/** Trimmed, without case-insensitive repeats or over-long tags, at most MAX_TAGS. */
export function normalizeTags(raw: string[]): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const candidate of raw) {
    const tag = cleanLabel(candidate);
    const key = tag.toLocaleLowerCase("en");
    if (tag === "" || codePointLength(tag) > MAX_TAG_CODE_POINTS || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
    if (tags.length === MAX_TAGS) break;
  }
  return tags;
}

// ---------------------------------------------------------------- HTML bodies

const BLOCK_TAGS = new Set([
  "p",
  "div",
  "section",
  "article",
  "blockquote",
  "pre",
  "ul",
  "ol",
  "table",
  "tr",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
]);
const RAW_TEXT_TAGS = new Set(["script", "style", "template", "textarea"]);
const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{1,32});/gi, (whole, name: string) => {
    if (name[0] !== "#") return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    const usable = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return usable ? String.fromCodePoint(code) : whole;
  });
}

/**
 * HTML as plain text, with paragraphs kept. The result is stored as Markdown and never
 * rendered as HTML, so dropping tags is enough; one pass with indexOf stays linear
 * however hostile the markup.
 */
export function htmlToText(html: string): string {
  const lower = html.toLowerCase();
  let out = "";
  let at = 0;
  let close = -1; // the next ">", kept so that runs of "<" do not search for it again
  while (at < html.length) {
    const open = html.indexOf("<", at);
    if (close <= open) close = html.indexOf(">", open + 1);
    if (open === -1 || close === -1) {
      out += html.slice(at).replace(/\s+/g, " ");
      break;
    }
    out += html.slice(at, open).replace(/\s+/g, " ");
    if (html.startsWith("<!--", open)) {
      const end = html.indexOf("-->", open + 4);
      at = end === -1 ? html.length : end + 3;
      continue;
    }
    const name = /^<\/?([a-z][a-z0-9-]*)/i.exec(html.slice(open, open + 40))?.[1]?.toLowerCase();
    if (name === undefined && html[open + 1] !== "!" && html[open + 1] !== "?") {
      out += "<"; // "a < b" is text, not a tag
      at = open + 1;
      continue;
    }
    at = close + 1;
    const closing = html[open + 1] === "/";
    if (name && RAW_TEXT_TAGS.has(name) && !closing) {
      const end = lower.indexOf(`</${name}`, at);
      const endClose = end === -1 ? -1 : html.indexOf(">", end);
      at = endClose === -1 ? html.length : endClose + 1;
    } else if (name === "br") out += "\n";
    else if (name === "li" && !closing) out += "\n- ";
    else if (name && BLOCK_TAGS.has(name)) out += "\n\n";
  }
  return decodeEntities(out)
    .replace(/[ \t]*\n[ \t]*/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

// ---------------------------------------------------------------- validation messages

const EXPECTED: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  array: "a list",
  object: "an object",
  boolean: "true or false",
};

/** Plain-words messages for every zod issue, so no raw zod text reaches a reason. */
const errorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.input === undefined) return "is missing";
  if (issue.code === "invalid_type") return `should be ${EXPECTED[issue.expected] ?? issue.expected}`;
  if (issue.code === "invalid_union") return "has a shape that is not understood";
  if (issue.code === "too_small")
    return issue.origin === "string" || issue.origin === "array" ? "is empty" : `should be at least ${issue.minimum}`;
  return "is not valid";
};

/** "target.selector[0].exact": where in the item the problem is, after `prefix` (a path already walked). */
function pathText(prefix: string, path: PropertyKey[]): string {
  let text = prefix;
  for (const key of path) text += typeof key === "number" ? `[${key}]` : text ? `.${String(key)}` : String(key);
  return text || "the annotation";
}

function validate<T>(schema: z.ZodType<T>, value: unknown, prefix = ""): T {
  const result = schema.safeParse(value, { error: errorMap });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new SkipItem(`${pathText(prefix, issue.path)} ${issue.message}`);
}

// ---------------------------------------------------------------- selectors (both formats)

const quoteSelectorSchema = z.object({
  exact: z.string().min(1),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});
const positionSelectorSchema = z
  .object({ start: z.int().min(0), end: z.int().min(0) })
  .refine((s) => s.end > s.start, { message: "should be greater than start", path: ["end"] });
const selectorListSchema = z.array(z.looseObject({ type: z.string() }));

interface Anchor {
  quote: ParsedAnnotation["quote"];
  position: { start: number; end: number } | null;
}

/** The first TextQuoteSelector and TextPositionSelector; other kinds (Range, Page, Fragment…) are not used. */
function readSelectors(selector: unknown, path: string): Anchor {
  const anchor: Anchor = { quote: null, position: null };
  const list = validate(selectorListSchema, asList(selector), path);
  list.forEach((item, i) => {
    const where = Array.isArray(selector) ? `${path}[${i}]` : path;
    const kind = term(item.type);
    if (kind === "TextQuoteSelector" && !anchor.quote) {
      const q = validate(quoteSelectorSchema, item, where);
      anchor.quote = { exact: clean(q.exact), prefix: clean(q.prefix ?? ""), suffix: clean(q.suffix ?? "") };
    } else if (kind === "TextPositionSelector" && !anchor.position) {
      const p = validate(positionSelectorSchema, item, where);
      anchor.position = { start: p.start, end: p.end };
    }
  });
  return anchor;
}

// ---------------------------------------------------------------- W3C items

const stringOrList = z.union([z.string(), z.array(z.string())]);
const idObject = z.looseObject({ id: z.string() });
const bodyObjectSchema = z.looseObject({
  type: stringOrList.optional(),
  value: z.string().optional(),
  purpose: stringOrList.optional(),
  format: stringOrList.optional(),
  items: z.array(z.unknown()).optional(),
});
const targetObjectSchema = z.looseObject({
  id: z.string().optional(),
  source: z.union([z.string(), idObject]).optional(),
  selector: z.unknown().optional(),
});
const targetSchema = z.union([z.string(), targetObjectSchema]);
const creatorObjectSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  nickname: z.string().optional(),
  email_sha1: z.unknown().optional(),
});
const w3cAnnotationSchema = z.looseObject({
  id: z.string().optional(),
  type: stringOrList.optional(),
  motivation: stringOrList.optional(),
  created: z.unknown().optional(),
  creator: z.union([z.string(), creatorObjectSchema, z.array(z.union([z.string(), creatorObjectSchema]))]).optional(),
  body: z.union([z.string(), bodyObjectSchema, z.array(z.union([z.string(), bodyObjectSchema]))]).optional(),
  bodyValue: z.string().optional(),
  target: z.union([targetSchema, z.array(targetSchema).min(1)]),
  "marginalia:passage": z.unknown().optional(),
  "marginalia:status": z.unknown().optional(),
  "marginalia:visibility": z.unknown().optional(),
});
type W3cAnnotation = z.infer<typeof w3cAnnotationSchema>;
type BodyObject = z.infer<typeof bodyObjectSchema>;

const MOTIVATION_KIND: Record<string, ParsedKind> = {
  highlighting: "highlight",
  commenting: "comment",
  questioning: "question",
  assessing: "claim",
};
const VERDICTS: ParsedVerdict[] = ["unverified", "supported", "contested", "refuted"];

/** A body's text, as plain text when it is HTML; null for bodies that are not text (e.g. a linked resource). */
function bodyText(body: BodyObject): string | null {
  if (typesOf(body).includes("Choice")) {
    for (const option of body.items ?? []) {
      const parsed = bodyObjectSchema.safeParse(option);
      const text = parsed.success ? bodyText(parsed.data) : typeof option === "string" ? option : null;
      if (text !== null) return text;
    }
    return null;
  }
  if (body.value === undefined) return null;
  const html = asList(body.format).some((f) => /^(?:text\/html|application\/xhtml\+xml)/i.test(f));
  return clean(html ? htmlToText(body.value) : body.value);
}

interface Bodies {
  text: string;
  tags: string[];
  describing: string[];
  assessing: string[];
}

function readBodies(item: W3cAnnotation, kind: ParsedKind | "reply"): Bodies {
  const texts: string[] = item.bodyValue !== undefined ? [clean(item.bodyValue)] : [];
  const result: Bodies = { text: "", tags: [], describing: [], assessing: [] };
  for (const body of asList(item.body)) {
    const object: BodyObject = typeof body === "string" ? { value: body } : body;
    const text = bodyText(object);
    if (text === null) continue;
    const purposes = asList(object.purpose).map(term);
    if (purposes.includes("tagging")) result.tags.push(text);
    else if (kind === "claim" && purposes.includes("describing")) result.describing.push(text.trim());
    else if (kind === "claim" && purposes.includes("assessing") && VERDICTS.includes(text.trim().toLowerCase() as ParsedVerdict)) {
      result.assessing.push(text.trim().toLowerCase());
    } else if (text.trim() !== "") texts.push(text);
  }
  result.text = checkBodyLength(texts.join("\n\n"));
  return result;
}

function readCreator(creator: W3cAnnotation["creator"]): ParsedCreator {
  const first = asList(creator)[0];
  if (first === undefined) return { name: null, emailSha1: null, account: null };
  if (typeof first === "string") return { name: null, emailSha1: null, account: clean(first) };
  const name = first.name ?? first.nickname;
  return { name: name ? cleanLabel(name) : null, emailSha1: asEmailSha1(first.email_sha1), account: first.id ? clean(first.id) : null };
}

/** The id a target names: a plain IRI, `{ id }`, or `{ source }` without a selector. */
function targetIdOf(target: z.infer<typeof targetSchema>): string | null {
  if (typeof target === "string") return target;
  if (target.id) return target.id;
  if (target.selector !== undefined) return null;
  return typeof target.source === "string" ? target.source : (target.source?.id ?? null);
}

function parseW3cItem(raw: unknown, index: number): Entry {
  const item = validate(w3cAnnotationSchema, raw);
  const types = typesOf(item);
  if (types.length > 0 && !types.includes("Annotation")) throw new SkipItem(`not an Annotation (its type is ${types.join(", ")})`);
  const motivations = asList(item.motivation).map(term);
  const target = asList(item.target)[0];
  const creator = readCreator(item.creator);
  const created = parseDate(item.created);
  const sourceId = item.id ?? null;

  if (motivations.includes("replying")) {
    const parentId = targetIdOf(target);
    if (!parentId) throw new SkipItem("a reply that does not say which annotation it answers");
    return { type: "reply", index, parentIds: [parentId], reply: { sourceId, body: readBodies(item, "reply").text, creator, created } };
  }

  let kind = motivations.map((m) => MOTIVATION_KIND[m]).find((k) => k !== undefined);
  const bodies = readBodies(item, kind ?? "comment");
  kind ??= bodies.text.trim() !== "" ? "comment" : "highlight";
  const anchor = typeof target === "string" ? { quote: null, position: null } : readSelectors(target.selector, "target.selector");
  const passage = item["marginalia:passage"];
  const visibility = item["marginalia:visibility"];
  return {
    type: "annotation",
    index,
    targetId: anchor.quote || anchor.position ? null : targetIdOf(target),
    annotation: {
      sourceId,
      kind,
      body: bodies.text,
      tags: normalizeTags(bodies.tags),
      claimSummary: kind === "claim" && bodies.describing.length > 0 ? bodies.describing.join(" ") : null,
      verdict: kind === "claim" ? ((bodies.assessing[0] as ParsedVerdict | undefined) ?? null) : null,
      status: item["marginalia:status"] === "resolved" ? "resolved" : "open",
      visibility: visibility === "private" || visibility === "workspace" ? visibility : null,
      quote: anchor.quote,
      position: anchor.position ? { ...anchor.position, unit: "codepoint" } : null,
      passageHint: Number.isSafeInteger(passage) && (passage as number) >= 0 ? (passage as number) : null,
      creator,
      created,
      replies: [],
    },
  };
}

// ---------------------------------------------------------------- Hypothesis items

const hypothesisSchema = z.looseObject({
  id: z.string().optional(),
  created: z.unknown().optional(),
  user: z.string().optional(),
  user_info: z.looseObject({ display_name: z.string().nullable().optional() }).nullable().optional(),
  text: z.string().nullable().optional(),
  tags: z.array(z.string()).nullable().optional(),
  target: z.array(z.looseObject({ source: z.string().optional(), selector: z.unknown().optional() })).optional(),
  references: z.array(z.string()).optional(),
  permissions: z
    .looseObject({ read: z.array(z.string()).optional() })
    .nullable()
    .optional(),
});

function parseHypothesisItem(raw: unknown, index: number): Entry {
  const item = validate(hypothesisSchema, raw);
  const sourceId = item.id ?? null;
  const body = checkBodyLength(clean(item.text ?? ""));
  const displayName = item.user_info?.display_name;
  const creator: ParsedCreator = {
    name: displayName ? cleanLabel(displayName) : null,
    emailSha1: null,
    account: item.user ? clean(item.user) : null,
  };
  const created = parseDate(item.created);
  if (item.references && item.references.length > 0) {
    // `references` runs from the thread's root to the direct parent: try the nearest first.
    return { type: "reply", index, parentIds: [...item.references].reverse(), reply: { sourceId, body, creator, created } };
  }
  if (!item.target) throw new SkipItem("target is missing");
  // A page note has a target without selectors: no anchor, so the importer reports it as an orphan.
  const selector = item.target[0]?.selector;
  const anchor = selector === undefined ? { quote: null, position: null } : readSelectors(selector, "target[0].selector");
  const readers = item.permissions?.read ?? [];
  return {
    type: "annotation",
    index,
    targetId: null,
    annotation: {
      sourceId,
      kind: body.trim() !== "" ? "comment" : "highlight",
      body,
      tags: normalizeTags(item.tags ?? []),
      claimSummary: null,
      verdict: null,
      status: "open",
      // "Only me" in Hypothesis is a read permission for the author alone.
      visibility: readers.length > 0 && readers.every((r) => r === item.user) ? "private" : null,
      quote: anchor.quote,
      position: anchor.position ? { ...anchor.position, unit: "utf16" } : null,
      passageHint: null,
      creator,
      created,
      replies: [],
    },
  };
}

// ---------------------------------------------------------------- the file

function looksHypothesis(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.user === "string" &&
    !("motivation" in value) &&
    !("type" in value) &&
    ("uri" in value || "text" in value)
  );
}

function looksW3c(value: unknown): boolean {
  return (
    isRecord(value) &&
    (typesOf(value).includes("Annotation") ||
      "@context" in value ||
      ("target" in value && ("motivation" in value || "body" in value || "bodyValue" in value)))
  );
}

function declaresMarginalia(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const contexts = asList(value["@context"] as unknown);
  const generators = asList(value.generator as unknown);
  return contexts.some((c) => isRecord(c) && "marginalia" in c) || generators.some((g) => isRecord(g) && g.name === "Marginalia");
}

const NOT_ANNOTATIONS = "Not a W3C Web Annotation or Hypothesis export";

function locateItems(input: unknown): { format: Format; items: unknown[] } {
  if (Array.isArray(input)) {
    const hypothesis = input.filter(looksHypothesis).length;
    const w3c = input.filter(looksW3c).length;
    if (input.length > 0 && hypothesis === 0 && w3c === 0) {
      throw new ImportFormatError("unrecognised", `${NOT_ANNOTATIONS}: the list holds no annotations.`);
    }
    if (hypothesis > w3c) return { format: "hypothesis", items: input };
    return { format: input.some(declaresMarginalia) ? "marginalia" : "w3c", items: input };
  }
  if (!isRecord(input)) {
    throw new ImportFormatError(
      "unrecognised",
      `${NOT_ANNOTATIONS}: the file holds ${input === null ? "null" : typeof input}, not an object or a list.`,
    );
  }
  if (
    Array.isArray(input.annotations) &&
    ("export_date" in input || "client_version" in input || "export_userid" in input || input.annotations.some(looksHypothesis))
  ) {
    return { format: "hypothesis", items: input.annotations };
  }
  if (Array.isArray(input.rows))
    return { format: "hypothesis", items: [...input.rows, ...(Array.isArray(input.replies) ? input.replies : [])] };
  const types = typesOf(input);
  if (types.includes("AnnotationCollection") || types.includes("AnnotationPage")) {
    const page = types.includes("AnnotationPage") ? input : input.first;
    if (typeof page === "string" || (isRecord(page) && page.next !== undefined) || (page === undefined && input.last !== undefined)) {
      throw new ImportFormatError(
        "paged",
        "This collection is split into pages kept elsewhere; export it as one file with every annotation in it.",
      );
    }
    const items = isRecord(page) ? page.items : (input.items ?? []);
    if (!Array.isArray(items)) throw new ImportFormatError("unrecognised", `${NOT_ANNOTATIONS}: the collection has no list of items.`);
    return { format: declaresMarginalia(input) ? "marginalia" : "w3c", items };
  }
  if (types.includes("Annotation") || looksW3c(input)) return { format: declaresMarginalia(input) ? "marginalia" : "w3c", items: [input] };
  if (looksHypothesis(input)) return { format: "hypothesis", items: [input] };
  throw new ImportFormatError(
    "unrecognised",
    `${NOT_ANNOTATIONS}: expected an AnnotationCollection, an Annotation, a list of annotations or a Hypothesis export.`,
  );
}

const shortId = (id: string): string => clean(id).slice(0, 200);
/** " (abc)": which item a reason is about, when it has an id. */
const idNote = (id: unknown): string => (typeof id === "string" ? ` (${shortId(id)})` : "");

function byCreated(a: ParsedReply, b: ParsedReply): number {
  return (a.created?.getTime() ?? Infinity) - (b.created?.getTime() ?? Infinity);
}

const entryId = (entry: Entry): string | null => (entry.type === "annotation" ? entry.annotation.sourceId : entry.reply.sourceId);

/** Attaches every reply to the top-level annotation of its thread; a reply whose thread is not in the file is skipped. */
function thread(parsed: Entry[], skipped: ParsedImport["skipped"]): ParsedAnnotation[] {
  const ids = new Set(parsed.map(entryId));
  // An unanchored annotation on another annotation of the file is a reply in all but name.
  const entries = parsed.map((e): Entry => {
    if (e.type !== "annotation" || !e.targetId || e.targetId === e.annotation.sourceId || !ids.has(e.targetId)) return e;
    const { sourceId, body, creator, created } = e.annotation;
    return { type: "reply", index: e.index, parentIds: [e.targetId], reply: { sourceId, body, creator, created } };
  });
  const byId = new Map<string, Entry>();
  for (const entry of entries) {
    const id = entryId(entry);
    if (id !== null && !byId.has(id)) byId.set(id, entry);
  }

  // The nearest parent that is in the file. Hypothesis lists every ancestor, so a reply
  // whose direct parent is missing still reaches its thread through the others.
  const parentOf = (entry: Entry & { type: "reply" }): Entry | undefined =>
    entry.parentIds.map((id) => byId.get(id)).find((parent) => parent !== undefined && parent !== entry);
  // Walks up without recursion and remembers every reply's root on the way, so a long
  // chain of replies neither overflows the stack nor is walked again for each reply.
  const roots = new Map<Entry, ParsedAnnotation | null>();
  const rootOf = (reply: Entry): ParsedAnnotation | null => {
    const path = new Set<Entry>();
    let entry: Entry | undefined = reply;
    while (entry?.type === "reply" && !roots.has(entry) && !path.has(entry)) {
      path.add(entry);
      entry = parentOf(entry);
    }
    // Stopped at the thread's annotation, a reply already resolved, a dead end, or a
    // circle of replies answering each other (in the path, not yet resolved: no root).
    const root = entry === undefined ? null : entry.type === "annotation" ? entry.annotation : (roots.get(entry) ?? null);
    for (const entry of path) roots.set(entry, root);
    return root;
  };
  for (const entry of entries) {
    if (entry.type !== "reply") continue;
    const root = rootOf(entry);
    if (root) root.replies.push(entry.reply);
    else
      skipped.push({
        index: entry.index,
        reason: `a reply to ${shortId(entry.parentIds[0])}, which is not in the file${idNote(entry.reply.sourceId)}`,
      });
  }
  const annotations = entries.flatMap((e) => (e.type === "annotation" ? [e.annotation] : []));
  for (const annotation of annotations) annotation.replies.sort(byCreated);
  return annotations;
}

export function parseAnnotationImport(input: unknown): ParsedImport {
  const { format, items } = locateItems(input);
  if (items.length > MAX_IMPORT_ANNOTATIONS) {
    throw new ImportFormatError(
      "too_many",
      `The file holds ${items.length} annotations; at most ${MAX_IMPORT_ANNOTATIONS.toLocaleString("en")} can be imported at once.`,
    );
  }
  const parseItem = format === "hypothesis" ? parseHypothesisItem : parseW3cItem;
  const results: ItemResult[] = items.map((raw, index) => {
    try {
      return parseItem(raw, index);
    } catch (error) {
      if (!(error instanceof SkipItem)) throw error;
      return { type: "skip", index, reason: `${error.message}${idNote(isRecord(raw) ? raw.id : null)}` };
    }
  });
  const skipped = results.flatMap((r) => (r.type === "skip" ? [{ index: r.index, reason: r.reason }] : []));
  const annotations = thread(
    results.filter((r): r is Entry => r.type !== "skip"),
    skipped,
  );
  skipped.sort((a, b) => a.index - b.index);
  return { annotations, format, skipped };
}
