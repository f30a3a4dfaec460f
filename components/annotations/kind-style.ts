import type { BadgeTone } from "@/components/ui/badge";

export const KIND_LABEL = { highlight: "Highlight", comment: "Comment", question: "Question", claim: "Claim" } as const;
export const KIND_TONE: Record<keyof typeof KIND_LABEL, BadgeTone> = { highlight: "yellow", comment: "amber", question: "sky", claim: "fuchsia" };
export const KIND_BAR: Record<keyof typeof KIND_LABEL, string> = {
  highlight: "before:bg-yellow-400",
  comment: "before:bg-amber-500",
  question: "before:bg-sky-500",
  claim: "before:bg-fuchsia-500",
};
