import { Fragment } from "react";
import { MarkdownBody } from "@/components/ui/markdown-body";
import { KIND_LABEL, STANCE_VERB, VERDICT_LABEL } from "@/lib/domain/words";
import {
  assignmentText,
  counterpartPassages,
  formatDay,
  formatUtc,
  noteSentence,
  passageUrl,
  tallyText,
  verdictSetText,
} from "@/lib/exporters/common";
import { quoteRuns } from "@/lib/exporters/quote-marks";
import type { ExportAnnotation, ExportData, ExportPassage, ExportReply, ExportStance } from "@/lib/exporters/types";
import { languageDirection } from "@/lib/format/text-direction";
import { tidyMarkdown } from "@/lib/markdown/tidy";

/**
 * The export as a document to print or save as PDF: the report's details, the
 * team notes, a table of the claims, then the annotations by passage. A server
 * component; bodies are Markdown and only ever rendered by MarkdownBody.
 * Print colours are forced to black on white by globals.css ([data-print-document]).
 */
export function PrintView({ data }: { data: ExportData }) {
  const { report, notes, annotations } = data;
  const claims = annotations.filter((a) => a.kind === "claim");
  const groups = byPassage(annotations);
  const sections = sectionTitles(data.passages);
  const passages = new Map(data.passages.map((p) => [p.id, p]));

  return (
    <article
      data-print-document
      className="mx-auto max-w-3xl rounded-sm bg-white px-6 py-10 font-serif text-stone-900 shadow-sm ring-1 ring-stone-200 sm:px-14 sm:py-14 dark:bg-stone-900 dark:text-stone-100 dark:ring-stone-800 print:max-w-none print:rounded-none print:bg-white print:p-0 print:text-[10.5pt] print:text-black print:shadow-none print:ring-0"
    >
      <header className="border-b border-stone-300 pb-6 dark:border-stone-700">
        <p className="font-sans text-xs tracking-wide text-stone-500 uppercase dark:text-stone-400">
          {report.workspace.name} · Annotations
        </p>
        <h1 dir="auto" className="mt-2 text-3xl leading-tight font-semibold tracking-tight text-balance print:text-[20pt]">
          {report.title}
        </h1>
        {report.subtitle && (
          <p dir="auto" className="mt-1 text-xl text-stone-700 dark:text-stone-300">
            {report.subtitle}
          </p>
        )}
        <dl className="mt-5 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 font-sans text-sm">
          {details(data).map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="text-stone-500 dark:text-stone-400">{term}</dt>
              <dd dir="auto" className="min-w-0 break-words">
                {value}
              </dd>
            </div>
          ))}
        </dl>
      </header>

      <section aria-labelledby="print-notes" className="mt-8">
        <h2 id="print-notes" className="text-xl font-semibold">
          Team notes
        </h2>
        {notes.body.trim() ? (
          <>
            <MarkdownBody markdown={tidyMarkdown(notes.body)} className="mt-3 font-serif text-base! leading-relaxed" />
            {notes.updatedAt && (
              <p className="mt-3 font-sans text-xs text-stone-500 dark:text-stone-400">
                Last edited {formatUtc(notes.updatedAt)}
                {notes.updatedBy ? ` by ${notes.updatedBy.name}` : ""}.
              </p>
            )}
          </>
        ) : (
          <p className="mt-3 text-stone-500 italic dark:text-stone-400">No team notes have been written yet.</p>
        )}
      </section>

      {claims.length > 0 && (
        <section aria-labelledby="print-claims" className="mt-10">
          <h2 id="print-claims" className="text-xl font-semibold">
            Claims ({claims.length})
          </h2>
          <ClaimsTable claims={claims} />
        </section>
      )}

      <section aria-labelledby="print-annotations" className="mt-10">
        <h2 id="print-annotations" className="text-xl font-semibold">
          Annotations ({annotations.length})
        </h2>
        {groups.length === 0 ? (
          <p className="mt-3 text-stone-500 italic dark:text-stone-400">
            {data.filters.length > 0 ? "No annotations match these filters." : "No annotations have been shared on this report yet."}
          </p>
        ) : (
          groups.map((group) => {
            const index = group[0].passageIndex;
            const section = sections.get(index);
            const aligned = counterpartPassages(data.counterpart, group[0].passageId);
            return (
              <section key={index} aria-labelledby={`print-p-${index}`} className="mt-8">
                <h3
                  id={`print-p-${index}`}
                  className="break-after-avoid border-b border-stone-200 pb-1 font-sans text-sm font-semibold text-stone-700 dark:border-stone-800 dark:text-stone-300"
                >
                  <a href={passageUrl(report, index)} className="hover:underline">
                    ¶ {index}
                  </a>
                  {section && (
                    <span dir="auto" className="font-normal text-stone-500 dark:text-stone-400">
                      {" "}
                      · {section}
                    </span>
                  )}
                </h3>
                {aligned && (
                  <div className="mt-3 text-sm text-stone-700 dark:text-stone-300">
                    <p className="text-stone-500 italic dark:text-stone-400">{aligned.label}</p>
                    {aligned.passages.map((p) => (
                      <blockquote
                        key={p.id}
                        lang={data.counterpart?.language ?? undefined}
                        dir={languageDirection(data.counterpart?.language ?? null)}
                        className="mt-1 border-s-2 border-stone-300 ps-3 font-serif dark:border-stone-700"
                      >
                        {p.text}
                      </blockquote>
                    ))}
                  </div>
                )}
                <div className="divide-y divide-stone-200 dark:divide-stone-800">
                  {group.map((a) => (
                    <AnnotationBlock key={a.id} annotation={a} includeReplies={data.includeReplies} passage={passages.get(a.passageId)} />
                  ))}
                </div>
              </section>
            );
          })
        )}
      </section>

      <section aria-labelledby="print-references" className="mt-10">
        <h2 id="print-references" className="text-xl font-semibold">
          References
        </h2>
        <p dir="auto" className="mt-3 pl-8 -indent-8 leading-relaxed">
          {report.reference}
        </p>
      </section>
    </article>
  );
}

