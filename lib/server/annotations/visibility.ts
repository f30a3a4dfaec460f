import type { Prisma } from "@/generated/prisma/client";

/** Annotations the user may see: the workspace's shared ones and their own private ones. */
export function annotationVisibleWhere(userId: string): Prisma.AnnotationWhereInput {
  if (!userId) throw new Error("annotationVisibleWhere needs a user id");
  return { OR: [{ visibility: "workspace" }, { authorId: userId }] };
}
