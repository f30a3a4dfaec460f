import { z } from "zod";
import { parseInput, readJson } from "@/lib/api/read-json";
import { apiRoute, created } from "@/lib/api/route";
import { ANNOTATIONS_PAGE, listAnnotations } from "@/lib/server/annotations/annotations";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { pageRequestFrom } from "@/lib/server/pagination/page";
import { annotationFiltersSchema, createAnnotationSchema, filtersFromSearchParams } from "@/lib/validations/annotation";

// A body of 20,000 characters can take up to 4 bytes each, plus JSON escaping.
const MAX_REQUEST_BYTES = 256 * 1024;

export const GET = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const filters = parseInput(annotationFiltersSchema, filtersFromSearchParams(req.nextUrl.searchParams));
  const { version } = parseInput(z.object({ version: z.coerce.number().int().min(1).optional() }), { version: req.nextUrl.searchParams.get("version") ?? undefined });
  const page = pageRequestFrom(req.nextUrl.searchParams, ANNOTATIONS_PAGE);
  return listAnnotations({ userId: user.id, reportId: params.id, filters, version, ...page });
});

export const POST = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const input = await readJson(req, createAnnotationSchema, MAX_REQUEST_BYTES);
  return created(await createAnnotation({ userId: user.id, reportId: params.id, ...input }));
});
