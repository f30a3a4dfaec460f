import { isDryRun, readImportRequest } from "@/lib/api/read-import";
import { apiRoute, created } from "@/lib/api/route";
import { importReportFromRequest, listReports } from "@/lib/server/reports/reports";

export const GET = apiRoute<{ id: string }>(async ({ user, params }) => ({
  reports: await listReports({ userId: user.id, workspaceIdOrSlug: params.id }),
}));

/** JSON (text, markdown, url) or a multipart file upload; ?dryRun=1 returns the preview only. */
export const POST = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const { request, metadata } = await readImportRequest(req);
  const dryRun = isDryRun(req);
  const result = await importReportFromRequest({ userId: user.id, workspaceIdOrSlug: params.id, request, metadata, dryRun });
  return dryRun ? result : created(result);
});
