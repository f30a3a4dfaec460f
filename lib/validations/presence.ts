import { z } from "zod";
import { wholeNumber } from "./common";

export const presenceSchema = z.object({
  sessionId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, "sessionId must be 8–64 letters, digits or dashes."),
  passageIndex: wholeNumber("passageIndex", { min: 1, max: 1_000_000 }).nullable().optional(),
  leaving: z.boolean().optional(),
});
