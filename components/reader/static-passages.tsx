import { memo, Suspense, useMemo } from "react";
import { codePointLength } from "@/lib/anchoring/code-points";
import type { PassageMark } from "@/lib/passage-marks";
import { headingLevel } from "./document-model";
import type { HighlightSpec } from "./editor-positions";
import { MarkedText } from "./marked-text";
import { highlightsByPassage, textRuns, type TextRun } from "./static-highlights";
import type { ReaderPassage } from "./types";

/** The hint the text's element points to (aria-describedby): how to read and select it from the keyboard. */
export const TEXT_HINT_ID = "report-text-keys";

/**
 * What the text's element carries, editor or not: the tests and the presence markers find the text
 * by it. It is a document one tab stop long, read with a caret (use-text-keyboard.ts); its tabindex
 * is set by each (React's and ProseMirror's spellings differ).
 */
export const TEXT_ATTRIBUTES = {
  role: "document",
  "aria-label": "Report text",
  "aria-describedby": TEXT_HINT_ID,
  "data-testid": "report-text",
};

/**
 * A run of text inside the highlights over it, outermost first (as the editor's decorations nest).
 * A counterpart's highlights (the other report, read beside this one) carry their own attribute and
 * take no focus, so the reader's selection and card code, which read `data-annotation-id`, never
 * take them for the report's.
 */
function Highlighted({ run, counterpart, children }: { run: TextRun; counterpart?: boolean; children?: React.ReactNode }) {
  let inner: React.ReactNode = children ?? run.text;
  for (let i = run.highlights.length - 1; i >= 0; i--) {
    const h = run.highlights[i];
    const className = `hl hl-${h.kind}${h.focused ? " hl-focus" : ""}`;
    inner = counterpart ? (
      <span className={className} data-counterpart-annotation-id={h.id}>
        {inner}
      </span>
    ) : (
      // Focusable (not a tab stop): focused, it opens its card.
      <span className={className} data-annotation-id={h.id} tabIndex={-1}>
        {inner}
      </span>
    );
  }
  return inner;
}

/** The text with its highlights, and inside them the source's bold, italics and links (most passages have none). */
export function PassageText({
  text,
  marks,
  highlights,
  counterpart,
}: {
  text: string;
  marks: PassageMark[] | undefined;
  highlights: HighlightSpec[] | undefined;
  /** The counterpart report's text, read beside this one (see Highlighted). */
  counterpart?: boolean;
}) {
  if (!highlights?.length) return marks?.length ? <MarkedText text={text} marks={marks} /> : text;
  const runs = textRuns(text, highlights);
  if (!marks?.length) return runs.map((run, i) => <Highlighted key={i} run={run} counterpart={counterpart} />);
  const starts = runs.reduce<number[]>((out, run, i) => [...out, out[i] + codePointLength(run.text)], [0]);
  return runs.map((run, i) => (
    <Highlighted key={i} run={run} counterpart={counterpart}>
      <MarkedText text={text} marks={marks} from={starts[i]} to={starts[i + 1]} />
    </Highlighted>
  ));
}

const sameHighlights = (a: HighlightSpec[] | undefined, b: HighlightSpec[] | undefined) =>
  a === b ||
  (!!a &&
    !!b &&
    a.length === b.length &&
    a.every(
      (h, i) => h.id === b[i].id && h.start === b[i].start && h.end === b[i].end && h.kind === b[i].kind && !!h.focused === !!b[i].focused,
    ));