function details({ report, exportedAt, exportedBy, filters }: ExportData): [string, string][] {
  const rows: [string, string][] = [];
  if (report.authors.length > 0) rows.push([report.authors.length === 1 ? "Author" : "Authors", report.authors.join(", ")]);
  if (report.publisher) rows.push(["Publisher", report.publisher]);
  if (report.publishedAt) rows.push(["Published", formatDay(report.publishedAt)]);
  if (report.sourceUrl) rows.push(["Source", report.sourceUrl]);
  rows.push(["Version", String(report.version)]);
  rows.push(["Exported", `${formatUtc(exportedAt)} by ${exportedBy.name}`]);
  rows.push(["Filters", filters.length > 0 ? filters.join("; ") : "None: every annotation shared with the team"]);
  return rows;
}

/** Annotations come in reading order: consecutive ones of a passage form its group. */
function byPassage(annotations: ExportAnnotation[]): ExportAnnotation[][] {
  const groups: ExportAnnotation[][] = [];
  for (const a of annotations) {
    const last = groups[groups.length - 1];
    if (last && last[0].passageId === a.passageId) last.push(a);
    else groups.push([a]);
  }
  return groups;
}

/** For each ¶ number, the heading it falls under, so a printed group says where in the report it is. */
function sectionTitles(passages: ExportPassage[]): Map<number, string> {
  const titles = new Map<number, string>();
  let current: string | null = null;
  for (const p of passages) {
    if (p.kind === "heading") current = p.text.trim() || current;
    if (current) titles.set(p.index, current);
  }
  return titles;
}

