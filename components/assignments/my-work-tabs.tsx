import Link from "next/link";
import type { AssignmentTab } from "@/lib/domain/assignments";

const TABS: { tab: AssignmentTab; label: string; href: string }[] = [
  { tab: "open", label: "To do", href: "/my-work" },
  { tab: "done", label: "Done", href: "/my-work?tab=done" },
];

/** My work's two lists, as links (each is its own address, and works before any script has loaded). */
export function MyWorkTabs({ current }: { current: AssignmentTab }) {
  return (
    <nav aria-label="My work" className="mt-6 flex gap-1 border-b border-stone-200 dark:border-stone-800">
      {TABS.map(({ tab, label, href }) => (
        <Link
          key={tab}
          href={href}
          aria-current={tab === current ? "page" : undefined}
          className="-mb-px inline-flex min-h-11 items-center border-b-2 border-transparent px-3 text-sm font-medium text-stone-600 hover:text-stone-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600 aria-[current=page]:border-amber-600 aria-[current=page]:text-stone-900 dark:text-stone-400 dark:hover:text-stone-100 dark:aria-[current=page]:text-stone-50"
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
