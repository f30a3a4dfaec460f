/** Where in the window a focused highlight is brought to: a quarter down, so the card beside it has room below. */
const HIGHLIGHT_AT = 0.25;
/** The sticky top bar, and a little air. */
const TOP_BAR = 72;

function smooth(): ScrollBehavior {
  return typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
}

/**
 * How far the window scrolls to bring a highlight whose top is at `top` into
 * the upper part of a window `height` tall: not at all while it is already
 * there (moving between neighbours with j/k keeps the page still).
 */
export function highlightScroll(top: number, height: number): number {
  if (top >= TOP_BAR && top <= height * 0.6) return 0;
  return top - Math.max(TOP_BAR, height * HIGHLIGHT_AT);
}

/** Brings a highlight into the upper part of the window; the card beside it (aligned with it) comes along. */
export function bringHighlightIntoView(el: Element): void {
  const by = highlightScroll(el.getBoundingClientRect().top, window.innerHeight);
  if (by !== 0) window.scrollBy({ top: by, behavior: smooth() });
}

function scrollsItself(el: HTMLElement): boolean {
  const { overflowY } = getComputedStyle(el);
  return (overflowY === "auto" || overflowY === "scroll") && el.scrollHeight > el.clientHeight;
}

/**
 * Scrolls the box a card lists in (a long list, the phone's sheet) so the card
 * is in it, without moving the window: scrollIntoView would scroll the window
 * too, away from the highlight just brought into view.
 */
export function scrollCardIntoList(card: HTMLElement): void {
  for (let box = card.parentElement; box && box !== document.body; box = box.parentElement) {
    if (!scrollsItself(box)) continue;
    const outer = box.getBoundingClientRect();
    const inner = card.getBoundingClientRect();
    if (inner.top < outer.top) box.scrollBy({ top: inner.top - outer.top - 8, behavior: smooth() });
    else if (inner.bottom > outer.bottom)
      box.scrollBy({ top: Math.min(inner.bottom - outer.bottom + 8, inner.top - outer.top - 8), behavior: smooth() });
    return;
  }
}
