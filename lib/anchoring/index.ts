export { codePointLength, codePointToUtf16, sliceCodePoints, utf16ToCodePoint } from "./code-points";
export {
  CONTEXT_LENGTH,
  positionFromQuote,
  quoteFromPosition,
  validatePosition,
  type TextPositionSelector,
  type TextQuoteSelector,
} from "./text-quote";
export { reanchor, reanchorAll, type AnchorStatus, type AnchorTarget, type NewPassage, type ReanchorResult } from "./reanchor";
