import { z } from "zod";
import { readJson } from "@/lib/api/read-json";
import { apiRoute } from "@/lib/api/route";
import { reattachAnnotation } from "@/lib/server/reports/versions";

const anchorSchema = z.object({
  passageId: z.string().min(1).max(64),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});

/** Re-attach an annotation (an orphan, usually) to text in the report's current version. Editors. */
export const PUT = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const input = await readJson(req, anchorSchema, 4 * 1024);
  return reattachAnnotation({ userId: user.id, annotationId: params.id, ...input });
});
