import "server-only";
import { db } from "@/lib/db";
import { invalidField, notFound } from "@/lib/errors";
import type { ChangePasswordInput } from "@/lib/validations/auth";
import { rateLimited, recordSignInFailure, recordSignInSuccess, signInWaitMs } from "../rate-limit";
import { assertStrongPassword } from "./register-user";
import { hashPassword, verifyPassword } from "./passwords";

/**
 * Changes a password and ends every other session of the user (whoever
 * knew the old password, or holds a copied cookie, is signed out); the
 * session that made the change stays. The current password is required, and
 * wrong guesses count against the sign-in limits, so a borrowed session
 * cannot be used to guess it.
 */
export async function changePassword(options: {
  userId: string;
  sessionId: string;
  clientAddress: string;
  input: ChangePasswordInput;
}): Promise<{ endedSessions: number }> {
  const user = await db.user.findUnique({ where: { id: options.userId } });
  if (!user) throw notFound("That account");
  const attempt = { address: options.clientAddress, email: user.email };
  const waitMs = await signInWaitMs(attempt);
  if (waitMs > 0) throw rateLimited("Too many wrong passwords.", waitMs);
  // An account made by single sign-on has no password to check: it signs in with its provider.
  if (!user.passwordHash) throw invalidField("currentPassword", "This account signs in with single sign-on and has no password.");
  if (!(await verifyPassword(user.passwordHash, options.input.currentPassword))) {
    await recordSignInFailure(attempt);
    throw invalidField("currentPassword", "That is not your current password.");
  }
  await recordSignInSuccess(attempt);
  if (options.input.newPassword === options.input.currentPassword)
    throw invalidField("newPassword", "Choose a password different from the current one.");
  assertStrongPassword(options.input.newPassword, user, "newPassword");
  const passwordHash = await hashPassword(options.input.newPassword);
  const [, ended] = await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { passwordHash } }),
    db.session.deleteMany({ where: { userId: user.id, id: { not: options.sessionId } } }),
  ]);
  return { endedSessions: ended.count };
}
