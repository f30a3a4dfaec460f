import Link from "next/link";
import type { ReactNode } from "react";

/**
 * The top of a page under the app bar: a link back to where the page belongs,
 * the page's one h1, then optionally the report it is about (`subtitle`, in
 * the reading face, laid out by its own direction) and a line on what the
 * page is for (`description`).
 */
export function PageHeader({
  back,
  title,
  subtitle,
  description,
}: {
  back?: { href: string; label: string };
  title: string;
  subtitle?: string;
  description?: ReactNode;
}) {
  return (
    <header>
      {back && (
        <p className="text-sm">
          <Link href={back.href} className="text-stone-600 underline underline-offset-2 dark:text-stone-400">
            ← {back.label}
          </Link>
        </p>
      )}
      <h1 className={`${back ? "mt-3 " : ""}font-serif text-3xl font-semibold tracking-tight`}>{title}</h1>
      {subtitle && (
        <p dir="auto" className="mt-1 font-serif text-lg text-stone-600 dark:text-stone-400">
          {subtitle}
        </p>
      )}
      {description && <p className="mt-1 text-stone-600 dark:text-stone-400">{description}</p>}
    </header>
  );
}
