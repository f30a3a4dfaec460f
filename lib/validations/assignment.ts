import { z } from "zod";
import { ASSIGNMENT_TABS } from "@/lib/domain/assignments";
import { idField } from "./common";

/** GET /me/assignments' query: which tab (open by default), and optionally one workspace (id or slug). */
export const assignmentsQuerySchema = z.object({
  status: z.enum(ASSIGNMENT_TABS, { error: `status must be one of: ${ASSIGNMENT_TABS.join(", ")}.` }).default("open"),
  workspace: idField("workspace").optional(),
});
export type AssignmentsQuery = z.infer<typeof assignmentsQuerySchema>;
