import { apiRoute } from "@/lib/api/route";
import { annotationHistory } from "@/lib/server/annotations/edit-annotation";

export const GET = apiRoute<{ id: string }>(async ({ user, params }) => ({
  revisions: await annotationHistory({ userId: user.id, annotationId: params.id }),
}));
