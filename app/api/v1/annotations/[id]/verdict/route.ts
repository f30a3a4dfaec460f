import { readJson } from "@/lib/api/read-json";
import { apiRoute } from "@/lib/api/route";
import { setVerdict } from "@/lib/server/claims/claims";
import { verdictSchema } from "@/lib/validations/annotation";

export const PUT = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const { verdict } = await readJson(req, verdictSchema, 4 * 1024);
  return setVerdict({ userId: user.id, annotationId: params.id, verdict });
});
