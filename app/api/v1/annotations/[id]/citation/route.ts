import { appOrigin } from "@/lib/api/server/download";
import { apiRoute } from "@/lib/api/server/route";
import { getAnnotationCitation } from "@/lib/server/citations/citations";
import { citationStyleQuerySchema } from "@/lib/validations/citation";
import { parseInput } from "@/lib/validations/parse-input";

/** `{ quote, locator, text, url }`: what "Copy citation" puts on the clipboard. */
export const GET = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const { style } = parseInput(citationStyleQuerySchema, { style: req.nextUrl.searchParams.get("style") ?? undefined });
  return getAnnotationCitation({ userId: user.id, annotationId: params.id, style, origin: appOrigin(req) });
});
