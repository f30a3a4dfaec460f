import { isDryRun, previewPageOf, readImportRequest } from "@/lib/api/server/read-import";
import { UPLOAD, apiRoute, created } from "@/lib/api/server/route";
import { importReportFromRequest, listReports } from "@/lib/server/reports/reports";
import { pageRequestFrom } from "@/lib/server/pagination/page";
import { PAGE_SIZES } from "@/lib/server/pagination/page-sizes";

export const GET = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const page = pageRequestFrom(req.nextUrl.searchParams, PAGE_SIZES.reports);
  const { items, nextCursor } = await listReports({ userId: user.id, workspaceIdOrSlug: params.id, page });
  return { reports: items, nextCursor };
});

/** JSON (text, markdown, url) or a multipart file upload; ?dryRun=1 returns the preview only (a page of its passages). */
export const POST = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const { request, metadata, choices } = await readImportRequest(req);
  const dryRun = isDryRun(req);
  const previewPage = dryRun ? previewPageOf(req) : undefined;
  const result = await importReportFromRequest({
    userId: user.id,
    workspaceIdOrSlug: params.id,
    request,
    metadata,
    choices,
    dryRun,
    previewPage,
  });
  return dryRun ? result : created(result);
}, UPLOAD);
