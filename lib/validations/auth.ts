import { z } from "zod";
import { emailField, multilineText, requiredText } from "./common";
import { invitationToken } from "./invitation";

/** Length is the floor; lib/validations/password-strength.ts decides whether it can be guessed. */
export const PASSWORD_MIN = 10;

/**
 * A password being chosen. Refused: control characters no keyboard types, and lone surrogates,
 * which would hash as U+FFFD and make two passwords one.
 */
const newPasswordField = (required: string) =>
  multilineText("Password", required)
    .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters.`)
    .max(200, "Password must be at most 200 characters.");

export const registerSchema = z.object({
  name: requiredText("Name", 100),
  email: emailField,
  password: newPasswordField("Password is required."),
  /** An invitation link's code: the new account joins its workspace, in the same transaction. */
  invitation: invitationToken.optional(),
});
export type RegisterInput = z.infer<typeof registerSchema>;

// Sign-in keeps accepting any password registered before the rule above: it never reaches the database.
export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1).max(200),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(200),
  newPassword: newPasswordField("Enter a new password."),
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
