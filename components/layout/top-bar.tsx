import Link from "next/link";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { Avatar } from "@/components/ui/avatar";
import type { PublicUser } from "@/lib/domain/people";
import { Suspense } from "react";
import { SearchBox } from "./search-box";
import { UserMenu } from "./user-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";

export function TopBar({
  user,
  workspaces,
  unreadCount = 0,
}: {
  user: PublicUser;
  workspaces: { slug: string; name: string }[];
  unreadCount?: number;
}) {
  return (
    <header className="sticky top-0 z-30 border-b border-stone-200 bg-stone-50/90 backdrop-blur dark:border-stone-800 dark:bg-stone-950/90 print:hidden">
      {/* On a phone the workspace's name gives way (it is cut short), never the menus: nothing is wider than the screen. */}
      <div className="flex h-14 items-center gap-2 px-3 sm:gap-3 sm:px-4">
        <Link href="/" className="shrink-0 font-serif text-lg font-semibold tracking-tight">
          Marginalia
        </Link>
        <span aria-hidden="true" className="text-stone-300 dark:text-stone-700">
          /
        </span>
        <WorkspaceSwitcher workspaces={workspaces} />
        <div className="ml-auto flex shrink-0 items-center gap-1 sm:gap-2">
          <Suspense fallback={null}>
            {/* Outside a workspace (the home page), it searches the first one. */}
            <SearchBox fallbackSlug={workspaces[0]?.slug ?? null} />
          </Suspense>
          <NotificationBell initialCount={unreadCount} />
          <UserMenu name={user.name} email={user.email}>
            <Avatar name={user.name} id={user.id} size="md" />
          </UserMenu>
        </div>
      </div>
    </header>
  );
}
