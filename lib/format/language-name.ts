const LANGUAGE = new Intl.DisplayNames(["en"], { type: "language" });

/** A language tag's English name ("ar" → "Arabic"); the tag itself when it has none, null for none. */
export function languageName(code: string | null): string | null {
  if (!code) return null;
  try {
    return LANGUAGE.of(code) ?? code;
  } catch {
    return code;
  }
}
