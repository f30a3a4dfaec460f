import { readJson } from "@/lib/api/server/read-json";
import { apiRoute } from "@/lib/api/server/route";
import { putStance, removeStance } from "@/lib/server/claims/claims";
import { stanceSchema } from "@/lib/validations/annotation";

type P = { id: string };

export const PUT = apiRoute<P>(async ({ req, user, params }) => {
  const input = await readJson(req, stanceSchema, 16 * 1024);
  return putStance({ userId: user.id, annotationId: params.id, ...input });
});

export const DELETE = apiRoute<P>(async ({ user, params }) => removeStance({ userId: user.id, annotationId: params.id }));
