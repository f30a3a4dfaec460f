import { z } from "zod";
import { emailField, multilineText, requiredText } from "./common";

export const PASSWORD_MIN = 8;

export const registerSchema = z.object({
  name: requiredText("Name", 100),
  email: emailField,
  // Refused: control characters no keyboard types, and lone surrogates, which would hash as U+FFFD and make two passwords one.
  password: multilineText("Password", "Password is required.")
    .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters.`)
    .max(200, "Password must be at most 200 characters."),
});
export type RegisterInput = z.infer<typeof registerSchema>;

// Sign-in keeps accepting any password registered before the rule above: it never reaches the database.
export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1).max(200),
});
