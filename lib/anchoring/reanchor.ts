import search from "approx-string-match";
import { codePointLength } from "./code-points";

// Re-anchoring carries annotations from one version of a report to the next, the way the
// hypothesis client does: exact quote matches first, fuzzy matching (approx-string-match)
// only when the quote is nowhere verbatim, every candidate scored by quote, prefix, suffix
// and position, and anything not found well enough returned as a visible orphan.
//
// Cost, with P passages of total length N and a quote of m UTF-16 units:
// - the common case (quote verbatim, context intact, within NEAR_PASSAGES of its old index)
//   reads a handful of passages with indexOf;
// - otherwise the quote's copies are looked for in every passage that holds its rarest
//   8-unit piece (all passages for quotes under 8 units): O(N) at worst, indexOf speed;
// - fuzzy search (Myers' algorithm, O(n·⌈k/32⌉) for n units and k errors) runs on the
//   2·NEAR_PASSAGES + 1 nearest passages and at most MAX_HOMES passages that still hold a
//   verbatim piece of the quote or its context, so it is bounded by 13 passages
//   whatever the report's size. A quote edited and moved further, with no 8 units of it or
//   its context left intact, is orphaned rather than searched for everywhere (a search of
//   every passage costs ~5 ms per annotation on a 1,000-passage report).
// Finding those pieces uses a map of every 8-unit piece of the report, built once per
// reanchorAll call when first needed (O(N) time and memory); a single reanchor scans
// instead, with the same answers.

/** The annotation as it was anchored in the old version; offsets in code points within its passage. */
export interface AnchorTarget {
  quote: string;
  prefix: string;
  suffix: string;
  passageIndex: number;
  start: number;
  end: number;
}
export interface NewPassage {
  id: string;
  index: number;
  text: string;
}
/** anchored: the quote verbatim; moved: an approximate match, or a guess between verbatim copies; orphaned: not placed. */
export type AnchorStatus = "anchored" | "moved" | "orphaned";
/**
 * Code point offsets in the new passage. `score` (0–1) weighs quote, prefix, suffix and
 * position agreement of the place chosen; for an orphan, of the best place rejected (0 if none).
 */
export interface ReanchorResult {
  status: AnchorStatus;
  passageId: string | null;
  start: number | null;
  end: number | null;
  score: number;
}

/** Share of the quote's UTF-16 units that may differ in a fuzzy match (an emoji edit costs 2 of its 2). */
const DEFAULT_MAX_ERROR_RATE = 0.25;
/** Shorter quotes (code points) are found verbatim or not at all: a fuzzy "the" matches anywhere. */
const MIN_FUZZY_QUOTE = 4;
/** Among several verbatim copies, the best is trusted when its context is at least this similar. */
const CONTEXT_AGREEMENT = 0.5;
/** Combined score a fuzzy match (or a guess between verbatim copies) needs to be placed at all. */
const MOVED_THRESHOLD = 0.75;
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 10 };
/** Fuzzy search always covers passages this close, by index, to the old one. */
const NEAR_PASSAGES = 2;
/** Units in the pieces of quote and context looked up verbatim to find where a passage went. */
const GRAM = 8;
/** A piece found in more passages than this says nothing about where the quote went. */
const COMMON = 16;
const MAX_HOMES = 8;
/** Bounds on candidates whose context is scored in full, for quotes that occur everywhere. */
const MAX_RANKED_EXACT = 32;
const MAX_FUZZY_PER_PASSAGE = 32;

interface Slot {
  passage: NewPassage;
  hasPairs: boolean;
  codePoints?: Uint32Array;
}
interface Index {
  slots: Slot[];
  allSlots: number[];
  grams: Map<string, number[]> | null;
  indexGrams: boolean;
}
interface Target {
  raw: AnchorTarget;
  center: number;
  hint: number;
  prefixCps: number;
  suffixCps: number;
}
interface Candidate {
  slot: number;
  start: number;
  end: number;
  errors: number;
  distance: number;
  perfect: boolean;
  score?: number;
}

