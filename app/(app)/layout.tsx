import { TopBar } from "@/components/layout/top-bar";
import { ServerNowProvider } from "@/components/ui/relative-time";
import { requireUser } from "@/lib/session";
import { countUnread } from "@/lib/server/notifications/notifications";
import { listWorkspaces } from "@/lib/server/workspaces/workspaces";
import { ALL } from "@/lib/server/pagination/keyset";

/** When this request is rendered: a server component renders once per request. */
const requestTime = () => Date.now();

// Every page in this group needs a session; sign-in and register live outside it.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const [workspaces, unreadCount] = await Promise.all([
    listWorkspaces({ userId: user.id, page: ALL }).then((p) => p.items),
    countUnread(user.id),
  ]);
  return (
    // Times on the page ("5 minutes ago") are first rendered against this moment, on the server and
    // again while the browser hydrates, so the two agree.
    <ServerNowProvider now={requestTime()}>
      <div className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow dark:focus:bg-stone-900"
        >
          Skip to content
        </a>
        <TopBar user={user} workspaces={workspaces.map((w) => ({ slug: w.slug, name: w.name }))} unreadCount={unreadCount} />
        <div id="main">{children}</div>
      </div>
    </ServerNowProvider>
  );
}
