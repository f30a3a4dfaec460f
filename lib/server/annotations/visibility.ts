import { Prisma } from "@/generated/prisma/client";

/** Annotations the user may see: the workspace's shared ones and their own private ones. */
export function annotationVisibleWhere(userId: string): Prisma.AnnotationWhereInput {
  if (!userId) throw new Error("annotationVisibleWhere needs a user id");
  return { OR: [{ visibility: "workspace" }, { authorId: userId }] };
}

/** The same rule in SQL, for an annotation row named `alias`. */
export function annotationVisibleSql(userId: string, alias = "a"): Prisma.Sql {
  if (!userId) throw new Error("annotationVisibleSql needs a user id");
  return Prisma.sql`(${Prisma.raw(alias)}.visibility = 'workspace' OR ${Prisma.raw(alias)}.author_id = ${userId})`;
}
