import { readJson } from "@/lib/api/server/read-json";
import { apiRoute } from "@/lib/api/server/route";
import { setVerdict } from "@/lib/server/claims/claims";
import { verdictSchema } from "@/lib/validations/annotation";

export const PUT = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const { verdict } = await readJson(req, verdictSchema, 4 * 1024);
  return setVerdict({ userId: user.id, annotationId: params.id, verdict });
});
