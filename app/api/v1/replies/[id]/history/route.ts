import { apiRoute } from "@/lib/api/route";
import { replyHistory } from "@/lib/server/replies/replies";

export const GET = apiRoute<{ id: string }>(async ({ user, params }) => ({ revisions: await replyHistory({ userId: user.id, replyId: params.id }) }));
