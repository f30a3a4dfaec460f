export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded bg-stone-200 dark:bg-stone-800 ${className}`} />;
}

/** A panel whose code is still loading (an editor's, say): its name for screen readers, a few grey lines for the eye. */
export function LoadingPanel({ label, ref, style }: { label: string; ref?: React.Ref<HTMLElement>; style?: React.CSSProperties }) {
  return (
    <section
      ref={ref}
      style={style}
      aria-label={label}
      aria-busy="true"
      className="space-y-2.5 rounded-lg border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900"
    >
      <span role="status" className="sr-only">
        Loading…
      </span>
      <Skeleton className="h-3.5 w-1/3" />
      <Skeleton className="h-3.5 w-full" />
      <Skeleton className="h-3.5 w-4/5" />
    </section>
  );
}
