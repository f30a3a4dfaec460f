"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center px-6 text-center">
      <h1 className="font-serif text-3xl font-semibold">Something went wrong</h1>
      <p className="mt-3 text-stone-600 dark:text-stone-400">
        The page could not be shown. Your work is saved; try again, and if it keeps happening, reload the page.
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-stone-900 px-4 py-2 text-sm font-medium text-white dark:bg-stone-100 dark:text-stone-900">
        Try again
      </button>
    </main>
  );
}
