import { readJson } from "@/lib/api/server/read-json";
import { apiRoute } from "@/lib/api/server/route";
import { getAnnotationViewOrThrow } from "@/lib/server/annotations/annotations";
import { deleteAnnotation, updateAnnotation } from "@/lib/server/annotations/edit-annotation";
import { updateAnnotationSchema } from "@/lib/validations/annotation";

type P = { id: string };

export const GET = apiRoute<P>(async ({ user, params }) => getAnnotationViewOrThrow({ userId: user.id, annotationId: params.id }));

export const PATCH = apiRoute<P>(async ({ req, user, params }) => {
  const input = await readJson(req, updateAnnotationSchema, 256 * 1024);
  return updateAnnotation({ userId: user.id, annotationId: params.id, ...input });
});

export const DELETE = apiRoute<P>(async ({ user, params }) => {
  await deleteAnnotation({ userId: user.id, annotationId: params.id });
  return new Response(null, { status: 204 });
});
