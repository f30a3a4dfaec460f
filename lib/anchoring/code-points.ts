// Offsets in Marginalia count Unicode code points, as the W3C TextPositionSelector does,
// while JavaScript strings index UTF-16 units. An emoji outside the BMP is one code point
// but two units, so every offset that crosses that boundary goes through these functions.

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** True when a surrogate pair starts at `index`, so the code point there takes two units. */
function pairStartsAt(text: string, index: number): boolean {
  return isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1));
}

export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += pairStartsAt(text, i) ? 2 : 1) count++;
  return count;
}

/** The UTF-16 index `count` code points after `index`, or null past the end of the text. */
function advance(text: string, index: number, count: number): number | null {
  let at = index;
  for (let step = 0; step < count; step++) {
    if (at >= text.length) return null;
    at += pairStartsAt(text, at) ? 2 : 1;
  }
  return at;
}

function assertOffset(offset: number): void {
  if (!Number.isInteger(offset) || offset < 0) {
    throw new RangeError(`Offset ${offset} is not a whole number of at least 0`);
  }
}

/** The UTF-16 index where code point number `codePointOffset` starts (or the end of the text). */
export function codePointToUtf16(text: string, codePointOffset: number): number {
  assertOffset(codePointOffset);
  const index = advance(text, 0, codePointOffset);
  if (index === null) {
    throw new RangeError(`Offset ${codePointOffset} is past the end of the text (length ${codePointLength(text)})`);
  }
  return index;
}

/**
 * The code point offset of a UTF-16 index. An index between the two halves of a surrogate
 * pair rounds down to the start of the pair, so a range can never split a character.
 */
export function utf16ToCodePoint(text: string, utf16Offset: number): number {
  if (!Number.isInteger(utf16Offset) || utf16Offset < 0 || utf16Offset > text.length) {
    throw new RangeError(`UTF-16 offset ${utf16Offset} is outside the text (length ${text.length})`);
  }
  let count = 0;
  let index = 0;
  while (index < utf16Offset) {
    const step = pairStartsAt(text, index) ? 2 : 1;
    if (index + step > utf16Offset) break;
    index += step;
    count++;
  }
  return count;
}

/** Like String.prototype.slice, in code points; throws RangeError unless 0 <= start <= end <= length. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  assertOffset(end);
  if (end < start) throw new RangeError(`End ${end} is before start ${start}`);
  const from = codePointToUtf16(text, start);
  // Walk on from `from` rather than from 0 again: passages can be long.
  const to = advance(text, from, end - start);
  if (to === null) throw new RangeError(`Offset ${end} is past the end of the text (length ${codePointLength(text)})`);
  return text.slice(from, to);
}
