import { apiRoute } from "@/lib/api/server/route";
import { restoreAnnotation } from "@/lib/server/annotations/edit-annotation";

export const POST = apiRoute<{ id: string }>(async ({ user, params }) => restoreAnnotation({ userId: user.id, annotationId: params.id }));
