import { streamBytes, streamText } from "@/lib/format/streams";
import { exportFileName } from "@/lib/exporters/common";
import { csvWriter } from "@/lib/exporters/csv";
import { docxChunks } from "@/lib/exporters/docx";
import { jsonLdWriter } from "@/lib/exporters/jsonld";
import { markdownWriter } from "@/lib/exporters/markdown";
import { writeChunks } from "@/lib/exporters/stream";
import type { ExportFormat } from "@/lib/validations/export";
import { openReportExport, type ExportRequest } from "./gather";

export interface ReportExport {
  fileName: string;
  contentType: string;
  /** Written as it is read: the annotations are read from the database a batch at a time as the stream is pulled. */
  body: ReadableStream<Uint8Array>;
}

const CONTENT_TYPE: Record<ExportFormat, string> = {
  markdown: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  jsonld: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

const EXTENSION: Record<ExportFormat, string> = { markdown: "md", csv: "csv", jsonld: "jsonld", docx: "docx" };

/** One report in one format, as the user may export it; a report they cannot see is "not found". */
export async function exportReport(request: ExportRequest & { reportId: string; format: ExportFormat }): Promise<ReportExport> {
  const { format } = request;
  // Each is a statement over every annotation of the report: not worth reading for the formats that do not print it.
  const { head, annotations } = await openReportExport(request, { claims: format === "docx", replyCount: format === "jsonld" });
  const fileName = exportFileName(head.report.title, head.exportedAt, EXTENSION[format]);
  const body =
    format === "docx"
      ? streamBytes(docxChunks(head, annotations))
      : streamText(writeChunks({ markdown: markdownWriter, csv: csvWriter, jsonld: jsonLdWriter }[format](head), annotations));
  return { fileName, contentType: CONTENT_TYPE[format], body };
}
