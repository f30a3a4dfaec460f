import { streamBytes } from "@/lib/format/streams";
import { exportFileName, formatUtc } from "@/lib/exporters/common";
import { csvHeader, csvWriter } from "@/lib/exporters/csv";
import { jsonLdWriter } from "@/lib/exporters/jsonld";
import { markdownWriter } from "@/lib/exporters/markdown";
import { writeChunks, type ExportWriter } from "@/lib/exporters/stream";
import type { ExportAnnotation } from "@/lib/exporters/types";
import { ZipStream, type ZipEntry } from "@/lib/exporters/zip-stream";
import type { ExportOptionsInput } from "@/lib/validations/export";
import { formatCitations } from "@/lib/citations/format";
import { workspaceCitationItems } from "../citations/citations";
import { listWorkspaceReportIds, openReportExport, type ReportExportSource } from "./gather";

export interface WorkspaceExport {
  fileName: string;
  /** The .zip, produced report by report as it is read. */
  stream: ReadableStream<Uint8Array>;
}

/**
 * Every report of a workspace, for backup or hand-over: one Markdown file per
 * report (notes and annotations), the same as W3C JSON-LD (which the
 * annotation import reads back), and one CSV of every annotation and reply.
 * Each file is written as its annotations are read, a batch at a time, and
 * deflated as it is written: memory holds a batch and the list of what each
 * report exports (ids), never a report's text or the CSV whole.
 */
export async function exportWorkspace(options: {
  userId: string;
  workspaceId: string;
  origin: string;
  options: ExportOptionsInput;
}): Promise<WorkspaceExport> {
  const workspace = await listWorkspaceReportIds(options);
  const startedAt = new Date();
  return { fileName: exportFileName(workspace.name, startedAt, "zip"), stream: streamBytes(zipChunks(options, workspace, startedAt)) };
}

type Workspace = Awaited<ReturnType<typeof listWorkspaceReportIds>>;

async function* zipChunks(
  options: Parameters<typeof exportWorkspace>[0],
  workspace: Workspace,
  startedAt: Date,
): AsyncGenerator<Uint8Array> {
  const zip = new ZipStream(6, startedAt);
  /** One file, written from a writer fed the annotations, its bytes given as they come. */
  async function* file(entry: ZipEntry, writer: ExportWriter, annotations: AsyncIterable<ExportAnnotation>): AsyncGenerator<Uint8Array> {
    for await (const chunk of writeChunks(writer, annotations)) {
      await entry.write(chunk);
      yield* zip.take();
    }
  }
  try {
    const used = new Set<string>();
    const index: string[] = [`${workspace.name} — exported ${formatUtc(startedAt)}`, "", `${workspace.reports.length} report(s):`, ""];
    // Kept for the CSV, which comes after every report's files: the same annotations, read again.
    const sources: ReportExportSource[] = [];
    for (const { id } of workspace.reports) {
      // Markdown, JSON-LD and CSV: no claims table to read.
      const { head, annotations } = await openReportExport(
        { userId: options.userId, reportId: id, origin: options.origin, filters: {}, options: options.options },
        { claims: false },
      );
      // Two reports with one title still get two files.
      let base = exportFileName(head.report.title, startedAt, "").replace(/\.$/, "");
      if (used.has(base)) base = `${base}-${id.slice(-6)}`;
      used.add(base);
      const markdown = zip.entry(`reports/${base}.md`);
      yield* file(markdown, markdownWriter(head), annotations);
      markdown.end();
      const jsonLd = zip.entry(`jsonld/${base}.jsonld`);
      yield* file(jsonLd, jsonLdWriter(head), annotations);
      jsonLd.end();
      index.push(`- ${head.report.title}: reports/${base}.md (${head.annotationCount} annotation(s))`);
      // The CSV needs no passage text.
      sources.push({ head: { ...head, passages: [] }, annotations });
    }
    const csv = zip.entry("annotations.csv");
    await csv.write(csvHeader());
    for (const { head, annotations } of sources) yield* file(csv, csvWriter(head, { header: false }), annotations);
    csv.end();
    // One bibliography of every report, in the three formats reference managers import.
    const references = await workspaceCitationItems(workspace.id);
    zip.add("references.bib", formatCitations(references, "bibtex"));
    zip.add("references.ris", formatCitations(references, "ris"));
    zip.add("references.json", formatCitations(references, "csl-json"));
    zip.add(
      "README.txt",
      `${index.join("\n")}\n\nannotations.csv holds every annotation and reply, one per row.\nreferences.bib (BibTeX), references.ris (RIS) and references.json (CSL-JSON) cite every report.\nThe .jsonld files are W3C Web Annotations: import them into a report to bring the annotations back.\n`,
    );
    yield* zip.finish();
  } finally {
    zip.destroy();
  }
}
