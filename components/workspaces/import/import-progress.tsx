/** What is happening while a report is read or imported, with a bar that moves. */
export function ImportProgress({ busy, slow }: { busy: "preview" | "import"; slow: boolean }) {
  const label = busy === "preview" ? "Reading the report" : "Importing the report";
  return (
    <div role="status" className="space-y-2 rounded-md border border-stone-200 bg-white px-4 py-3 dark:border-stone-800 dark:bg-stone-900">
      <p className="text-sm text-stone-700 dark:text-stone-300">
        {label}…{slow && <span className="text-stone-500 dark:text-stone-400"> Large files and slow sites can take a few seconds.</span>}
      </p>
      <style href="marginalia-indeterminate-bar" precedence="default">{`
        @keyframes marginalia-indeterminate { 0% { transform: translateX(-100%); } 100% { transform: translateX(250%); } }
      `}</style>
      <div
        role="progressbar"
        aria-label={label}
        aria-busy="true"
        className="relative h-1.5 w-full overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800"
      >
        <div className="absolute inset-y-0 left-0 w-2/5 animate-[marginalia-indeterminate_1.4s_ease-in-out_infinite] rounded-full bg-amber-600 motion-reduce:w-full motion-reduce:animate-pulse dark:bg-amber-400" />
      </div>
    </div>
  );
}
