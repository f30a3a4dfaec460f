import { db } from "@/lib/db";
import type { PublicUser } from "./register-user";

export function getUserById(id: string): Promise<PublicUser | null> {
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
}
