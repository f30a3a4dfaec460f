import type { AppError } from "@/lib/errors";

/** The error `fn` throws (the test fails if it throws none). */
export function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error("expected an error");
}
