"use client";

import { AnnotationFilters } from "@/components/annotations/annotation-filters";
import type { Filters } from "@/components/annotations/filters";
import { OrphansPanel } from "@/components/annotations/orphans-panel";
import { VisibilitySelect, type VisibilityChoice } from "@/components/annotations/visibility-select";
import type { useOrphans } from "./use-orphans";
import type { ReaderAnnotation } from "./types";

interface Props {
  annotations: ReaderAnnotation[];
  visibleCount: number;
  loadingRest: boolean;
  wide: boolean;
  filters: Filters;
  onFilters: (next: Filters) => void;
  /** For those who annotate: who sees the new ones. */
  visibility: { value: VisibilityChoice; onChange: (v: VisibilityChoice) => void } | null;
  orphans: ReturnType<typeof useOrphans>;
  canReattach: boolean;
  reattaching: string | null;
  onReattach: (id: string | null) => void;
  meId: string;
}

/** Above the cards: how many there are, who sees new ones, the orphans, and the filters. */
export function AnnotationsHeader({
  annotations,
  visibleCount,
  loadingRest,
  wide,
  filters,
  onFilters,
  visibility,
  orphans,
  canReattach,
  reattaching,
  onReattach,
  meId,
}: Props) {
  return (
    // In a long list's fixed-height panel, the list takes the room that is left, never the header.
    <div className="shrink-0">
      <div className="mb-3 flex items-center justify-between gap-2">
        {/* On phones the sheet's own button already names the list. */}
        <h2 className={wide ? "text-sm font-semibold" : "sr-only"}>
          Annotations{" "}
          <span className="font-normal text-stone-500 dark:text-stone-400">
            {visibleCount === annotations.length ? annotations.length : `${visibleCount} of ${annotations.length}`}
          </span>
          {loadingRest && (
            <span role="status" className="ml-2 text-xs font-normal text-stone-500 dark:text-stone-400">
              loading more…
            </span>
          )}
        </h2>
        {visibility && <VisibilitySelect value={visibility.value} onChange={visibility.onChange} label="New ones visible to" />}
      </div>
      <OrphansPanel
        orphans={orphans.orphans}
        total={orphans.total}
        more={orphans.more}
        loading={orphans.loading}
        error={orphans.error}
        onShowMore={orphans.showMore}
        canReattach={canReattach}
        reattachingId={reattaching}
        onReattach={onReattach}
      />
      {reattaching && (
        <p role="status" className="mb-3 rounded-md bg-amber-100 px-3 py-2 text-sm text-amber-950 dark:bg-amber-900 dark:text-amber-50">
          Select the text this annotation belongs to, then choose “Attach here”.
        </p>
      )}
      {annotations.length > 0 && <AnnotationFilters annotations={annotations} filters={filters} onChange={onFilters} meId={meId} />}
    </div>
  );
}
