import "server-only";
import { db } from "@/lib/db";
import type { PublicUser } from "@/lib/domain/people";

export function getUserById(id: string): Promise<PublicUser | null> {
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
}

/** How an account signs in: with a password (one is set), and with which identity providers (their issuers). */
export async function getSignInMethods(userId: string): Promise<{ hasPassword: boolean; identityIssuers: string[] }> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { passwordHash: true, identities: { select: { issuer: true }, orderBy: { createdAt: "asc" } } },
  });
  return { hasPassword: Boolean(user?.passwordHash), identityIssuers: user?.identities.map((i) => i.issuer) ?? [] };
}
