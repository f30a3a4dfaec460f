import { appOrigin, download, streamText } from "@/lib/api/download";
import { parseInput } from "@/lib/api/read-json";
import { apiRoute } from "@/lib/api/route";
import { exportFileName } from "@/lib/exporters/common";
import { csvChunks } from "@/lib/exporters/csv";
import { toDocx } from "@/lib/exporters/docx";
import { toJsonLd } from "@/lib/exporters/jsonld";
import { markdownChunks } from "@/lib/exporters/markdown";
import { AppError } from "@/lib/errors";
import { gatherReportExport } from "@/lib/server/export/gather";
import { filtersFromSearchParams } from "@/lib/validations/annotation";
import { EXPORT_FORMATS, exportFiltersSchema, exportOptionsFromSearchParams, exportOptionsSchema } from "@/lib/validations/export";

export const GET = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const query = req.nextUrl.searchParams;
  const format = query.get("format");
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new AppError("bad_request", `format must be one of: ${EXPORT_FORMATS.join(", ")}.`);
  }
  const filters = parseInput(exportFiltersSchema, filtersFromSearchParams(query));
  const options = parseInput(exportOptionsSchema, exportOptionsFromSearchParams(query));
  const data = await gatherReportExport({ userId: user.id, reportId: params.id, origin: appOrigin(req), filters, options });
  const name = (extension: string) => exportFileName(data.report.title, data.exportedAt, extension);
  switch (format) {
    case "markdown":
      return download(streamText(markdownChunks(data)), { contentType: "text/markdown; charset=utf-8", fileName: name("md") });
    case "csv":
      return download(streamText(csvChunks([data])), { contentType: "text/csv; charset=utf-8", fileName: name("csv") });
    case "jsonld":
      return download(JSON.stringify(toJsonLd(data), null, 2), {
        contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
        fileName: name("jsonld"),
      });
    default:
      return download(new Uint8Array(await toDocx(data)), {
        contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        fileName: name("docx"),
      });
  }
});
