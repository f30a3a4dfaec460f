import { db } from "@/lib/db";
import { AppError, invalidField } from "@/lib/errors";
import type { RegisterInput } from "@/lib/validations/auth";
import { passwordProblem } from "@/lib/validations/password-strength";
import { hashPassword } from "./passwords";
import { isUniqueViolation } from "../prisma-errors";

export interface PublicUser {
  id: string;
  email: string;
  name: string;
}

/** A 422 on `field` when the password can be guessed (too short, common, or made of the person's name or email). */
export function assertStrongPassword(password: string, person: { email: string; name: string }, field = "password"): void {
  const problem = passwordProblem(password, [person.email, person.name]);
  if (problem) throw invalidField(field, problem);
}

export async function registerUser(input: RegisterInput): Promise<PublicUser> {
  assertStrongPassword(input.password, input);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { id: true, email: true, name: true },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", "An account with this email already exists. Sign in instead.");
    throw e;
  }
}
