import { z } from "zod";

export const ROLES = ["owner", "editor", "annotator", "viewer"] as const;
export type RoleName = (typeof ROLES)[number];

export const ANNOTATION_KINDS = ["highlight", "comment", "question", "claim"] as const;
export const VISIBILITIES = ["private", "workspace"] as const;

/** Trimmed text that must not be empty once trimmed. */
export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`);

export const emailField = z
  .string({ error: "Email is required." })
  .trim()
  .toLowerCase()
  .max(254, "Email is too long.")
  .pipe(z.email("Enter a valid email address."));
