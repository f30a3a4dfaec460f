import { apiRoute } from "@/lib/api/route";
import { getReportOrThrow } from "@/lib/server/reports/reports";

export const GET = apiRoute<{ id: string }>(async ({ user, params }) => {
  return getReportOrThrow({ userId: user.id, reportId: params.id });
});
