import Link from "next/link";
import { CreateWorkspaceForm } from "@/components/workspaces/create-workspace-form";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/session";
import { listWorkspaces } from "@/lib/server/workspaces/workspaces";
import { ALL } from "@/lib/server/pagination/keyset";

export default async function HomePage() {
  const user = await requireUser();
  const { items: workspaces } = await listWorkspaces({ userId: user.id, page: ALL });
  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Your workspaces</h1>
      <p className="mt-1 text-stone-600 dark:text-stone-400">A workspace is a team reading reports together.</p>
      <div className="mt-8">
        {workspaces.length === 0 ? (
          <EmptyState title="You are not in a workspace yet">
            Create one for your team below, or ask a colleague to add you to theirs with the email you signed up with.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-stone-200 overflow-hidden rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
            {workspaces.map((w) => (
              <li key={w.id}>
                <Link
                  href={`/w/${w.slug}`}
                  className="flex items-center justify-between gap-4 px-4 py-3 hover:bg-stone-50 focus-visible:bg-stone-50 dark:hover:bg-stone-800/60"
                >
                  <span className="font-medium">{w.name}</span>
                  <span className="text-sm text-stone-500 dark:text-stone-400">
                    {w.reportCount} {w.reportCount === 1 ? "report" : "reports"} · {w.memberCount}{" "}
                    {w.memberCount === 1 ? "member" : "members"} · {w.role}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
      <section className="mt-10" aria-labelledby="new-workspace">
        <h2 id="new-workspace" className="text-lg font-semibold">
          New workspace
        </h2>
        <CreateWorkspaceForm />
      </section>
    </main>
  );
}
