/**
 * A server type as it reaches the browser through JSON: every `Date` becomes
 * its ISO string, all the way down (what `toClientJson` and `Response.json`
 * do). Client types are made with it from the server's, never retyped, so a
 * field the server adds is on the client's type too.
 */
export type Jsonified<T> = T extends Date ? string : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;
