/**
 * Plain prose: text in which Markdown finds nothing but paragraphs.
 *
 * Most annotation bodies and replies are a sentence or two of plain text,
 * and running marked's lexer over each of tens of thousands of them was most
 * of a large export's time. For text that passes this test the parsers can
 * skip the lexer: its result is known (paragraphs split at blank lines, each
 * one text node). The test is deliberately narrow — anything it does not
 * know to be inert goes through the lexer as before — and property tests
 * (prose.test.ts) check the shortcut against the lexer.
 */

// A line: a letter first; then letters, combining marks, digits, single spaces and
// punctuation that means nothing to Markdown (no * _ ` ~ # > < [ ] & @ : | \ and no
// tabs); a space never last (two would be a hard line break). Blank lines between.
// One expression for the whole text: testing line by line cost twice as much.
const INNER = "\\p{L}\\p{M}\\p{N}.,;?!'\"’‘“”«»،؛؟%$€£()/—–…-";
const LINE = `\\p{L}(?:[ ${INNER}]*[${INNER}])?`;
const PROSE = new RegExp(`^(?:${LINE})?(?:\\n(?:${LINE})?)*$`, "u");
// GFM links "www.example.org" without a scheme.
const WWW = /www\./i;

export function isPlainProse(text: string): boolean {
  return !text.includes("\r") && !WWW.test(text) && PROSE.test(text);
}

/** The paragraphs of plain prose: separated by blank lines, their lines kept. */
export function proseParagraphs(text: string): string[] {
  return text.split(/\n{2,}/).flatMap((paragraph) => {
    const trimmed = paragraph.replace(/^\n+|\n+$/g, "");
    return trimmed === "" ? [] : [trimmed];
  });
}
