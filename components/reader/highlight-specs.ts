import { DRAFT_KEY } from "@/components/annotations/annotation-sidebar";
import type { HighlightSpec } from "./editor-positions";
import type { PendingSelection } from "./types";

type Placed = Pick<HighlightSpec, "id" | "passageId" | "start" | "end" | "kind">;

/**
 * The highlights to paint: the annotations shown (those with cards, then those
 * only in the index while cards arrive), the open one outlined, and the place
 * of the comment being written.
 */
export function highlightSpecs(shown: Placed[], focusedId: string | null, draft: PendingSelection | null): HighlightSpec[] {
  const specs: HighlightSpec[] = shown.map((a) => ({
    id: a.id,
    passageId: a.passageId,
    start: a.start,
    end: a.end,
    kind: a.kind,
    focused: a.id === focusedId,
  }));
  if (draft) specs.push({ id: DRAFT_KEY, passageId: draft.passageId, start: draft.start, end: draft.end, kind: "pending", focused: true });
  return specs;
}
