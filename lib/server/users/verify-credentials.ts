import { db } from "@/lib/db";
import { signInSchema } from "@/lib/validations/auth";
import { signInLimiter } from "../rate-limit";
import { dummyPasswordHash, verifyPassword } from "./passwords";
import type { PublicUser } from "./register-user";

/**
 * The user for these credentials, or null; never says which part was wrong.
 * After 10 attempts on one email in 10 minutes, even the right password is
 * refused until the window passes, which makes guessing slow.
 */
export async function verifyCredentials(raw: unknown): Promise<PublicUser | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  if (!signInLimiter.attempt(email)) return null;
  const user = await db.user.findUnique({ where: { email } });
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  signInLimiter.reset(email);
  return { id: user.id, email: user.email, name: user.name };
}
