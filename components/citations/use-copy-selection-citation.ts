"use client";

import { useCallback, useEffect } from "react";
import type { PendingSelection, ReaderPassage } from "@/components/reader/types";
import type { ToastMessage, useToast } from "@/components/ui/toast";
import { locatorOf, type AnnotationCitation } from "@/lib/domain/citations";
import { useCitationStyle } from "./copy-citation-menu";
import { copyCitation } from "./copy-citation";

/** The report's reference as text in a style, from the API. */
async function reportReference(reportId: string, style: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/reports/${reportId}/citation?format=text&style=${style}`);
  } catch {
    throw new Error("Could not reach the server. Check your connection and try again.");
  }
  if (!res.ok) throw new Error(((await res.json().catch(() => null))?.error?.message as string) ?? `The request failed (${res.status}).`);
  return (await res.text()).trim();
}

/**
 * "Copy citation" for a selection not yet annotated: its quote, its ¶ (and page,
 * for a PDF), the report's reference in the style last chosen, and a link to the passage.
 */
export function useCopySelectionCitation(options: {
  reportId: string;
  slug: string;
  passages: ReaderPassage[];
  toast: (message: ToastMessage) => void;
}) {
  const { reportId, slug, passages, toast } = options;
  const [style] = useCitationStyle();
  return useCallback(
    (selection: PendingSelection) => {
      const passage = passages.find((p) => p.id === selection.passageId);
      const citation: Promise<AnnotationCitation> = reportReference(reportId, style).then((text) => ({
        quote: selection.quote,
        locator: locatorOf({ index: selection.passageIndex, page: passage?.page ?? null }),
        text,
        url: `${window.location.origin}/w/${slug}/r/${reportId}#p-${selection.passageIndex}`,
      }));
      copyCitation(citation).then(
        (done) =>
          toast({
            message: `Citation copied: “${done.quote.length > 40 ? `${done.quote.slice(0, 40)}…` : done.quote}” (${done.locator}).`,
          }),
        (err: Error) => toast({ message: `The citation was not copied: ${err.message}` }),
      );
    },
    [reportId, slug, passages, toast, style],
  );
}

/**
 * The selection toolbar's "Copy citation", and its confirmation kept out of the
 * toolbar's way: a notice ("Citation copied") would cover a phone's docked
 * toolbar, so a new selection clears it (a toast with an action, such as Undo, stays).
 */
export function useSelectionCitation(options: {
  reportId: string;
  slug: string;
  passages: ReaderPassage[];
  toasts: ReturnType<typeof useToast>;
  selecting: boolean;
}) {
  const { toasts, selecting } = options;
  const { dismissNotice } = toasts;
  useEffect(() => (selecting ? dismissNotice() : undefined), [selecting, dismissNotice]);
  return useCopySelectionCitation({ ...options, toast: toasts.show });
}
