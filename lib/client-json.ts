import type { Jsonified } from "@/lib/domain/json";

/**
 * A server component's data as its client component receives it: plain JSON
 * (a `Date` becomes its ISO string, `undefined` fields are dropped), typed as
 * the client reads it. React would otherwise pass the `Date` objects through.
 */
export function toClientJson<T>(value: T): Jsonified<T> {
  return JSON.parse(JSON.stringify(value));
}
