import { z } from "zod";
import { ANNOTATION_KINDS, VISIBILITIES } from "./common";

export const BODY_MAX = 20_000;

export const createAnnotationSchema = z.object({
  passageId: z.string({ error: "passageId is required." }).min(1).max(64),
  start: z.number({ error: "start must be a number." }).int("start must be a whole number.").min(0, "start must be 0 or more."),
  end: z.number({ error: "end must be a number." }).int("end must be a whole number.").min(0, "end must be 0 or more."),
  // Markdown. Its size is checked by the server (413 when over BODY_MAX).
  body: z.string().optional(),
  kind: z.enum(ANNOTATION_KINDS).optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  // When sent, must equal the passage text between start and end.
  quote: z.string().max(BODY_MAX).optional(),
});
export type CreateAnnotationInput = z.infer<typeof createAnnotationSchema>;
