import { readJson } from "@/lib/api/read-json";
import { apiRoute, created } from "@/lib/api/route";
import { importReport, listReports } from "@/lib/server/reports/reports";
import { importReportSchema } from "@/lib/validations/report";

// The content itself is capped at 5 MB by the importer; this leaves room for JSON escaping.
const MAX_REQUEST_BYTES = 16 * 1024 * 1024;

export const GET = apiRoute<{ id: string }>(async ({ user, params }) => ({
  reports: await listReports({ userId: user.id, workspaceIdOrSlug: params.id }),
}));

export const POST = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const input = await readJson(req, importReportSchema, MAX_REQUEST_BYTES);
  return created(await importReport({ userId: user.id, workspaceIdOrSlug: params.id, ...input }));
});