function ClaimsTable({ claims }: { claims: ExportAnnotation[] }) {
  return (
    <table className="mt-3 w-full border-collapse font-sans text-sm">
      <caption className="sr-only">Claims, with their paragraph, the team’s stances and the verdict</caption>
      <thead>
        <tr className="border-b border-stone-400 text-left text-xs tracking-wide text-stone-500 uppercase dark:border-stone-600 dark:text-stone-400">
          <th scope="col" className="py-2 pe-3 font-semibold">
            Claim
          </th>
          <th scope="col" className="py-2 pe-3 text-right font-semibold">
            ¶
          </th>
          <th scope="col" className="py-2 pe-3 font-semibold">
            Stances
          </th>
          <th scope="col" className="py-2 font-semibold">
            Verdict
          </th>
        </tr>
      </thead>
      <tbody>
        {claims.map((c) => (
          <tr key={c.id} className="break-inside-avoid border-b border-stone-200 align-top dark:border-stone-800">
            <td dir="auto" className="py-2 pe-3">
              {c.claimSummary || <span className="font-serif italic">“{c.quote}”</span>}
            </td>
            <td className="py-2 pe-3 text-right tabular-nums">{c.passageIndex}</td>
            <td className="py-2 pe-3 text-xs text-stone-600 dark:text-stone-400">{tallyText(c.tally)}</td>
            <td className="py-2">
              <span className="font-medium whitespace-nowrap">{VERDICT_LABEL[c.verdict]}</span>
              {c.verdictSetAt && <span className="block text-xs text-stone-600 dark:text-stone-400">{verdictSetText(c)}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Byline({ item, lead }: { item: ExportAnnotation | ExportReply; lead?: string }) {
  return (
    <>
      {lead && <span className="font-semibold text-stone-800 dark:text-stone-200">{lead} · </span>}
      <span dir="auto" className="font-medium text-stone-800 dark:text-stone-200">
        {item.author.name}
      </span>
      {item.importedCreator && (
        <>
          {" "}
          (originally by <span dir="auto">{item.importedCreator}</span>)
        </>
      )}
      {" · "}
      <time dateTime={item.createdAt.toISOString()}>{formatUtc(item.createdAt)}</time>
      {item.editedAt ? " (edited)" : ""}
    </>
  );
}

/** "Bob Ruiz disputes: Table A3 says 35%. Evidence: ¶ 3" — the note as text, the evidence as a link. */
function StanceLine({ stance: s }: { stance: ExportStance }) {
  return (
    <li className="break-inside-avoid">
      <span dir="auto" className="font-semibold">
        {s.author.name}
      </span>{" "}
      {STANCE_VERB[s.stance]}
      {s.note?.trim() ? (
        <>
          : <span dir="auto">{noteSentence(s.note)}</span>
        </>
      ) : (
        "."
      )}
      {s.evidence && (
        <>
          {" "}
          <span className="text-stone-500 dark:text-stone-400">Evidence:</span>{" "}
          <a
            href={s.evidence.url}
            dir="auto"
            className="break-all text-blue-700 underline underline-offset-2 dark:text-blue-300"
            {...(s.evidence.external ? { rel: "noopener noreferrer nofollow" } : {})}
          >
            {s.evidence.label}
          </a>
        </>
      )}
    </li>
  );
}

/** A quote with the bold, italics and links its passage kept from the source. */
function Quote({ annotation, passage }: { annotation: ExportAnnotation; passage: ExportPassage | undefined }) {
  const runs = quoteRuns(annotation, passage);
  if (runs === null) return annotation.quote;
  return runs.map((run, i) => {
    let node: React.ReactNode = run.text;
    if (run.italic) node = <em className="not-italic">{node}</em>;
    if (run.bold) node = <strong>{node}</strong>;
    if (run.href)
      node = (
        <a href={run.href} rel="noopener noreferrer nofollow" className="underline">
          {node}
        </a>
      );
    return <Fragment key={i}>{node}</Fragment>;
  });
}

function AnnotationBlock({
  annotation: a,
  includeReplies,
  passage,
}: {
  annotation: ExportAnnotation;
  includeReplies: boolean;
  passage: ExportPassage | undefined;
}) {
  const facts = [
    a.visibility === "private" ? "Private" : null,
    a.status === "resolved" ? "Resolved" : null,
    a.tags.length > 0 ? `Tags: ${a.tags.join(", ")}` : null,
    assignmentText(a),
  ].filter(Boolean);
  return (
    <div className="break-inside-avoid py-4">
      {a.quote.trim() && (
        <blockquote
          dir="auto"
          className="border-s-2 border-stone-300 ps-4 text-[1.05rem] leading-relaxed text-stone-700 italic dark:border-stone-600 dark:text-stone-300"
        >
          <Quote annotation={a} passage={passage} />
        </blockquote>
      )}
      <p className="mt-2 font-sans text-xs text-stone-600 dark:text-stone-400">
        <Byline item={a} lead={KIND_LABEL[a.kind]} />
        {facts.map((f) => (
          <span key={f} dir="auto">
            {" · "}
            {f}
          </span>
        ))}
      </p>
      {a.kind === "claim" && (
        <p className="mt-1.5 font-sans text-sm">
          {a.claimSummary && (
            <>
              <span className="text-stone-500 dark:text-stone-400">Claim: </span>
              <span dir="auto">{a.claimSummary}</span>
              {" · "}
            </>
          )}
          <span className="text-stone-500 dark:text-stone-400">Verdict: </span>
          <span className="font-semibold">{VERDICT_LABEL[a.verdict]}</span>
          {a.verdictSetAt && <span dir="auto">, {verdictSetText(a)}</span>}{" "}
          <span className="text-stone-600 dark:text-stone-400">({tallyText(a.tally)})</span>
        </p>
      )}
      {a.body.trim() && <MarkdownBody markdown={a.body} className="mt-2 font-serif text-base! leading-relaxed" />}
      {a.stances.length > 0 && (
        <ul aria-label="Stances" className="mt-2 space-y-1 font-sans text-sm">
          {a.stances.map((s) => (
            <StanceLine key={s.author.id} stance={s} />
          ))}
        </ul>
      )}
      {includeReplies && a.replies.length > 0 && (
        <ol
          aria-label={`${a.replies.length} ${a.replies.length === 1 ? "reply" : "replies"}`}
          className="mt-3 space-y-3 border-s border-stone-200 ps-4 dark:border-stone-700"
        >
          {a.replies.map((r) => (
            <li key={r.id} className="break-inside-avoid">
              <p className="font-sans text-xs text-stone-600 dark:text-stone-400">
                <Byline item={r} />
              </p>
              {r.body.trim() && <MarkdownBody markdown={r.body} className="mt-1 font-serif text-[0.95rem]! leading-relaxed" />}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