/** One passage of the static text; redrawn only when its own highlights change (a page of cards changes none). The share page shows passages one by one with it. */
export const StaticPassage = memo(
  function StaticPassage({
    passage: p,
    highlights,
    first,
  }: {
    passage: ReaderPassage;
    highlights: HighlightSpec[] | undefined;
    first: boolean;
  }) {
    const props = { id: `p-${p.index}`, "data-passage-id": p.id, dir: "auto" as const };
    const size = { "--chars": p.text.length } as React.CSSProperties;
    // The ¶ link the editor puts before each passage (numberWidget), so nothing moves when the editor takes over.
    // The links are one tab stop, the first one's to begin with (use-text-keyboard.ts moves it).
    const text = (
      <>
        <a
          className="passage-number"
          href={`#p-${p.index}`}
          aria-label={`Link to paragraph ${p.index}`}
          data-passage-link={p.index}
          tabIndex={first ? 0 : -1}
        >
          {`¶ ${p.index}`}
        </a>
        <PassageText text={p.text} marks={p.marks} highlights={highlights} />
      </>
    );
    if (p.kind === "heading") {
      // As the editor has them: h2 to h4.
      const Heading = (["h2", "h3", "h4"] as const)[headingLevel(p) - 2];
      return (
        <Heading {...props} style={size}>
          {text}
        </Heading>
      );
    }
    if (p.kind === "quote")
      return (
        <blockquote style={{ ...size, "--items": 1 } as React.CSSProperties}>
          <p {...props}>{text}</p>
        </blockquote>
      );
    const items = { ...size, "--items": 1 } as React.CSSProperties;
    if (p.kind === "list_item" && p.listNumber != null)
      return (
        <ol start={p.listNumber} style={items}>
          <li>
            <p {...props}>{text}</p>
          </li>
        </ol>
      );
    if (p.kind === "list_item")
      return (
        <ul style={items}>
          <li>
            <p {...props}>{text}</p>
          </li>
        </ul>
      );
    return (
      <p {...props} className={p.kind === "footnote" ? "passage-footnote" : undefined} style={size}>
        {text}
      </p>
    );
  },
  (a, b) => a.passage === b.passage && a.first === b.first && sameHighlights(a.highlights, b.highlights),
);

/**
 * The passages as plain markup with their highlights and ¶ links: a long
 * report's text (`reading`), or a shorter one's until the editor has mounted
 * (and without JavaScript). Rendered on the server, so the text and its
 * highlights are painted as the page arrives.
 */
export function StaticPassages({
  passages,
  highlights,
  reading = false,
}: {
  passages: ReaderPassage[];
  highlights: HighlightSpec[];
  reading?: boolean;
}) {
  const byPassage = useMemo(() => highlightsByPassage(highlights), [highlights]);
  const chunks = useMemo(() => {
    const out: ReaderPassage[][] = [];
    for (let i = 0; i < passages.length; i += HYDRATION_CHUNK) out.push(passages.slice(i, i + HYDRATION_CHUNK));
    return out;
  }, [passages]);
  return (
    <div className="ProseMirror" {...(reading ? { ...TEXT_ATTRIBUTES, tabIndex: 0 } : { "aria-busy": true })}>
      {chunks.map((chunk, i) => (
        <PassageChunk
          key={chunk[0].id}
          passages={chunk}
          highlights={chunk.map((p) => byPassage.get(p.id))}
          boundary={reading}
          first={i === 0}
        />
      ))}
    </div>
  );
}

/**
 * A run of passages. In a long text each chunk is its own Suspense boundary
 * (nothing in it suspends): React hydrates such boundaries after the rest of
 * the page, in slices it can interrupt, instead of the whole text in one task
 * of 0.2-0.3 s. The chunk is memoised on its passages' highlights, so a
 * re-render above it (a page of cards, the notes' connection) leaves a chunk
 * that is not hydrated yet alone, rather than hydrating it there and then.
 */
const PassageChunk = memo(
  function PassageChunk({
    passages,
    highlights,
    boundary,
    first,
  }: {
    passages: ReaderPassage[];
    highlights: (HighlightSpec[] | undefined)[];
    boundary: boolean;
    first: boolean;
  }) {
    const text = passages.map((p, i) => <StaticPassage key={p.id} passage={p} highlights={highlights[i]} first={first && i === 0} />);
    return boundary ? <Suspense>{text}</Suspense> : text;
  },
  (a, b) =>
    a.passages === b.passages &&
    a.boundary === b.boundary &&
    a.first === b.first &&
    a.highlights.every((h, i) => sameHighlights(h, b.highlights[i])),
);

/** Passages per hydration boundary of a long text. */
const HYDRATION_CHUNK = 50;
