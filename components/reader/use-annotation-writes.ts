"use client";

import type { VisibilityChoice } from "@/components/annotations/visibility-select";
import type { ToastMessage } from "@/components/ui/toast";
import { apiFetch } from "@/lib/api/browser/client";
import type { DraftKind } from "./use-composer-draft";
import type { useOrphans } from "./use-orphans";
import type { ReaderAnnotations } from "./use-reader-annotations";
import type { PendingSelection, ReaderAnnotation } from "./types";

/**
 * What the reader writes to the API about annotations, and how each answer
 * lands in the list: a new one (then opened, `onCreated`), one deleted (with
 * Undo) or restored, an orphan re-attached. Failures are told in words
 * through `onError`; a new one that fails throws, so the composer keeps what
 * was typed.
 */
export function useAnnotationWrites({
  reportId,
  visibility,
  store,
  orphans,
  onCreated,
  onDeleted,
  onError,
  toast,
}: {
  reportId: string;
  visibility: VisibilityChoice;
  store: ReaderAnnotations;
  orphans: ReturnType<typeof useOrphans>;
  onCreated: (id: string) => void;
  onDeleted: () => void;
  onError: (message: string | null) => void;
  toast: (t: ToastMessage) => void;
}) {
  async function create(selection: PendingSelection, fields: { kind: DraftKind | "highlight"; body?: string; claimSummary?: string }) {
    const created = await apiFetch<ReaderAnnotation>(`/api/v1/reports/${reportId}/annotations`, {
      method: "POST",
      json: { passageId: selection.passageId, start: selection.start, end: selection.end, quote: selection.quote, visibility, ...fields },
    });
    store.put(created);
    onCreated(created.id);
  }

  async function restore(a: ReaderAnnotation) {
    try {
      store.restored(await apiFetch<ReaderAnnotation>(`/api/v1/annotations/${a.id}/restore`, { method: "POST" }));
    } catch (e) {
      onError(`The annotation could not be restored: ${(e as Error).message}`);
    }
  }

  return {
    create,
    async highlight(selection: PendingSelection) {
      try {
        onError(null);
        await create(selection, { kind: "highlight" });
      } catch (e) {
        onError(`The highlight was not saved: ${(e as Error).message}`);
      }
    },
    async remove(a: ReaderAnnotation) {
      try {
        onError(null);
        await apiFetch(`/api/v1/annotations/${a.id}`, { method: "DELETE" });
        store.remove(a.id);
        onDeleted();
        toast({ message: "Annotation deleted.", action: { label: "Undo", run: () => void restore(a) } });
      } catch (e) {
        onError(`The annotation was not deleted: ${(e as Error).message}`);
      }
    },
    /** Puts an orphan (or any annotation) on new text; true when it is placed. */
    async attach(id: string, selection: PendingSelection): Promise<boolean> {
      try {
        onError(null);
        const placed = await apiFetch<ReaderAnnotation>(`/api/v1/annotations/${id}/anchor`, {
          method: "PUT",
          json: { passageId: selection.passageId, start: selection.start, end: selection.end },
        });
        orphans.remove(placed.id);
        store.put(placed);
        return true;
      } catch (e) {
        onError(`The annotation was not re-attached: ${(e as Error).message}`);
        return false;
      }
    },
  };
}
