import { z } from "zod";
import { idField } from "./common";

export const markReadSchema = z
  .object({
    ids: z.array(idField("ids")).max(500).optional(),
    all: z.boolean().optional(),
  })
  .refine((v) => v.all === true || (v.ids?.length ?? 0) > 0, "Send { all: true } or the ids to mark read.");
