import { memo } from "react";
import type { HighlightSpec } from "../editor-positions";
import { PassageText } from "../static-passages";
import type { ReaderPassage } from "../types";

/**
 * A passage of the counterpart report, read beside the report: its text as the reader draws it
 * (PassageText), its highlights with their own attribute, its ¶ number inline.
 */
export const CounterpartPassage = memo(function CounterpartPassage({
  passage: p,
  highlights,
}: {
  passage: ReaderPassage;
  highlights: HighlightSpec[] | undefined;
}) {
  const Tag = p.kind === "heading" ? "h3" : "p";
  return (
    <Tag data-counterpart-passage-id={p.id} className={p.kind === "quote" ? "italic" : undefined}>
      {/* In the passage's own direction, so the gap falls between the number and the text on either side; the number itself reads left to right. */}
      <span className="me-2 font-sans text-xs text-stone-500 tabular-nums select-none dark:text-stone-400" aria-hidden>
        <bdi dir="ltr">{`¶ ${p.index}`}</bdi>
      </span>
      <PassageText text={p.text} marks={p.marks} highlights={highlights} counterpart />
    </Tag>
  );
});
