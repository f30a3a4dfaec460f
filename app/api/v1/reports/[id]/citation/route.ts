import { apiRoute } from "@/lib/api/server/route";
import { getReportCitation } from "@/lib/server/citations/citations";
import { citationQueryFrom, citationQuerySchema } from "@/lib/validations/citation";
import { parseInput } from "@/lib/validations/parse-input";

/** The report's reference: CSL-JSON, BibTeX, RIS or text in a CSL style. */
export const GET = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const query = parseInput(citationQuerySchema, citationQueryFrom(req.nextUrl.searchParams));
  const file = await getReportCitation({ userId: user.id, reportId: params.id, ...query });
  return new Response(file.body, { headers: { "content-type": file.contentType } });
});
