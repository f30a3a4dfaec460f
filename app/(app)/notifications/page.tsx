import type { Metadata } from "next";
import { NotificationList } from "@/components/notifications/notification-list";
import { requireUser } from "@/lib/session";
import { listNotifications } from "@/lib/server/notifications/notifications";
import { PAGE_SIZES } from "@/lib/server/pagination/page-sizes";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await requireUser();
  // The first page; "Show more" reads on through the API.
  const { notifications, unread, nextCursor } = await listNotifications({
    userId: user.id,
    page: { limit: PAGE_SIZES.notifications.defaultLimit },
  });
  const items = notifications.map((n) => ({
    ...n,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  }));
  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Notifications</h1>
      <NotificationList initial={items} initialUnread={unread} initialCursor={nextCursor} />
    </main>
  );
}
