/** Prisma's "unique constraint failed" (P2002), without importing its runtime types. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}
