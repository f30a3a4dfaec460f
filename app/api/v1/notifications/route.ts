import { apiRoute } from "@/lib/api/route";
import { listNotifications } from "@/lib/server/notifications/notifications";

export const GET = apiRoute(async ({ req, user }) => {
  const params = req.nextUrl.searchParams;
  const limit = Number(params.get("limit") ?? 50);
  return listNotifications({ userId: user.id, unreadOnly: params.get("unread") === "true", limit: Number.isFinite(limit) && limit > 0 ? limit : 50 });
});
