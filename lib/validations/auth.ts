import { z } from "zod";
import { emailField, requiredText } from "./common";

/** Length is the floor; lib/validations/password-strength.ts decides whether it can be guessed. */
export const PASSWORD_MIN = 10;

export const registerSchema = z.object({
  name: requiredText("Name", 100),
  email: emailField,
  password: z
    .string({ error: "Password is required." })
    .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters.`)
    .max(200, "Password must be at most 200 characters."),
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1).max(200),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(200),
  newPassword: z
    .string({ error: "Enter a new password." })
    .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters.`)
    .max(200, "Password must be at most 200 characters."),
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
