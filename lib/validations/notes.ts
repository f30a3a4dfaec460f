import { z } from "zod";
import { multilineText, wholeNumber } from "./common";

/** Team notes are a document, not a comment: they may be long. */
export const NOTES_MAX = 200_000;

export const saveNotesSchema = z.object({
  body: multilineText("body", "body is required: the notes as Markdown."),
  version: wholeNumber("version", { min: 0, error: "version is required: send the version you read (0 before the first save)." }),
});
export type SaveNotesInput = z.infer<typeof saveNotesSchema>;
