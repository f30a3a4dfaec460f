import { z } from "zod";
import { idField } from "./common";

/** Far beyond any real report's passages; keeps a body's arrays bounded. */
const MAX_IDS = 100_000;
const ids = (label: string) => z.array(idField(label)).max(MAX_IDS);

/** An alignment an editor sends (PUT /reports/{id}/alignment): the report's passages on the source side. */
export const alignmentSchema = z.object({
  pairs: z
    .array(z.object({ source: ids("Each source passage").min(1).max(2), target: ids("Each target passage").min(1).max(2) }))
    .max(MAX_IDS),
  unaligned: z.object({ source: ids("Each unaligned source passage"), target: ids("Each unaligned target passage") }),
});
export type AlignmentInput = z.infer<typeof alignmentSchema>;

/** `?counterpart=<report id>`: which translation, when a report has more than one. */
export const counterpartQuerySchema = z.object({ counterpart: idField("counterpart").optional() });
