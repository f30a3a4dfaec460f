import { apiRoute } from "@/lib/api/route";
import { listOrphans } from "@/lib/server/reports/versions";

export const GET = apiRoute<{ id: string }>(async ({ user, params }) => ({ orphans: await listOrphans({ userId: user.id, reportId: params.id }) }));
