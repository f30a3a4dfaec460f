import { appOrigin, download } from "@/lib/api/server/download";
import { parseInput } from "@/lib/validations/parse-input";
import { apiRoute } from "@/lib/api/server/route";
import { exportWorkspace } from "@/lib/server/export/workspace-export";
import { exportOptionsFromSearchParams, exportOptionsSchema } from "@/lib/validations/export";

export const GET = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const options = parseInput(exportOptionsSchema, exportOptionsFromSearchParams(req.nextUrl.searchParams));
  const { fileName, stream } = await exportWorkspace({ userId: user.id, workspaceId: params.id, origin: appOrigin(req), options });
  return download(stream, { contentType: "application/zip", fileName });
});
