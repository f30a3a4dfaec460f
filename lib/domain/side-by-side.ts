import { languageName } from "@/lib/format/language-name";
import type { PassageAlignment } from "./alignment/passage-alignment";
import type { Counterpart, PassageView } from "./reports";

/** A counterpart's annotation as the side-by-side reader paints it: where it is and its kind. */
export interface CounterpartAnnotation {
  id: string;
  passageId: string;
  start: number;
  end: number;
  kind: string;
}

/** What the reader needs to show a report beside its translation (or the report it translates). */
export interface SideBySideData {
  /** The language of the report read (its side's `lang` and direction). */
  language: string | null;
  counterpart: Counterpart;
  passages: PassageView[];
  annotations: CounterpartAnnotation[];
  /** From the report read: its passages on the source side. */
  alignment: PassageAlignment;
}

/** Which side of a translation a report is: the report translated, or the translation; null without a counterpart. */
export type TranslationSide = "original" | "translation";

/** "Arabic translation", "English original": what a search hit says of its report, when it has a counterpart. */
export function translationSideLabel(language: string | null, side: TranslationSide | null): string | null {
  if (!side) return null;
  const lang = languageName(language);
  return lang ? `${lang} ${side}` : side === "original" ? "Original" : "Translation";
}
