import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/auth";
import { getUserById } from "@/lib/server/users/get-user";
import type { PublicUser } from "@/lib/server/users/register-user";

/** The signed-in user of this request (pages and server actions), or null. */
export const getCurrentUser = cache(async (): Promise<PublicUser | null> => {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  // A token may outlive its account: resolve it against the database.
  return id ? getUserById(id) : null;
});

export async function requireUser(): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  return user;
}
