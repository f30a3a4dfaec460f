import { readJson } from "@/lib/api/server/read-json";
import { parseInput } from "@/lib/validations/parse-input";
import { apiRoute, created } from "@/lib/api/server/route";
import { ANNOTATIONS_PAGE, listAnnotations } from "@/lib/server/annotations/annotations";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { pageRequestFrom } from "@/lib/server/pagination/page";
import {
  annotationFiltersSchema,
  CREATE_ANNOTATION_MAX_BYTES,
  createAnnotationSchema,
  filtersFromSearchParams,
} from "@/lib/validations/annotation";
import { versionQuerySchema } from "@/lib/validations/report";

export const GET = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const filters = parseInput(annotationFiltersSchema, filtersFromSearchParams(req.nextUrl.searchParams));
  const { version } = parseInput(versionQuerySchema, { version: req.nextUrl.searchParams.get("version") ?? undefined });
  const page = pageRequestFrom(req.nextUrl.searchParams, ANNOTATIONS_PAGE);
  return listAnnotations({ userId: user.id, reportId: params.id, filters, version, ...page });
});

export const POST = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const input = await readJson(req, createAnnotationSchema, CREATE_ANNOTATION_MAX_BYTES);
  return created(await createAnnotation({ writer: { userId: user.id }, reportId: params.id, ...input }));
});
