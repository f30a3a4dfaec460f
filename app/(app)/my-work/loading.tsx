import { Skeleton } from "@/components/ui/skeleton";

/** While My work's first page is read: the page's frame, and grey rows where the threads will be. */
export default function MyWorkLoading() {
  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6" aria-busy="true">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">My work</h1>
      <span role="status" className="sr-only">
        Loading your threads…
      </span>
      <div className="mt-6 space-y-3">
        {[0, 1, 2].map((i) => (
          <div key={i} className="space-y-2 rounded-lg border border-stone-200 p-4 dark:border-stone-800">
            <Skeleton className="h-3 w-1/4" />
            <Skeleton className="h-4 w-4/5" />
            <Skeleton className="h-3 w-1/2" />
          </div>
        ))}
      </div>
    </main>
  );
}
