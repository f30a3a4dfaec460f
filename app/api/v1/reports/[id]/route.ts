import { readJson } from "@/lib/api/server/read-json";
import { parseInput } from "@/lib/validations/parse-input";
import { apiRoute } from "@/lib/api/server/route";
import { getReportOrThrow, updateReportMetadata } from "@/lib/server/reports/reports";
import { reportMetadataSchema } from "@/lib/validations/import";
import { versionQuerySchema } from "@/lib/validations/report";

type P = { id: string };

/** The report with the passages of its current version, or of ?version=N. */
export const GET = apiRoute<P>(async ({ req, user, params }) => {
  const { version } = parseInput(versionQuerySchema, { version: req.nextUrl.searchParams.get("version") ?? undefined });
  return getReportOrThrow({ userId: user.id, reportId: params.id, version });
});

export const PATCH = apiRoute<P>(async ({ req, user, params }) => {
  const input = await readJson(req, reportMetadataSchema, 32 * 1024);
  return updateReportMetadata({ userId: user.id, reportId: params.id, ...input });
});