export function reanchor(target: AnchorTarget, passages: NewPassage[], options: { maxErrorRate?: number } = {}): ReanchorResult {
  const rate = options.maxErrorRate ?? DEFAULT_MAX_ERROR_RATE;
  if (!Number.isFinite(rate) || rate < 0 || rate >= 1) throw new RangeError(`maxErrorRate ${rate} must be at least 0 and below 1`);
  return reanchorIn(buildIndex(passages, false), target, rate);
}

/** Like `reanchor` for each target, sorting the passages and mapping their offsets once. */
export function reanchorAll(targets: AnchorTarget[], passages: NewPassage[]): ReanchorResult[] {
  const index = buildIndex(passages, true);
  return targets.map((target) => reanchorIn(index, target, DEFAULT_MAX_ERROR_RATE));
}

function buildIndex(passages: NewPassage[], indexGrams: boolean): Index {
  const sorted = [...passages].sort((a, b) => a.index - b.index);
  const slots = sorted.map((passage) => ({ passage, hasPairs: /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(passage.text) }));
  return { slots, allSlots: slots.map((_, slot) => slot), grams: null, indexGrams };
}

function reanchorIn(index: Index, raw: AnchorTarget, rate: number): ReanchorResult {
  if (raw.quote === "" || index.slots.length === 0) return orphan(0);
  const target: Target = {
    raw,
    center: Number.isFinite(raw.passageIndex) ? raw.passageIndex : 0,
    hint: Number.isFinite(raw.start) ? raw.start : 0,
    prefixCps: codePointLength(raw.prefix),
    suffixCps: codePointLength(raw.suffix),
  };
  return anchorExactly(index, target) ?? anchorFuzzily(index, target, rate);
}

/**
 * Verbatim copies of the quote. The passages nearest the old index are read first, and a
 * copy there whose context is unchanged settles it. Otherwise every copy in the report is
 * ranked: an unchanged context first (nearest passage, then nearest offset), then context
 * similarity, passage distance and offset distance. The best is `anchored` when it is the
 * only copy or its context agrees (≥ CONTEXT_AGREEMENT); with several copies and none in a
 * recognisable context, which one is meant is a guess: `moved` if its combined score
 * passes, else orphaned. Null when the quote is nowhere verbatim.
 */
function anchorExactly(index: Index, target: Target): ReanchorResult | null {
  const near = nearSlots(index, target);
  const found = near.flatMap((slot) => exactCopies(index, target, slot));
  if (!found.some((c) => c.perfect)) {
    const read = new Set(near);
    for (const slot of slotsThatMayHold(index, target.raw.quote)) {
      if (!read.has(slot)) found.push(...exactCopies(index, target, slot));
    }
  }
  if (found.length === 0) return null;

  const perfect = found.filter((c) => c.perfect);
  if (perfect.length > 0) {
    const best = pickBest(index, target, perfect, () => 1);
    return placed(index, target, best, "anchored", scoreOf(index, target, best));
  }
  const ranked = found.length > MAX_RANKED_EXACT ? cheaplyRanked(index, target, found) : found;
  const contexts = new Map(ranked.map((c) => [c, contextSimilarity(index, target, c)]));
  const best = pickBest(index, target, ranked, (c) => contexts.get(c) ?? 0);
  const score = scoreOf(index, target, best);
  if (found.length === 1 || (contexts.get(best) ?? 0) >= CONTEXT_AGREEMENT) return placed(index, target, best, "anchored", score);
  return score >= MOVED_THRESHOLD ? placed(index, target, best, "moved", score) : orphan(score);
}

