import { z } from "zod";
import { ROLES, emailField, requiredText } from "./common";

export const createWorkspaceSchema = z.object({ name: requiredText("Workspace name", 80) });
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceSchema>;

export const addMemberSchema = z.object({
  email: emailField,
  role: z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(", ")}.` }),
});
export type AddMemberInput = z.infer<typeof addMemberSchema>;
