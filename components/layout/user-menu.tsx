"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { useEffect, useRef, useState, type ReactNode } from "react";

export function UserMenu({ name, email, children }: { name: string; email: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  return (
    <div className="relative" ref={ref}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Account menu for ${name}`}
        onClick={() => setOpen((o) => !o)}
        className="rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600"
      >
        {children}
      </button>
      {open && (
        <div
          role="menu"
          className="absolute right-0 mt-2 w-60 rounded-lg border border-stone-200 bg-white py-1 text-sm shadow-lg dark:border-stone-800 dark:bg-stone-900"
        >
          <div className="border-b border-stone-100 px-3 py-2 dark:border-stone-800">
            <p className="font-medium">{name}</p>
            <p className="truncate text-xs text-stone-500 dark:text-stone-400">{email}</p>
          </div>
          <Link
            role="menuitem"
            href="/"
            className="block px-3 py-2 hover:bg-stone-100 dark:hover:bg-stone-800"
            onClick={() => setOpen(false)}
          >
            Your workspaces
          </Link>
          <Link
            role="menuitem"
            href="/settings"
            className="block px-3 py-2 hover:bg-stone-100 dark:hover:bg-stone-800"
            onClick={() => setOpen(false)}
          >
            Settings and API tokens
          </Link>
          <button
            role="menuitem"
            type="button"
            className="block w-full px-3 py-2 text-left hover:bg-stone-100 dark:hover:bg-stone-800"
            onClick={() => signOut({ callbackUrl: "/signin" })}
          >
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
