import "server-only";
import { db } from "@/lib/db";
import type { PublicUser } from "@/lib/domain/people";
import { AppError, invalidField } from "@/lib/errors";
import type { RegisterInput } from "@/lib/validations/auth";
import { passwordProblem } from "@/lib/validations/password-strength";
import { hashPassword } from "./passwords";
import { isUniqueViolation } from "../prisma-errors";
import { claimInvitation, joinWithInvitation, type Joined } from "../invitations/accept-invitation";

/** A new account; `joined` when it came with an invitation. */
export type RegisteredUser = PublicUser & { joined?: Joined };

/** A 422 on `field` when the password can be guessed (too short, common, or made of the person's name or email). */
export function assertStrongPassword(password: string, person: { email: string; name: string }, field = "password"): void {
  const problem = passwordProblem(password, [person.email, person.name]);
  if (problem) throw invalidField(field, problem);
}

/**
 * Creates an account. With an invitation (the code of its link), the account
 * joins the invitation's workspace in the same transaction, and the link is
 * used up: nothing is written unless both happen.
 */
export async function registerUser(input: RegisterInput): Promise<RegisteredUser> {
  assertStrongPassword(input.password, input);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const invitation = input.invitation ? await claimInvitation(tx, input.invitation, { email: input.email, as: "registering" }) : null;
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash },
        select: { id: true, email: true, name: true },
      });
      return invitation ? { ...user, joined: await joinWithInvitation(tx, invitation, user.id) } : user;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", "An account with this email already exists. Sign in instead.");
    throw e;
  }
}
