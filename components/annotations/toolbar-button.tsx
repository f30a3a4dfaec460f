/** A formatting toolbar's button (the comment editors', the notes'). */
export const toolButton =
  "inline-flex h-7 min-w-7 items-center justify-center rounded px-1.5 text-sm text-stone-700 hover:bg-stone-200 focus-visible:outline-2 focus-visible:outline-amber-600 aria-pressed:bg-stone-300 dark:text-stone-300 dark:hover:bg-stone-700 dark:aria-pressed:bg-stone-600";

export function Icon({ d }: { d: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="h-4 w-4"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={d} />
    </svg>
  );
}
