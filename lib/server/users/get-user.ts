import "server-only";
import { db } from "@/lib/db";
import type { PublicUser } from "@/lib/domain/people";

export function getUserById(id: string): Promise<PublicUser | null> {
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
}
