import type { ReactNode } from "react";

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-stone-300 px-6 py-10 text-center dark:border-stone-700">
      <p className="font-medium text-stone-800 dark:text-stone-200">{title}</p>
      {children && <div className="mx-auto mt-1 max-w-md text-sm text-stone-600 dark:text-stone-400">{children}</div>}
      {action && <div className="mt-4">{action}</div>}
    </div>
  );
}
