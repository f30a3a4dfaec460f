import type { AlignedRow } from "./aligned-rows";

/** What a dragged row carries: its place in the rows (see useRowDrag). */
export const ROW_DRAG_TYPE = "application/x-marginalia-row";

const control =
  "min-h-8 rounded px-2 font-sans text-xs text-stone-600 underline-offset-2 hover:bg-stone-100 hover:underline focus-visible:outline-2 focus-visible:outline-amber-600 disabled:hidden dark:text-stone-300 dark:hover:bg-stone-800";

/**
 * An editor's corrections to one row, by keyboard as well as by mouse: link it with the next
 * row (into a 1:1, 1:2 or 2:1 pair), or unlink its passages; or drag the row by its handle onto
 * the row above or below it to link the two (the buttons do the same from the keyboard). Quiet
 * until the row is hovered or one of them has the focus.
 */
export function AlignmentControls({
  row,
  index,
  label,
  canJoin,
  onJoin,
  onUnlink,
}: {
  row: AlignedRow;
  /** The row's place, carried by a drag. */
  index: number;
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
      {/* For the mouse only: the buttons beside it do the same for the keyboard and a screen reader. */}
      <span
        draggable
        aria-hidden
        title="Drag onto the row above or below to link the two"
        data-row-handle={index}
        onDragStart={(e) => {
          e.dataTransfer.setData(ROW_DRAG_TYPE, String(index));
          e.dataTransfer.effectAllowed = "link";
        }}
        className={`${control} flex cursor-grab items-center no-underline select-none active:cursor-grabbing`}
      >
        ⠿ Drag to link
      </span>
      <button type="button" className={control} disabled={!canJoin} onClick={onJoin}>
        Link with next row
      </button>
      <button type="button" className={control} disabled={!paired} onClick={onUnlink}>
        Unlink
      </button>
    </div>
  );
}