function exactCopies(index: Index, target: Target, slot: number): Candidate[] {
  const { text, index: passageIndex } = index.slots[slot].passage;
  const { quote, prefix, suffix } = target.raw;
  const distance = Math.abs(passageIndex - target.center);
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    const end = at + quote.length;
    if (splitsPair(text, at) || splitsPair(text, end)) continue;
    // The stored context, verbatim and not ending inside a pair: what contextAround would return.
    const perfect =
      text.endsWith(prefix, at) &&
      !splitsPair(text, at - prefix.length) &&
      text.startsWith(suffix, end) &&
      !splitsPair(text, end + suffix.length);
    found.push({ slot, start: at, end, errors: 0, distance, perfect });
  }
  return found;
}

/**
 * Approximate matches, searched per passage so that a match never spans two passages and
 * each passage contributes its own best matches (the library keeps only the lowest error
 * count of the text it is given, which across the whole report would hide a match with one
 * more error but the right context). Searched: the nearest passages, and the passages that
 * still hold a verbatim piece of the quote or of its context, wherever they now are.
 */
function anchorFuzzily(index: Index, target: Target, rate: number): ReanchorResult {
  const { quote } = target.raw;
  const maxErrors = Math.floor(quote.length * rate);
  if (codePointLength(quote) < MIN_FUZZY_QUOTE || maxErrors < 1) return orphan(0);

  const slots = new Set([...nearSlots(index, target), ...homes(index, target)]);
  const found = [...slots].flatMap((slot) => fuzzyCandidates(index, target, slot, maxErrors));
  if (found.length === 0) return orphan(0);
  for (const c of found) c.score = scoreOf(index, target, c);
  const best = pickBest(index, target, found, (c) => c.score ?? 0);
  const score = best.score ?? 0;
  return score >= MOVED_THRESHOLD ? placed(index, target, best, "moved", score) : orphan(score);
}

function fuzzyCandidates(index: Index, target: Target, slot: number, maxErrors: number): Candidate[] {
  const { text, index: passageIndex } = index.slots[slot].passage;
  const distance = Math.abs(passageIndex - target.center);
  const seen = new Set<string>();
  const found: Candidate[] = [];
  for (const match of search(text, target.raw.quote, maxErrors)) {
    // The library counts UTF-16 units, so a match may begin or end inside an emoji: widen it.
    const start = splitsPair(text, match.start) ? match.start - 1 : match.start;
    const end = splitsPair(text, match.end) ? match.end + 1 : match.end;
    const key = `${start}:${end}`;
    if (end <= start || seen.has(key)) continue;
    seen.add(key);
    found.push({ slot, start, end, errors: match.errors, distance, perfect: false });
  }
  if (found.length <= MAX_FUZZY_PER_PASSAGE) return found;
  const offBy = (c: Candidate) => Math.abs(codePointAt(index.slots[slot], c.start) - target.hint);
  return found.sort((a, b) => offBy(a) - offBy(b)).slice(0, MAX_FUZZY_PER_PASSAGE);
}

function nearSlots(index: Index, target: Target): number[] {
  const near: number[] = [];
  for (const slot of byDistance(index, target.center)) {
    if (Math.abs(index.slots[slot].passage.index - target.center) > NEAR_PASSAGES) break;
    near.push(slot);
  }
  return near;
}

/**
 * Where the quote's passage went: the passages holding, verbatim, an 8-unit piece of the
 * quote or of the 16 units of stored context on either side of it, ignoring pieces too
 * common to tell (found in more than COMMON passages); the MAX_HOMES nearest the old index.
 */
function homes(index: Index, target: Target): number[] {
  const { quote, prefix, suffix } = target.raw;
  const context = [prefix.slice(-2 * GRAM, -GRAM), prefix.slice(-GRAM), suffix.slice(0, GRAM), suffix.slice(GRAM, 2 * GRAM)];
  const found = new Set<number>();
  for (const piece of [...context, ...pieces(quote)]) {
    if (piece.length < GRAM) continue;
    const holding = holders(index, piece);
    if (holding.length <= COMMON) holding.forEach((slot) => found.add(slot));
  }
  const distance = (slot: number) => Math.abs(index.slots[slot].passage.index - target.center);
  return [...found].sort((a, b) => distance(a) - distance(b) || a - b).slice(0, MAX_HOMES);
}

