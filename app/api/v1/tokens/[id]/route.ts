import { apiRoute } from "@/lib/api/server/route";
import { revokeToken } from "@/lib/server/tokens/tokens";

export const DELETE = apiRoute<{ id: string }>(async ({ user, params }) => {
  await revokeToken({ userId: user.id, tokenId: params.id });
  return new Response(null, { status: 204 });
});
