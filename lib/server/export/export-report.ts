import { streamText } from "@/lib/api/download";
import { exportFileName } from "@/lib/exporters/common";
import { csvChunks } from "@/lib/exporters/csv";
import { toDocx } from "@/lib/exporters/docx";
import { toJsonLd } from "@/lib/exporters/jsonld";
import { markdownChunks } from "@/lib/exporters/markdown";
import type { ExportFormat } from "@/lib/validations/export";
import { gatherReportExport, type ExportRequest } from "./gather";

export interface ReportExport {
  fileName: string;
  contentType: string;
  body: ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer> | string;
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
  const data = await gatherReportExport(request);
  const { format } = request;
  const out = { fileName: exportFileName(data.report.title, data.exportedAt, EXTENSION[format]), contentType: CONTENT_TYPE[format] };
  switch (format) {
    case "markdown":
      return { ...out, body: streamText(markdownChunks(data)) };
    case "csv":
      return { ...out, body: streamText(csvChunks([data])) };
    case "jsonld":
      return { ...out, body: JSON.stringify(toJsonLd(data), null, 2) };
    case "docx":
      return { ...out, body: new Uint8Array(await toDocx(data)) };
  }
}
