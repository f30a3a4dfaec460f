import { appOrigin, download } from "@/lib/api/server/download";
import { parseInput } from "@/lib/validations/parse-input";
import { apiRoute } from "@/lib/api/server/route";
import { AppError } from "@/lib/errors";
import { exportReport } from "@/lib/server/export/export-report";
import { filtersFromSearchParams } from "@/lib/validations/annotation";
import {
  EXPORT_FORMATS,
  exportFiltersSchema,
  exportOptionsFromSearchParams,
  exportOptionsSchema,
  type ExportFormat,
} from "@/lib/validations/export";

export const GET = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const query = req.nextUrl.searchParams;
  const format = query.get("format");
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new AppError("bad_request", `format must be one of: ${EXPORT_FORMATS.join(", ")}.`);
  }
  const filters = parseInput(exportFiltersSchema, filtersFromSearchParams(query));
  const options = parseInput(exportOptionsSchema, exportOptionsFromSearchParams(query));
  const file = await exportReport({
    userId: user.id,
    reportId: params.id,
    origin: appOrigin(req),
    filters,
    options,
    format: format as ExportFormat,
  });
  return download(file.body, { contentType: file.contentType, fileName: file.fileName });
});
