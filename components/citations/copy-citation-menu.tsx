"use client";

import { useEffect, useRef, useState } from "react";
import { useStoredChoice } from "@/components/reader/use-stored-choice";
import { apiFetch } from "@/lib/api/browser/client";
import {
  CITATION_STYLE_LABEL,
  CITATION_STYLE_SHORT,
  CITATION_STYLES,
  type AnnotationCitation,
  type CitationStyleName,
} from "@/lib/domain/citations";
import { copyCitation } from "./copy-citation";

/** The style last chosen in this browser, shared by every "Copy citation". */
export function useCitationStyle() {
  return useStoredChoice<CitationStyleName>("marginalia.citationStyle", CITATION_STYLES);
}

/**
 * "Copy citation" on an annotation's card: copies the quote, its ¶ and the
 * report's reference in the style last used; the arrow beside it opens a menu of
 * the styles (arrow keys move, Esc closes). Says what it copied, or why not.
 */
export function CopyCitationMenu({ annotationId, className }: { annotationId: string; className: string }) {
  const [style, setStyle] = useCitationStyle();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>("[aria-checked=true]")?.focus();
    const close = (e: PointerEvent) => {
      if (!menuRef.current?.contains(e.target as Node) && e.target !== toggleRef.current) setOpen(false);
    };
    document.addEventListener("pointerdown", close);
    return () => document.removeEventListener("pointerdown", close);
  }, [open]);

  async function copy(chosen: CitationStyleName) {
    setStyle(chosen);
    setOpen(false);
    setStatus(null);
    const citation = apiFetch<AnnotationCitation>(`/api/v1/annotations/${annotationId}/citation?style=${chosen}`);
    try {
      const done = await copyCitation(citation);
      setStatus({ tone: "ok", text: `Copied: ${done.locator}, ${CITATION_STYLE_LABEL[chosen]}` });
    } catch (err) {
      setStatus({ tone: "error", text: `Not copied: ${(err as Error).message}` });
    }
  }

  function onMenuKey(e: React.KeyboardEvent) {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>("[role=menuitemradio]") ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      items[(at + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length]?.focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      toggleRef.current?.focus();
    }
  }

  return (
    <>
      <span className="relative inline-flex items-center gap-x-1" onClick={(e) => e.stopPropagation()}>
        <button type="button" className={className} onClick={() => void copy(style)} data-testid="copy-citation">
          Copy citation
        </button>
        <button
          ref={toggleRef}
          type="button"
          className={`${className} px-1 no-underline!`}
          aria-haspopup="menu"
          aria-expanded={open}
          aria-label={`Citation style: ${CITATION_STYLE_LABEL[style]}`}
          title="Choose the citation style"
          onClick={() => setOpen((o) => !o)}
        >
          · {CITATION_STYLE_SHORT[style]} <span aria-hidden="true">▾</span>
        </button>
        {open && (
          <div
            ref={menuRef}
            role="menu"
            aria-label="Copy citation in a style"
            data-testid="citation-menu"
            onKeyDown={onMenuKey}
            className="absolute top-full left-0 z-30 mt-1 w-56 rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-stone-200 dark:bg-stone-800 dark:ring-stone-700"
          >
            <p className="px-3 pt-1 pb-1.5 text-xs text-stone-500 dark:text-stone-400">Copy the quote, its ¶ and the reference in</p>
            {CITATION_STYLES.map((s) => (
              <button
                key={s}
                type="button"
                role="menuitemradio"
                aria-checked={s === style}
                tabIndex={s === style ? 0 : -1}
                className="flex min-h-11 w-full items-center gap-2 px-3 text-left text-stone-800 hover:bg-stone-100 focus-visible:bg-stone-100 focus-visible:outline-none sm:min-h-9 dark:text-stone-100 dark:hover:bg-stone-700 dark:focus-visible:bg-stone-700"
                onClick={() => void copy(s)}
              >
                <span aria-hidden="true" className="w-3 text-amber-600 dark:text-amber-400">
                  {s === style ? "✓" : ""}
                </span>
                {CITATION_STYLE_LABEL[s]}
              </button>
            ))}
          </div>
        )}
      </span>
      {/* On a line of its own after the card's other actions, so it never pushes them under the menu. */}
      <span
        role="status"
        className={`order-last basis-full text-xs empty:hidden ${status?.tone === "error" ? "text-red-700 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400"}`}
      >
        {status?.text}
      </span>
    </>
  );
}
