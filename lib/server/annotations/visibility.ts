import { Prisma } from "@/generated/prisma/client";

/**
 * Who may see an annotation, written once in each dialect: Prisma's `where`
 * here, and `annotationVisibleSql` for the hand-written statements (the list,
 * the highlight index and export through `placedAnnotationsSql`, claim counts,
 * search, notifications, activity). No other file spells the rule out.
 */
export function annotationVisibleWhere(userId: string): Prisma.AnnotationWhereInput {
  if (!userId) throw new Error("annotationVisibleWhere needs a user id");
  return { OR: [{ visibility: "workspace" }, { authorId: userId }] };
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** A table alias spliced into SQL as written: only a plain identifier, never anything a caller could smuggle text through. */
function aliasSql(alias: string): Prisma.Sql {
  if (!IDENTIFIER.test(alias)) throw new Error(`Not an SQL alias: ${JSON.stringify(alias)}`);
  return Prisma.raw(alias);
}

/** Shared with the workspace (what everyone in it sees), for an annotation row named `alias`. */
export function annotationSharedSql(alias: string): Prisma.Sql {
  return Prisma.sql`${aliasSql(alias)}.visibility = 'workspace'`;
}

/**
 * The rule of `annotationVisibleWhere` in SQL, for an annotation row named `alias`: shared, or the user's own.
 * The user is an id (bound as a parameter), or an SQL expression (a column: whom a thread is assigned to).
 */
export function annotationVisibleSql(alias: string, user: string | Prisma.Sql): Prisma.Sql {
  if (!user) throw new Error("annotationVisibleSql needs a user id");
  return Prisma.sql`(${annotationSharedSql(alias)} OR ${aliasSql(alias)}.author_id = ${user})`;
}
