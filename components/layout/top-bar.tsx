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
          <Link
            href="/my-work"
            title="My work"
            className="inline-flex h-9 min-w-9 items-center justify-center gap-1.5 rounded-full px-2 text-sm text-stone-700 hover:bg-stone-200/70 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600 dark:text-stone-300 dark:hover:bg-stone-800"
          >
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              className="h-5 w-5"
              fill="none"
              stroke="currentColor"
              strokeWidth={1.75}
              strokeLinecap="round"
              strokeLinejoin="round"
            >
              <path d="m3 6 2 2 4-4" />
              <path d="m3 16 2 2 4-4" />
              <path d="M13 6h8M13 12h8M13 18h8" />
            </svg>
            {/* On a phone the icon alone (its name for screen readers stays). */}
            <span className="sr-only lg:not-sr-only">My work</span>
          </Link>
          <NotificationBell initialCount={unreadCount} />
          <UserMenu name={user.name} email={user.email}>
            <Avatar name={user.name} id={user.id} size="md" />
          </UserMenu>
        </div>
      </div>
    </header>
  );
}
