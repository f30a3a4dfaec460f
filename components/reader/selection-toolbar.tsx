"use client";

export type ToolbarRect = { top: number; left: number; bottom: number; width: number };

type Props = { rect: ToolbarRect; docked: boolean } & (
  | {
      onHighlight: () => void;
      onComment: () => void;
      onQuestion: () => void;
      onClaim: () => void;
      onCite: () => void;
      attachLabel?: undefined;
      onAttach?: undefined;
    }
  | { attachLabel: string; onAttach: () => void }
);

/** The toolbar's width beside a selection (five buttons), for keeping it on the screen. */
const WIDTH = 480;

/**
 * Where the toolbar goes. Beside the selection (above it, or below when there
 * is no room above) with a mouse; on a phone (`docked`), along the bottom of
 * the screen above the annotations sheet, where the system's own menu for the
 * selection (copy, share) does not cover it and a thumb reaches it.
 */
export function toolbarPlacement(rect: ToolbarRect, windowWidth: number, docked: boolean): React.CSSProperties {
  if (docked) return { position: "fixed", left: 8, right: 8, bottom: 56 };
  const above = rect.top > 56;
  return {
    position: "fixed",
    top: above ? rect.top - 44 : rect.bottom + 8,
    left: Math.max(8, Math.min(rect.left + rect.width / 2 - WIDTH / 2, windowWidth - WIDTH - 8)),
  };
}

/** The small toolbar that appears next to selected text. */
export function SelectionToolbar(props: Props) {
  const { rect, docked } = props;
  // Docked on a phone, five buttons share the screen's width: the swatch goes above the word, so none is cut off at 360 px.
  const item = `flex items-center justify-center rounded font-medium text-white hover:bg-white/15 focus-visible:outline-2 focus-visible:outline-amber-400 ${docked ? "min-h-11 min-w-0 flex-1 flex-col gap-1 px-1 py-1 text-[13px] leading-none" : "gap-1.5 px-2.5 py-1.5 text-sm"}`;
  const key = (k: string) => !docked && <kbd className="ml-1 text-xs text-stone-400">{k}</kbd>;
  return (
    <div
      role="toolbar"
      aria-label="Annotate selection"
      data-testid="selection-toolbar"
      style={toolbarPlacement(rect, window.innerWidth, docked)}
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
            Highlight {key("H")}
          </button>
          <button type="button" className={item} onClick={props.onComment}>
            <span aria-hidden="true" className="h-3 w-3 rounded-sm bg-amber-400" />
            Comment {key("C")}
          </button>
          <button type="button" className={item} onClick={props.onQuestion}>
            <span aria-hidden="true" className="h-3 w-3 rounded-sm bg-sky-400" />
            Question
          </button>
          <button type="button" className={item} onClick={props.onClaim}>
            <span aria-hidden="true" className="h-3 w-3 rounded-sm bg-fuchsia-400" />
            Claim
          </button>
          <span aria-hidden="true" className={docked ? "hidden" : "mx-0.5 h-5 w-px bg-white/25"} />
          <button type="button" className={item} onClick={props.onCite} data-testid="cite-selection">
            <span aria-hidden="true" className="text-[13px] leading-3 text-stone-300">
              ❝
            </span>
            {docked ? "Cite" : "Copy citation"}
          </button>
        </>
      )}
    </div>
  );
}
