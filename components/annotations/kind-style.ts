import type { BadgeTone } from "@/components/ui/badge";
import type { AnnotationKindName, VerdictName } from "@/lib/domain/words";

// The kinds' and verdicts' names are lib/domain/words.ts's KIND_LABEL and VERDICT_LABEL.
export const KIND_TONE: Record<AnnotationKindName, BadgeTone> = {
  highlight: "yellow",
  comment: "amber",
  question: "sky",
  claim: "fuchsia",
};
export const KIND_BAR: Record<AnnotationKindName, string> = {
  highlight: "before:bg-yellow-400",
  comment: "before:bg-amber-500",
  question: "before:bg-sky-500",
  claim: "before:bg-fuchsia-500",
};

export const VERDICT_TONE: Record<VerdictName, BadgeTone> = {
  unverified: "neutral",
  supported: "emerald",
  contested: "amber",
  refuted: "red",
};

export const STANCE_LABEL = { supports: "Supports", disputes: "Disputes", needs_evidence: "Needs evidence" } as const;
export const STANCE_TEXT = {
  supports: "text-emerald-700 dark:text-emerald-400",
  disputes: "text-red-700 dark:text-red-400",
  needs_evidence: "text-amber-700 dark:text-amber-400",
} as const;
