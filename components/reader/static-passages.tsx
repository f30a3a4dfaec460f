import { memo, Suspense, useMemo } from "react";
import { codePointLength } from "@/lib/anchoring/code-points";
import type { PassageMark } from "@/lib/passage-marks";
import { headingLevel } from "./document-model";
import type { HighlightSpec } from "./editor-positions";
import { MarkedText } from "./marked-text";
import { highlightsByPassage, textRuns, type TextRun } from "./static-highlights";
import type { ReaderPassage } from "./types";

/** What the text's element carries, editor or not: the tests and the presence markers find the text by it. */
export const TEXT_ATTRIBUTES = { "aria-label": "Report text", "data-testid": "report-text" };

/** A run of text inside the highlights over it, outermost first (as the editor's decorations nest). */
function Highlighted({ run, children }: { run: TextRun; children?: React.ReactNode }) {
  let inner: React.ReactNode = children ?? run.text;
  for (let i = run.highlights.length - 1; i >= 0; i--) {
    const h = run.highlights[i];
    inner = (
      <span className={`hl hl-${h.kind}${h.focused ? " hl-focus" : ""}`} data-annotation-id={h.id}>
        {inner}
      </span>
    );
  }
  return inner;
}

/** The text with its highlights, and inside them the source's bold, italics and links (most passages have none). */
function PassageText({ text, marks, highlights }: { text: string; marks: PassageMark[] | undefined; highlights: HighlightSpec[] | undefined }) {
  if (!marks?.length) return highlights ? textRuns(text, highlights).map((run, i) => <Highlighted key={i} run={run} />) : text;
  if (!highlights) return <MarkedText text={text} marks={marks} />;
  const runs = textRuns(text, highlights);
  const starts = runs.reduce<number[]>((out, run, i) => [...out, out[i] + codePointLength(run.text)], [0]);
  return runs.map((run, i) => (
    <Highlighted key={i} run={run}>
      <MarkedText text={text} marks={marks} from={starts[i]} to={starts[i + 1]} />
    </Highlighted>
  ));
}

const sameHighlights = (a: HighlightSpec[] | undefined, b: HighlightSpec[] | undefined) =>
  a === b ||
  (!!a && !!b && a.length === b.length && a.every((h, i) => h.id === b[i].id && h.start === b[i].start && h.end === b[i].end && h.kind === b[i].kind && !!h.focused === !!b[i].focused));

/** One passage of the static text; redrawn only when its own highlights change (a page of cards changes none). */
const StaticPassage = memo(
  function StaticPassage({ passage: p, highlights }: { passage: ReaderPassage; highlights: HighlightSpec[] | undefined }) {
    const props = { id: `p-${p.index}`, "data-passage-id": p.id, dir: "auto" as const };
    const size = { "--chars": p.text.length } as React.CSSProperties;
    // The ¶ link the editor puts before each passage (numberWidget), so nothing moves when the editor takes over.
    const text = (
      <>
        <a className="passage-number" href={`#p-${p.index}`} aria-label={`Link to paragraph ${p.index}`} data-passage-link={p.index}>
          {`¶ ${p.index}`}
        </a>
        <PassageText text={p.text} marks={p.marks} highlights={highlights} />
      </>
    );
    if (p.kind === "heading") {
      // As the editor has them: h2 to h4.
      const Heading = (["h2", "h3", "h4"] as const)[headingLevel(p) - 2];
      return <Heading {...props} style={size}>{text}</Heading>;
    }
    if (p.kind === "quote") return <blockquote style={{ ...size, "--items": 1 } as React.CSSProperties}><p {...props}>{text}</p></blockquote>;
    const items = { ...size, "--items": 1 } as React.CSSProperties;
    if (p.kind === "list_item" && p.listNumber != null) return <ol start={p.listNumber} style={items}><li><p {...props}>{text}</p></li></ol>;
    if (p.kind === "list_item") return <ul style={items}><li><p {...props}>{text}</p></li></ul>;
    return <p {...props} className={p.kind === "footnote" ? "passage-footnote" : undefined} style={size}>{text}</p>;
  },
  (a, b) => a.passage === b.passage && sameHighlights(a.highlights, b.highlights),
);

/**
 * The passages as plain markup with their highlights and ¶ links: a long
 * report's text (`reading`), or a shorter one's until the editor has mounted
 * (and without JavaScript). Rendered on the server, so the text and its
 * highlights are painted as the page arrives.
 */
export function StaticPassages({ passages, highlights, reading = false }: { passages: ReaderPassage[]; highlights: HighlightSpec[]; reading?: boolean }) {
  const byPassage = useMemo(() => highlightsByPassage(highlights), [highlights]);
  const chunks = useMemo(() => {
    const out: ReaderPassage[][] = [];
    for (let i = 0; i < passages.length; i += HYDRATION_CHUNK) out.push(passages.slice(i, i + HYDRATION_CHUNK));
    return out;
  }, [passages]);
  return (
    <div className="ProseMirror" {...(reading ? TEXT_ATTRIBUTES : { "aria-busy": true })}>
      {chunks.map((chunk) => (
        <PassageChunk key={chunk[0].id} passages={chunk} highlights={chunk.map((p) => byPassage.get(p.id))} boundary={reading} />
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
  function PassageChunk({ passages, highlights, boundary }: { passages: ReaderPassage[]; highlights: (HighlightSpec[] | undefined)[]; boundary: boolean }) {
    const text = passages.map((p, i) => <StaticPassage key={p.id} passage={p} highlights={highlights[i]} />);
    return boundary ? <Suspense>{text}</Suspense> : text;
  },
  (a, b) => a.passages === b.passages && a.boundary === b.boundary && a.highlights.every((h, i) => sameHighlights(h, b.highlights[i])),
);

/** Passages per hydration boundary of a long text. */
const HYDRATION_CHUNK = 50;
