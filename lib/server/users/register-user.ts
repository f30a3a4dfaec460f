import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RegisterInput } from "@/lib/validations/auth";
import { hashPassword } from "./passwords";
import { isUniqueViolation } from "../prisma-errors";

export interface PublicUser {
  id: string;
  email: string;
  name: string;
}

export async function registerUser(input: RegisterInput): Promise<PublicUser> {
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
