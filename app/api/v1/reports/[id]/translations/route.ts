import { isDryRun, previewPageOf, readImportRequest } from "@/lib/api/server/read-import";
import { UPLOAD, apiRoute, created } from "@/lib/api/server/route";
import { createTranslation } from "@/lib/server/translations/translations";

type P = { id: string };

/** A translation of the report: the same inputs as an import, plus `language`; ?dryRun=1 returns the preview only. */
export const POST = apiRoute<P>(async ({ req, user, params }) => {
  const { request, metadata, choices } = await readImportRequest(req);
  const dryRun = isDryRun(req);
  const previewPage = dryRun ? previewPageOf(req) : undefined;
  const result = await createTranslation({ userId: user.id, reportId: params.id, request, metadata, choices, dryRun, previewPage });
  return dryRun ? result : created(result);
}, UPLOAD);
