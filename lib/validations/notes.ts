import { z } from "zod";

/** Team notes are a document, not a comment: they may be long. */
export const NOTES_MAX = 200_000;

export const saveNotesSchema = z.object({
  body: z.string({ error: "body is required: the notes as Markdown." }),
  version: z
    .number({ error: "version is required: send the version you read (0 before the first save)." })
    .int("version must be a whole number.")
    .min(0, "version must be 0 or more."),
});
export type SaveNotesInput = z.infer<typeof saveNotesSchema>;
