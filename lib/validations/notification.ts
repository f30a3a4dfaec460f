import { z } from "zod";

export const markReadSchema = z
  .object({
    ids: z.array(z.string().max(64)).max(500).optional(),
    all: z.boolean().optional(),
  })
  .refine((v) => v.all === true || (v.ids?.length ?? 0) > 0, "Send { all: true } or the ids to mark read.");
