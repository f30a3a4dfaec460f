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
