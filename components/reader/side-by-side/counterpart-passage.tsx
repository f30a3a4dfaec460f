import { Fragment, memo } from "react";
import type { HighlightSpec } from "../editor-positions";
import { MarkedText } from "../marked-text";
import { textRuns } from "../static-highlights";
import type { ReaderPassage } from "../types";

/**
 * A passage of the counterpart report, read beside the report: its highlights painted (their
 * own attribute, so the reader's selection and card code, which read `data-passage-id` and
 * `data-annotation-id`, never take it for the report's), its ¶ number inline.
 */
export const CounterpartPassage = memo(function CounterpartPassage({
  passage: p,
  highlights,
}: {
  passage: ReaderPassage;
  highlights: HighlightSpec[] | undefined;
}) {
  const runs = highlights?.length ? textRuns(p.text, highlights) : null;
  const Tag = p.kind === "heading" ? "h3" : "p";
  return (
    <Tag data-counterpart-passage-id={p.id} className={p.kind === "quote" ? "italic" : undefined}>
      {/* In the passage's own direction, so the gap falls between the number and the text on either side; the number itself reads left to right. */}
      <span className="me-2 font-sans text-xs text-stone-500 tabular-nums select-none dark:text-stone-400" aria-hidden>
        <bdi dir="ltr">{`¶ ${p.index}`}</bdi>
      </span>
      {runs ? (
        runs.map((run, i) => (
          <Fragment key={i}>
            {run.highlights.reduceRight<React.ReactNode>(
              (inner, h) => (
                <span className={`hl hl-${h.kind}`} data-counterpart-annotation-id={h.id}>
                  {inner}
                </span>
              ),
              run.text,
            )}
          </Fragment>
        ))
      ) : p.marks?.length ? (
        <MarkedText text={p.text} marks={p.marks} />
      ) : (
        p.text
      )}
    </Tag>
  );
});
