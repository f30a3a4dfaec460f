import { reportFacts, ReportTitle, SourceLink } from "@/components/reader/report-header";
import { StaticPassage } from "@/components/reader/static-passages";
import { highlightsByPassage } from "@/components/reader/static-highlights";
import { MarkdownBody } from "@/components/ui/markdown-body";
import type { SharedAnnotation as SharedAnnotationData, SharedReport } from "@/lib/domain/share-links";
import { SharedAnnotation } from "./shared-annotation";

function byPassage(annotations: SharedAnnotationData[]): Map<string, SharedAnnotationData[]> {
  const map = new Map<string, SharedAnnotationData[]>();
  for (const a of annotations) map.set(a.passageId, [...(map.get(a.passageId) ?? []), a]);
  return map;
}

/**
 * The share page: the report's text, read-only, as the reader's static text draws it (¶ numbers,
 * highlights), each passage with the team's annotations beside it on a wide screen and under it
 * on a phone, then the team notes. Rendered on the server alone: no editor, no search, no
 * composer, no live stream.
 */
export function SharedReportView({ report }: { report: SharedReport }) {
  const facts = reportFacts(report);
  const annotations = report.annotations ?? [];
  const highlights = highlightsByPassage(
    annotations.map((a) => ({ id: a.id, passageId: a.passageId, start: a.start, end: a.end, kind: a.kind })),
  );
  const cards = byPassage(annotations);
  const wide = report.annotations !== null;
  const columns = wide ? "lg:grid lg:grid-cols-[minmax(0,42rem)_22rem] lg:gap-x-12" : "";
  return (
    <div className={`mx-auto px-4 pt-8 pb-24 sm:px-6 lg:ps-24 ${wide ? "max-w-[1120px]" : "max-w-[52rem]"}`}>
      <p className="text-sm text-stone-500 dark:text-stone-400">
        Shared read-only by <span dir="auto">{report.workspaceName}</span> on Marginalia
        {wide && ` · ${annotations.length === 1 ? "1 annotation" : `${annotations.length} annotations`}`}
      </p>
      <header className={`mt-1 mb-10 ${wide ? "lg:max-w-[42rem]" : ""}`}>
        <ReportTitle report={report} />
        <p className="mt-1 text-sm text-stone-500 dark:text-stone-400">
          {facts}
          <SourceLink url={report.sourceUrl} />
        </p>
      </header>
      <main aria-label="Report text">
        {report.passages.map((p) => {
          const here = cards.get(p.id);
          return (
            <section key={p.id} className={`mt-5 first:mt-0 ${columns}`}>
              {/* The reader's typography (.report-text), for the passage alone: the cards beside it keep their own. */}
              <div className="report-text">
                <div className="ProseMirror">
                  <StaticPassage passage={p} highlights={highlights.get(p.id)} first />
                </div>
              </div>
              {here && (
                <div className="mt-3 mb-6 space-y-3 lg:mt-0 lg:mb-0" aria-label={`Annotations on paragraph ${p.index}`} role="group">
                  {here.map((a) => (
                    <SharedAnnotation key={a.id} annotation={a} />
                  ))}
                </div>
              )}
            </section>
          );
        })}
      </main>
      {report.notes && (
        <section
          aria-labelledby="shared-notes"
          className={`mt-16 border-t border-stone-200 pt-8 dark:border-stone-800 ${wide ? "lg:max-w-[42rem]" : ""}`}
        >
          <h2 id="shared-notes" className="font-serif text-2xl font-semibold">
            Team notes
          </h2>
          <MarkdownBody markdown={report.notes} className="mt-4 text-base" />
        </section>
      )}
    </div>
  );
}
