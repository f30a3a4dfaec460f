import type { ReaderPassage } from "./types";

/** The report's headings, as links to their passages. */
export function ReportOutline({ passages, title }: { passages: ReaderPassage[]; title: string }) {
  const headings = passages.filter((p) => p.kind === "heading");
  return (
    <div className="text-sm">
      <p className="mb-2 text-xs font-semibold tracking-wide text-stone-500 uppercase dark:text-stone-400">Contents</p>
      <ul className="space-y-1.5 border-l border-stone-200 dark:border-stone-800">
        <li>
          <a
            href="#main"
            className="-ml-px block border-l border-transparent pl-3 text-stone-700 hover:border-stone-500 hover:text-stone-950 dark:text-stone-300 dark:hover:text-white"
            dir="auto"
          >
            {title}
          </a>
        </li>
        {headings.map((h) => (
          <li key={h.id}>
            <a
              href={`#p-${h.index}`}
              dir="auto"
              className={`-ml-px block border-l border-transparent text-stone-600 hover:border-stone-500 hover:text-stone-950 dark:text-stone-400 dark:hover:text-white ${(h.level ?? 2) > 2 ? "pl-6" : "pl-3"}`}
            >
              {h.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
