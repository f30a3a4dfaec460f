import { Button } from "@/components/ui/button";
import { formatSize } from "./messages";

/** The chosen file, its size, and a way to take it back. */
export function FileCard({ file, onRemove }: { file: File; onRemove: () => void }) {
  return (
    <div className="flex items-center justify-between gap-3 rounded-md border border-stone-200 bg-white px-3 py-2 dark:border-stone-800 dark:bg-stone-900">
      <div className="min-w-0">
        <p className="truncate text-sm font-medium" dir="auto" title={file.name}>
          {file.name}
        </p>
        <p className="text-xs text-stone-500 dark:text-stone-400">{formatSize(file.size)}</p>
      </div>
      <Button variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove ${file.name}`}>
        Remove
      </Button>
    </div>
  );
}
