"use client";

import { useParams, useRouter } from "next/navigation";

/** Moves between the user's workspaces; the current one comes from the URL. */
export function WorkspaceSwitcher({ workspaces }: { workspaces: { slug: string; name: string }[] }) {
  const router = useRouter();
  const params = useParams<{ slug?: string }>();
  if (workspaces.length === 0) return <span className="text-sm text-stone-500 dark:text-stone-400">No workspace yet</span>;
  return (
    <label className="flex min-w-0 items-center gap-2 text-sm">
      <span className="sr-only">Workspace</span>
      <select
        className="w-full max-w-[12rem] min-w-0 truncate rounded-md border border-transparent bg-transparent py-1 pr-7 pl-2 font-medium hover:border-stone-300 focus:border-amber-600 focus:outline-none sm:max-w-xs dark:hover:border-stone-700"
        value={params.slug ?? ""}
        onChange={(e) => router.push(e.target.value ? `/w/${e.target.value}` : "/")}
      >
        {!params.slug && <option value="">All workspaces</option>}
        {workspaces.map((w) => (
          <option key={w.slug} value={w.slug}>
            {w.name}
          </option>
        ))}
      </select>
    </label>
  );
}
