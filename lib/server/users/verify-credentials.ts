import "server-only";
import { db } from "@/lib/db";
import type { PublicUser } from "@/lib/domain/people";
import { signInSchema } from "@/lib/validations/auth";
import { recordSignInFailure, recordSignInSuccess, signInWaitMs } from "../rate-limit";
import { dummyPasswordHash, verifyPassword } from "./passwords";

export type SignInResult = { user: PublicUser } | { refused: "credentials" } | { refused: "rate_limited"; waitMs: number };

/**
 * Checks a sign-in; never says which part was wrong. Failures count against
 * this client address (for this account, and overall): past the limits
 * (lib/server/rate-limit.ts) the client is refused until its window ends,
 * even with the right password, while the account's owner elsewhere is not.
 */
export async function verifyCredentials(raw: unknown, clientAddress: string): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { refused: "credentials" };
  const { email, password } = parsed.data;
  const attempt = { address: clientAddress, email };
  const waitMs = await signInWaitMs(attempt);
  if (waitMs > 0) return { refused: "rate_limited", waitMs };
  const user = await db.user.findUnique({ where: { email } });
  // Unknown emails cost the same time as known ones, so timing does not tell which exist.
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !ok) {
    await recordSignInFailure(attempt);
    return { refused: "credentials" };
  }
  await recordSignInSuccess(attempt);
  return { user: { id: user.id, email: user.email, name: user.name } };
}
