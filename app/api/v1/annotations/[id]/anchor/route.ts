import { readJson } from "@/lib/api/server/read-json";
import { apiRoute } from "@/lib/api/server/route";
import { reattachAnnotation } from "@/lib/server/reports/versions";
import { anchorSchema } from "@/lib/validations/annotation";

/** Re-attach an annotation (an orphan, usually) to text in the report's current version. Editors. */
export const PUT = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const input = await readJson(req, anchorSchema, 4 * 1024);
  return reattachAnnotation({ userId: user.id, annotationId: params.id, ...input });
});
