import { apiRoute } from "@/lib/api/server/route";
import { listNotifications } from "@/lib/server/notifications/notifications";
import { pageRequestFrom } from "@/lib/server/pagination/page";
import { PAGE_SIZES } from "@/lib/server/pagination/page-sizes";

/** `?unread=true&limit=&cursor=`: a page, newest first, and the unread count. */
export const GET = apiRoute(async ({ req, user }) => {
  const params = req.nextUrl.searchParams;
  const page = pageRequestFrom(params, PAGE_SIZES.notifications);
  return listNotifications({ userId: user.id, unreadOnly: params.get("unread") === "true", page });
});
