/** Prisma's "unique constraint failed" (P2002), without importing its runtime types. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}

/** SQLSTATE class 22, "data exception": 22021 a NUL byte, 22P05 an untranslatable character, 22008 a date out of range, 22003 a number out of range … */
const DATA_EXCEPTION = /^22[0-9A-Z]{3}$/;

/**
 * The SQLSTATE of a Postgres data exception, however it arrives: `pg`'s own error
 * (`code`), the pg driver adapter's DriverAdapterError (`cause.originalCode`), or a
 * Prisma error wrapping one (`meta.driverAdapterError`: raw queries' P2010, and
 * P2000/P2020 for a value too long or out of range). Null for anything else. Prisma's
 * own codes (P2010 …) never start with 22, so they cannot be mistaken for one.
 */
export function dataExceptionCode(e: unknown, depth = 0): string | null {
  if (typeof e !== "object" || e === null || depth > 4) return null;
  const error = e as { code?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  for (const code of [error.originalCode, error.code]) {
    if (typeof code === "string" && DATA_EXCEPTION.test(code)) return code;
  }
  return dataExceptionCode(error.cause, depth + 1) ?? dataExceptionCode(error.meta?.driverAdapterError, depth + 1);
}
