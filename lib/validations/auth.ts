import { z } from "zod";
import { emailField, requiredText } from "./common";

export const PASSWORD_MIN = 8;

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
