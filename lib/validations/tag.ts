import { z } from "zod";
import { tagName } from "./annotation";
import { multilineText } from "./common";

const color = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, "Colour must be a hex colour such as #b45309.");

export const createTagSchema = z.object({
  name: tagName.min(1, "Tag name is required."),
  color: color.optional(),
  description: multilineText("The description").trim().max(500, "The description must be at most 500 characters.").optional(),
});
export type CreateTagInput = z.infer<typeof createTagSchema>;

export const updateTagSchema = createTagSchema.partial();
export type UpdateTagInput = z.infer<typeof updateTagSchema>;

/** A calm palette that keeps text readable on a tinted chip. */
export const TAG_COLORS = ["#b45309", "#0369a1", "#7e22ce", "#15803d", "#be123c", "#4d7c0f", "#0f766e", "#a16207", "#57534e"] as const;
