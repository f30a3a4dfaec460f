import type { AlignedRow } from "./aligned-rows";

const control =
  "min-h-8 rounded px-2 font-sans text-xs text-stone-600 underline-offset-2 hover:bg-stone-100 hover:underline focus-visible:outline-2 focus-visible:outline-amber-600 disabled:hidden dark:text-stone-300 dark:hover:bg-stone-800";

/**
 * An editor's corrections to one row, by keyboard as well as by mouse: link it with the next
 * row (into a 1:1, 1:2 or 2:1 pair), or unlink its passages. Quiet until the row is hovered or
 * one of them has the focus.
 */
export function AlignmentControls({
  row,
  label,
  canJoin,
  onJoin,
  onUnlink,
}: {
  row: AlignedRow;
  /** Names the row to a screen reader ("Alignment of row 3"). */
  label: string;
  canJoin: boolean;
  onJoin: () => void;
  onUnlink: () => void;
}) {
  const paired = row.source.length > 0 && row.target.length > 0;
  return (
    <div
      role="group"
      aria-label={label}
      className="flex gap-1 opacity-0 transition-opacity group-hover:opacity-100 focus-within:opacity-100 lg:col-span-2 [@media(pointer:coarse)]:opacity-100"
    >
      <button type="button" className={control} disabled={!canJoin} onClick={onJoin}>
        Link with next row
      </button>
      <button type="button" className={control} disabled={!paired} onClick={onUnlink}>
        Unlink
      </button>
    </div>
  );
}
