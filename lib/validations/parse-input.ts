import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** Checks input against a schema: its data, or a 422 naming every field at fault (`validation_failed`). */
export function parseInput<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new AppError("validation_failed", issues[0]?.message ?? "The request is invalid.", { issues });
  }
  return result.data;
}
