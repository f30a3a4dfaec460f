import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { noteRequestUser } from "@/lib/runtime/request-context";
import { userOfSession } from "@/lib/server/sessions/sessions";
import type { PublicUser } from "@/lib/domain/people";
import { sessionOfCookie } from "./session-cookie";

/** The signed-in session of this request (pages): its user and session id, or null. */
export const getCurrentSession = cache(async (): Promise<{ user: PublicUser; sessionId: string } | null> => {
  const claim = await sessionOfCookie((await headers()).get("cookie"));
  if (!claim) return null;
  // The cookie is only as good as its session row: signed out elsewhere, or the account gone, means signed out here.
  const user = await userOfSession(claim);
  if (!user) return null;
  noteRequestUser(user.id);
  return { user, sessionId: claim.sessionId };
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
