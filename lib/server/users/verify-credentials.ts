import { db } from "@/lib/db";
import { signInSchema } from "@/lib/validations/auth";
import { dummyPasswordHash, verifyPassword } from "./passwords";
import type { PublicUser } from "./register-user";

/** The user for these credentials, or null; never says which part was wrong. */
export async function verifyCredentials(raw: unknown): Promise<PublicUser | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({ where: { email: parsed.data.email } });
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), parsed.data.password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, parsed.data.password))) return null;
  return { id: user.id, email: user.email, name: user.name };
}
