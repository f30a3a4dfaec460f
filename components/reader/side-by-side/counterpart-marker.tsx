import Link from "next/link";

const quiet =
  "inline-flex min-h-8 items-center gap-1 rounded-full px-2 font-sans text-xs text-stone-500 hover:bg-stone-100 hover:text-stone-800 focus-visible:outline-2 focus-visible:outline-amber-600 dark:text-stone-400 dark:hover:bg-stone-800 dark:hover:text-stone-100";

/** How many annotations the other side of a row has: a quiet link (or button) that opens them. */
export function CounterpartMarker({
  count,
  language,
  href,
  onOpen,
}: {
  count: number;
  language: string;
  href?: string;
  onOpen?: () => void;
}) {
  const label = `${count} ${count === 1 ? "annotation" : "annotations"} on the ${language} side`;
  const body = (
    <>
      <svg aria-hidden viewBox="0 0 16 16" className="h-3.5 w-3.5 fill-current">
        <path d="M2 3.5A1.5 1.5 0 0 1 3.5 2h9A1.5 1.5 0 0 1 14 3.5v6a1.5 1.5 0 0 1-1.5 1.5H7l-3 3v-3h-.5A1.5 1.5 0 0 1 2 9.5z" />
      </svg>
      <span className="tabular-nums">{count}</span>
    </>
  );
  return (
    <span className="block" data-testid="counterpart-marker">
      {href ? (
        // The report text's link style (amber, underlined) is for the source's own links, not this.
        <Link href={href} className={`${quiet} text-stone-500! no-underline! dark:text-stone-400!`} aria-label={label} title={label}>
          {body}
        </Link>
      ) : (
        <button type="button" onClick={onOpen} className={quiet} aria-label={label} title={label}>
          {body}
        </button>
      )}
    </span>
  );
}
