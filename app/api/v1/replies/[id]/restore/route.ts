import { apiRoute } from "@/lib/api/server/route";
import { restoreReply } from "@/lib/server/replies/replies";

export const POST = apiRoute<{ id: string }>(async ({ user, params }) => restoreReply({ userId: user.id, replyId: params.id }));
