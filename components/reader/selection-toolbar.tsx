"use client";

type Rect = { top: number; left: number; bottom: number; width: number };
type Props =
  | { rect: Rect; onHighlight: () => void; onComment: () => void; onQuestion: () => void; onClaim: () => void; attachLabel?: undefined; onAttach?: undefined }
  | { rect: Rect; attachLabel: string; onAttach: () => void };

const item =
  "flex items-center gap-1.5 rounded px-2.5 py-1.5 text-sm font-medium text-white hover:bg-white/15 focus-visible:outline-2 focus-visible:outline-amber-400";

/** The small toolbar that appears next to selected text. */
export function SelectionToolbar(props: Props) {
  const { rect } = props;
  const above = rect.top > 56;
  const style: React.CSSProperties = {
    position: "fixed",
    top: above ? rect.top - 44 : rect.bottom + 8,
    left: Math.max(8, Math.min(rect.left + rect.width / 2 - 190, window.innerWidth - 388)),
  };
  return (
    <div
      role="toolbar"
      aria-label="Annotate selection"
      data-testid="selection-toolbar"
      style={style}
      className="z-40 flex items-center gap-0.5 rounded-lg bg-stone-900 p-1 shadow-lg ring-1 ring-black/10 dark:bg-stone-700"
      onMouseDown={(e) => e.preventDefault() /* keep the text selected */}
    >
      {props.attachLabel !== undefined ? (
        <button type="button" className={item} onClick={props.onAttach}>
          {props.attachLabel}
        </button>
      ) : (
        <>
      <button type="button" className={item} onClick={props.onHighlight}>
        <span aria-hidden="true" className="h-3 w-3 rounded-sm bg-yellow-300" />
        Highlight <kbd className="ml-1 text-xs text-stone-400">H</kbd>
      </button>
      <button type="button" className={item} onClick={props.onComment}>
        <span aria-hidden="true" className="h-3 w-3 rounded-sm bg-amber-400" />
        Comment <kbd className="ml-1 text-xs text-stone-400">C</kbd>
      </button>
      <button type="button" className={item} onClick={props.onQuestion}>
        <span aria-hidden="true" className="h-3 w-3 rounded-sm bg-sky-400" />
        Question
      </button>
      <button type="button" className={item} onClick={props.onClaim}>
        <span aria-hidden="true" className="h-3 w-3 rounded-sm bg-fuchsia-400" />
        Claim
      </button>
        </>
      )}
    </div>
  );
}
