import { cache } from "react";
import { cookies } from "next/headers";
import { getToken } from "next-auth/jwt";
import { redirect } from "next/navigation";
import { noteRequestUser } from "@/lib/runtime/request-context";
import { userOfSession } from "@/lib/server/sessions/sessions";
import type { PublicUser } from "@/lib/domain/people";

/** The signed-in session of this request (pages): its user and session id, or null. */
export const getCurrentSession = cache(async (): Promise<{ user: PublicUser; sessionId: string } | null> => {
  const token = await getToken({ req: { cookies: await cookies(), headers: {} } as unknown as Parameters<typeof getToken>[0]["req"], secret: process.env.NEXTAUTH_SECRET });
  if (!token?.sub || typeof token.sid !== "string") return null;
  // The cookie is only as good as its session row: signed out elsewhere, or the account gone, means signed out here.
  const user = await userOfSession({ userId: token.sub, sessionId: token.sid });
  if (!user) return null;
  noteRequestUser(user.id);
  return { user, sessionId: token.sid };
});

/** The signed-in user of this request (pages and server actions), or null. */
export async function getCurrentUser(): Promise<PublicUser | null> {
  return (await getCurrentSession())?.user ?? null;
}

export async function requireUser(): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  return user;
}
