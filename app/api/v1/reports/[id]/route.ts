import { parseInput, readJson } from "@/lib/api/read-json";
import { apiRoute } from "@/lib/api/route";
import { getReportOrThrow, updateReportMetadata } from "@/lib/server/reports/reports";
import { reportMetadataSchema } from "@/lib/validations/import";
import { z } from "zod";

type P = { id: string };

const versionParam = z.object({ version: z.coerce.number().int().min(1).optional() });

/** The report with the passages of its current version, or of ?version=N. */
export const GET = apiRoute<P>(async ({ req, user, params }) => {
  const { version } = parseInput(versionParam, { version: req.nextUrl.searchParams.get("version") ?? undefined });
  return getReportOrThrow({ userId: user.id, reportId: params.id, version });
});

export const PATCH = apiRoute<P>(async ({ req, user, params }) => {
  const input = await readJson(req, reportMetadataSchema, 32 * 1024);
  return updateReportMetadata({ userId: user.id, reportId: params.id, ...input });
});
