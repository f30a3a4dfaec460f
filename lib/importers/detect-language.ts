/**
 * A small, honest language guess for when a report does not say: the script
 * first (Arabic, Hebrew, Cyrillic, Greek, CJK…), then common words for the
 * Latin-script languages our users bring most. Returns null when unsure.
 * Persian and Urdu share the Arabic script: Persian is told apart by its own letters.
 */
const STOPWORDS: Record<string, string[]> = {
  en: ["the", "and", "of", "to", "in", "that", "is", "with", "for", "on", "as", "are", "this", "by"],
  fr: ["le", "la", "les", "et", "des", "du", "est", "une", "que", "dans", "pour", "qui", "sur", "pas"],
  es: ["el", "la", "los", "las", "y", "de", "que", "en", "por", "con", "una", "para", "del", "se"],
  de: ["der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "ein", "eine", "auf", "sich"],
  tr: ["ve", "bir", "bu", "ile", "için", "da", "de", "olarak", "olan", "daha", "gibi", "çok", "ama", "ise"],
};

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, 20_000);
  const letters = count(sample, /\p{L}/gu);
  if (letters < 20) return null;
  const share = (re: RegExp) => count(sample, re) / letters;
  if (share(/\p{Script=Arabic}/gu) > 0.5) return share(/[پچژگکی]/gu) > 0.01 ? "fa" : "ar";
  if (share(/\p{Script=Hebrew}/gu) > 0.5) return "he";
  if (share(/\p{Script=Cyrillic}/gu) > 0.5) return "ru";
  if (share(/\p{Script=Greek}/gu) > 0.5) return "el";
  if (share(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu) > 0.3)
    return share(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu) > 0.05 ? "ja" : "zh";
  if (share(/\p{Script=Hangul}/gu) > 0.5) return "ko";
  if (share(/\p{Script=Latin}/gu) < 0.5) return null;
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best: string | null = null;
  let bestHits = 0;
  for (const [lang, list] of Object.entries(STOPWORDS)) {
    const set = new Set(list);
    const hits = words.filter((w) => set.has(w)).length;
    if (hits > bestHits) [best, bestHits] = [lang, hits];
  }
  // Too few common words to tell: say nothing rather than guess.
  return bestHits >= Math.max(3, words.length * 0.05) ? best : null;
}