/** The slots that can hold `quote`: those holding its rarest 8-unit piece, unless every piece is common. */
function slotsThatMayHold(index: Index, quote: string): number[] {
  let rarest: number[] | null = null;
  for (const piece of pieces(quote)) {
    const holding = holders(index, piece);
    if (holding.length <= COMMON && (rarest === null || holding.length < rarest.length)) rarest = holding;
    if (rarest?.length === 0) break;
  }
  return rarest ?? index.allSlots;
}

function pieces(text: string): string[] {
  const found: string[] = [];
  for (let at = 0; at + GRAM <= text.length; at += GRAM) found.push(text.slice(at, at + GRAM));
  return found;
}

/**
 * The slots holding `piece` verbatim, in order, cut off after COMMON + 1. reanchorAll
 * indexes every piece of the report once; a single reanchor scans, with the same answer.
 */
function holders(index: Index, piece: string): number[] {
  if (index.indexGrams) {
    index.grams ??= indexPieces(index.slots);
    return index.grams.get(piece) ?? [];
  }
  const holding: number[] = [];
  for (const slot of index.allSlots) {
    if (index.slots[slot].passage.text.includes(piece) && holding.push(slot) > COMMON) break;
  }
  return holding;
}

function indexPieces(slots: Slot[]): Map<string, number[]> {
  const grams = new Map<string, number[]>();
  slots.forEach(({ passage: { text } }, slot) => {
    for (let at = 0; at + GRAM <= text.length; at++) {
      const piece = text.slice(at, at + GRAM);
      const holding = grams.get(piece);
      if (holding === undefined) grams.set(piece, [slot]);
      else if (holding[holding.length - 1] !== slot && holding.length <= COMMON) holding.push(slot);
    }
  });
  return grams;
}

/** Highest `rank`, then nearest passage, then nearest start offset, then first found. */
function pickBest(index: Index, target: Target, found: Candidate[], rank: (c: Candidate) => number): Candidate {
  const offBy = (c: Candidate) => Math.abs(codePointAt(index.slots[c.slot], c.start) - target.hint);
  return found.reduce((best, c) => {
    const byRank = rank(c) - rank(best);
    if (byRank !== 0) return byRank > 0 ? c : best;
    if (c.distance !== best.distance) return c.distance < best.distance ? c : best;
    return offBy(c) < offBy(best) ? c : best;
  });
}

/** Weighted quote, prefix, suffix and position agreement in [0, 1]; empty stored context is left out. */
function scoreOf(index: Index, target: Target, c: Candidate): number {
  const { prefix, suffix } = contextAround(index.slots[c.slot].passage.text, c.start, c.end, target);
  let total = WEIGHT.quote * (1 - c.errors / target.raw.quote.length) + WEIGHT.position / (1 + c.distance);
  let max = WEIGHT.quote + WEIGHT.position;
  if (target.raw.prefix !== "") {
    total += WEIGHT.prefix * similarity(target.raw.prefix, prefix);
    max += WEIGHT.prefix;
  }
  if (target.raw.suffix !== "") {
    total += WEIGHT.suffix * similarity(target.raw.suffix, suffix);
    max += WEIGHT.suffix;
  }
  return total / max;
}

function contextSimilarity(index: Index, target: Target, c: Candidate): number {
  const { prefix, suffix } = contextAround(index.slots[c.slot].passage.text, c.start, c.end, target);
  const weights = target.raw.prefix.length + target.raw.suffix.length;
  if (weights === 0) return 1;
  return (
    (similarity(target.raw.prefix, prefix) * target.raw.prefix.length + similarity(target.raw.suffix, suffix) * target.raw.suffix.length) /
    weights
  );
}

