import { apiRoute } from "@/lib/api/server/route";
import { revokeShareLink } from "@/lib/server/share-links/share-links";

export const DELETE = apiRoute<{ id: string }>(async ({ user, params }) => {
  await revokeShareLink({ userId: user.id, shareLinkId: params.id });
  return new Response(null, { status: 204 });
});
