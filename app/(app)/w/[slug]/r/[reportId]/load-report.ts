import { notFound } from "next/navigation";
import { cache } from "react";
import { isAppError } from "@/lib/errors";
import { requireUser } from "@/lib/session";
import { getReportOrThrow } from "@/lib/server/reports/reports";
import { isIdLike } from "@/lib/validations/common";

/** The report of a page's URL, or the 404 page when it is not in that workspace or not visible to the user. */
export const loadReport = cache(async (slug: string, reportId: string, version?: number) => {
  const user = await requireUser();
  if (!isIdLike(slug) || !isIdLike(reportId)) notFound();
  try {
    const report = await getReportOrThrow({ userId: user.id, reportId, version });
    if (report.workspace.slug !== slug) notFound();
    return { user, report };
  } catch (e) {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  }
});
