import { z } from "zod";
import { emailField, requiredText, roleField } from "./common";

export const createWorkspaceSchema = z.object({ name: requiredText("Workspace name", 80) });
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceSchema>;

export const addMemberSchema = z.object({ email: emailField, role: roleField });
export type AddMemberInput = z.infer<typeof addMemberSchema>;

export const changeRoleSchema = z.object({ role: roleField });
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;