/** For quotes with many copies: keep those whose context agrees longest right next to the quote. */
function cheaplyRanked(index: Index, target: Target, found: Candidate[]): Candidate[] {
  const { prefix, suffix } = target.raw;
  const adjacent = new Map(
    found.map((c) => {
      const text = index.slots[c.slot].passage.text;
      let before = 0;
      while (before < prefix.length && c.start - before > 0 && text[c.start - 1 - before] === prefix[prefix.length - 1 - before]) before++;
      let after = 0;
      while (after < suffix.length && c.end + after < text.length && text[c.end + after] === suffix[after]) after++;
      return [c, before + after];
    }),
  );
  return [...found].sort((a, b) => (adjacent.get(b) ?? 0) - (adjacent.get(a) ?? 0) || a.distance - b.distance).slice(0, MAX_RANKED_EXACT);
}

/** The text before and after a match, as many code points as the stored context has, within its passage. */
function contextAround(text: string, start: number, end: number, target: Target): { prefix: string; suffix: string } {
  return {
    prefix: text.slice(stepCodePoints(text, start, -target.prefixCps), start),
    suffix: text.slice(end, stepCodePoints(text, end, target.suffixCps)),
  };
}

function placed(index: Index, target: Target, c: Candidate, status: AnchorStatus, score: number): ReanchorResult {
  const slot = index.slots[c.slot];
  return { status, passageId: slot.passage.id, start: codePointAt(slot, c.start), end: codePointAt(slot, c.end), score };
}

function orphan(score: number): ReanchorResult {
  return { status: "orphaned", passageId: null, start: null, end: null, score };
}

/** Slot numbers in order of passage index distance from `center`, the lower index first on ties. */
function* byDistance(index: Index, center: number): Generator<number> {
  const { slots } = index;
  let high = 0;
  for (let step = slots.length; step > 0; step >>= 1) {
    while (high + step <= slots.length && slots[high + step - 1].passage.index < center) high += step;
  }
  let low = high - 1;
  while (low >= 0 || high < slots.length) {
    if (high >= slots.length || (low >= 0 && center - slots[low].passage.index <= slots[high].passage.index - center)) yield low--;
    else yield high++;
  }
}

/** Code point offset of a UTF-16 index that does not split a pair; the map is built once per passage. */
function codePointAt(slot: Slot, unit: number): number {
  if (!slot.hasPairs) return unit;
  if (slot.codePoints === undefined) {
    const { text } = slot.passage;
    const map = new Uint32Array(text.length + 1);
    let count = 0;
    for (let i = 0; i < text.length; i++) {
      // The second half of a pair maps to the pair's own offset, like utf16ToCodePoint.
      if (splitsPair(text, i)) map[i] = count - 1;
      else map[i] = count++;
    }
    map[text.length] = count;
    slot.codePoints = map;
  }
  return slot.codePoints[unit];
}

/** The UTF-16 index `count` code points before (negative) or after `from`, clipped to the text. */
function stepCodePoints(text: string, from: number, count: number): number {
  let at = from;
  if (count < 0) {
    for (let n = 0; n > count && at > 0; n--) at -= at >= 2 && isLow(text.charCodeAt(at - 1)) && isHigh(text.charCodeAt(at - 2)) ? 2 : 1;
  } else {
    for (let n = 0; n < count && at < text.length; n++) at += isHigh(text.charCodeAt(at)) && isLow(text.charCodeAt(at + 1)) ? 2 : 1;
  }
  return at;
}

function splitsPair(text: string, at: number): boolean {
  return at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));
}

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

let row = new Int32Array(128);

/** 1 − Levenshtein distance / longer length, on UTF-16 units (context strings are short). */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (a.length === 0 || b.length === 0) return 0;
  if (row.length <= b.length) row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      diagonal = above;
    }
  }
  return 1 - row[b.length] / longer;
}
