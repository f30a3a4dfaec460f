"use client";

import { useEffect, useRef } from "react";

export interface MenuItem {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  hint?: string;
}

/**
 * A small menu under its button: focus starts on the first item, the arrow
 * keys, Home and End move, Enter chooses, Esc and Tab close it (Esc gives focus
 * back to the button), and so does a click anywhere else.
 */
export function PassageMenu({
  id,
  label,
  items,
  onClose,
}: {
  id: string;
  label: string;
  items: MenuItem[];
  onClose: (refocus: boolean) => void;
}) {
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !(target instanceof Element && target.closest(`[aria-controls="${id}"]`))) onClose(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [id, onClose]);

  function onKeyDown(event: React.KeyboardEvent) {
    const options = Array.from(menu.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? []);
    const at = options.indexOf(document.activeElement as HTMLElement);
    const to = {
      ArrowDown: (at + 1) % options.length,
      ArrowUp: (at - 1 + options.length) % options.length,
      Home: 0,
      End: options.length - 1,
    }[event.key];
    event.stopPropagation();
    if (to !== undefined) {
      event.preventDefault();
      options[to]?.focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      onClose(true);
    } else if (event.key === "Tab") onClose(false);
  }

  return (
    <div
      ref={menu}
      id={id}
      role="menu"
      aria-label={label}
      onKeyDown={onKeyDown}
      className="absolute top-full right-0 z-20 mt-1 w-56 rounded-md border border-stone-200 bg-white p-1 shadow-lg dark:border-stone-700 dark:bg-stone-900"
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          aria-disabled={item.disabled || undefined}
          onClick={() => {
            if (item.disabled) return;
            item.onSelect();
            onClose(true);
          }}
          className="flex min-h-11 w-full flex-col items-start justify-center rounded px-3 py-1.5 text-left text-sm text-stone-800 outline-none hover:bg-stone-100 focus-visible:bg-stone-100 focus-visible:outline-2 focus-visible:outline-amber-600 aria-disabled:cursor-not-allowed aria-disabled:text-stone-400 sm:min-h-9 dark:text-stone-200 dark:hover:bg-stone-800 dark:focus-visible:bg-stone-800 dark:aria-disabled:text-stone-500"
        >
          {item.label}
          {item.hint && <span className="text-xs text-stone-500 dark:text-stone-400">{item.hint}</span>}
        </button>
      ))}
    </div>
  );
}
