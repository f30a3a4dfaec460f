import { readJson } from "@/lib/api/server/read-json";
import { apiRoute } from "@/lib/api/server/route";
import { getAlignmentOrThrow, replaceAlignment } from "@/lib/server/translations/translations";
import { alignmentSchema, counterpartQuerySchema } from "@/lib/validations/alignment";
import { parseInput } from "@/lib/validations/parse-input";

type P = { id: string };

const counterpartOf = (req: { nextUrl: URL }) =>
  parseInput(counterpartQuerySchema, { counterpart: req.nextUrl.searchParams.get("counterpart") ?? undefined }).counterpart;

/** Which passages of the report and its translation (?counterpart=…, else its first) say the same. */
export const GET = apiRoute<P>(async ({ req, user, params }) =>
  getAlignmentOrThrow({ userId: user.id, reportId: params.id, counterpartId: counterpartOf(req) }),
);

/** Editors correct it: the whole alignment, in the shape GET returns. */
export const PUT = apiRoute<P>(async ({ req, user, params }) => {
  const alignment = await readJson(req, alignmentSchema, 4 * 1024 * 1024);
  return replaceAlignment({ userId: user.id, reportId: params.id, counterpartId: counterpartOf(req), alignment });
});
