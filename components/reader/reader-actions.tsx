"use client";

import type { Filters } from "@/components/annotations/filters";
import { ExportDialog } from "@/components/export/export-dialog";
import { ImportAnnotationsDialog } from "@/components/workspaces/import-annotations-dialog";
import { Button } from "@/components/ui/button";
import { ReadingNow } from "./presence";
import type { LiveStatus, PresentPerson } from "./use-live-report";

interface Props {
  reportId: string;
  slug: string;
  members: { id: string; name: string }[];
  tags: { name: string; color: string }[];
  filters: Filters;
  /** The current version: exports and imports work on it (an earlier one is only read). */
  current: boolean;
  canImport: boolean;
  onImported: () => void;
  onHelp: () => void;
  others: PresentPerson[];
  liveStatus: LiveStatus;
  /** The language name of the report's translation, when it has one (the export can quote it). */
  counterpartLanguage?: string | null;
}

/** Under the report's title: export, import annotations, the keyboard shortcuts, and who else is reading. */
export function ReaderActions({
  reportId,
  slug,
  members,
  tags,
  filters,
  current,
  canImport,
  onImported,
  onHelp,
  others,
  liveStatus,
  counterpartLanguage = null,
}: Props) {
  return (
    <div className="-mt-6 mb-10 flex flex-wrap items-center gap-2">
      {current && (
        <ExportDialog
          reportId={reportId}
          slug={slug}
          members={members}
          tags={tags}
          initialFilters={filters}
          counterpartLanguage={counterpartLanguage}
        />
      )}
      {current && canImport && <ImportAnnotationsDialog reportId={reportId} onImported={onImported} />}
      <Button variant="ghost" size="sm" onClick={onHelp} aria-keyshortcuts="Shift+?" className="max-sm:hidden">
        Keyboard shortcuts{" "}
        <kbd className="rounded border border-stone-300 px-1 text-[10px] text-stone-500 dark:border-stone-700 dark:text-stone-400">?</kbd>
      </Button>
      <ReadingNow people={others} status={liveStatus} />
    </div>
  );
}
