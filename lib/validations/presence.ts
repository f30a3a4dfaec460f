import { z } from "zod";
import { wholeNumber } from "./common";

/** A page's session id (it names the page's presence and its live stream). */
export const SESSION_ID = /^[A-Za-z0-9-]{8,64}$/;

export const presenceSchema = z.object({
  sessionId: z.string().regex(SESSION_ID, "sessionId must be 8–64 letters, digits or dashes."),
  passageIndex: wholeNumber("passageIndex", { min: 1, max: 1_000_000 }).nullable().optional(),
  leaving: z.boolean().optional(),
});
