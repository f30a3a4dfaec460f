const FIRST_LETTER = /\p{L}/u;
const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;

/**
 * Whether text reads right to left: its first letter is in a right-to-left
 * script (the rule browsers apply for `dir="auto"`). Judging by the first
 * letter rather than any letter keeps an English line that names an Arabic
 * author left to right.
 */
export function isRightToLeft(text: string): boolean {
  const letter = FIRST_LETTER.exec(text);
  return letter !== null && RTL_SCRIPT.test(letter[0]);
}

/** Languages written right to left, by primary subtag. */
const RTL_LANGUAGES = new Set(["ar", "fa", "he", "ur", "ps", "yi", "ckb", "dv", "sd", "ug", "syr"]);

/** The direction of a language's script ("ar", "fa-IR" → "rtl"); `auto` when the language is not known. */
export function languageDirection(language: string | null | undefined): "rtl" | "ltr" | "auto" {
  if (!language) return "auto";
  return RTL_LANGUAGES.has(language.toLowerCase().split("-")[0]) ? "rtl" : "ltr";
}
