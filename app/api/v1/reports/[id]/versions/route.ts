import { isDryRun, previewPageOf, readImportRequest } from "@/lib/api/server/read-import";
import { UPLOAD, apiRoute, created } from "@/lib/api/server/route";
import { createReportVersion, listReportVersions } from "@/lib/server/reports/versions";
import { pageRequestFrom } from "@/lib/server/pagination/page";
import { PAGE_SIZES } from "@/lib/server/pagination/page-sizes";

type P = { id: string };

export const GET = apiRoute<P>(async ({ req, user, params }) => {
  const page = pageRequestFrom(req.nextUrl.searchParams, PAGE_SIZES.versions);
  const { items, nextCursor } = await listReportVersions({ userId: user.id, reportId: params.id, page });
  return { versions: items, nextCursor };
});

/** A revised text (same inputs as an import); every annotation is re-anchored. */
export const POST = apiRoute<P>(async ({ req, user, params }) => {
  const { request, choices } = await readImportRequest(req);
  const dryRun = isDryRun(req);
  const previewPage = dryRun ? previewPageOf(req) : undefined;
  const result = await createReportVersion({ userId: user.id, reportId: params.id, request, choices, dryRun, previewPage });
  return dryRun ? result : created(result);
}, UPLOAD);
