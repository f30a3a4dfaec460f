/**
 * The odd values of the odd-input matrix (app/api/v1/odd-input.int.test.ts): what a
 * careless or hostile client puts in a field, by the kind of field, and the answer each
 * must get. Kept apart from the table of endpoints so that either grows on its own.
 */
import { baseUrl, type ApiResult, type Caller, call } from "./api";

/** What a field holds, which decides the odd values it is sent. */
export type FieldKind = "line" | "text" | "id" | "url" | "date" | "int" | "choice" | "flag";

/**
 * The answer an odd value must get: `refused` is a 422 whose `details.issues` names the
 * field; `refusedOrTooLarge` also allows the endpoint's 413 for a body over its byte
 * limit; `notServerError` is for what cannot reach the server as sent (a lone surrogate
 * in a URL or a form is turned into U+FFFD on the way) and must only never be a 5xx.
 * A list of statuses states an endpoint's documented answer outright.
 */
export type Expectation = "refused" | "refusedOrTooLarge" | "notServerError" | number[];

/** JSON cannot spell 1e309 or 2^53 + 1 as values: these go into the body as written. */
export class RawJson {
  constructor(readonly text: string) {}
}

export interface OddValue {
  label: string;
  value: unknown;
  expect: Expectation;
}

const odd = (label: string, value: unknown, expect: Expectation = "refused"): OddValue => ({ label, value, expect });

const JSON_TEXT: OddValue[] = [
  odd("NUL", "a\u0000b"),
  odd("U+0001", "a\u0001b"),
  odd("DEL", "a\u007fb"),
  odd("U+0085 (NEL)", "a\u0085b"),
  odd("a lone high surrogate", "a\ud800b"),
  odd("a lone low surrogate", "a\udc00b"),
  odd("a huge string", "x".repeat(70_000), "refusedOrTooLarge"),
];
const JSON_LINE: OddValue[] = [...JSON_TEXT, odd("a line break", "a\nb")];
const JSON_DATE: OddValue[] = [
  odd("0000-01-01", "0000-01-01"),
  odd("2023-02-30", "2023-02-30"),
  odd("+275760-09-13", "+275760-09-13"),
  odd("2023-13-01", "2023-13-01"),
  odd("NUL", "2023-01-0\u00001"),
];
const JSON_INT: OddValue[] = [
  odd("-1", -1),
  odd("2147483648", 2_147_483_648),
  odd("1.5", 1.5),
  odd("1e309", new RawJson("1e309")),
  odd("2^53 + 1", new RawJson("9007199254740993")),
  odd('"NaN"', "NaN"),
];
const JSON_CHOICE: OddValue[] = [odd("NUL", "a\u0000b"), odd("a lone high surrogate", "\ud800")];
const JSON_FLAG: OddValue[] = [odd('"NaN"', "NaN"), odd("NUL", "\u0000")];

/** Query values, percent-encoded as they go on the wire. */
const QUERY_TEXT: OddValue[] = [
  odd("NUL", "a%00b"),
  odd("U+0001", "a%01b"),
  odd("DEL", "a%7Fb"),
  odd("U+0085 (NEL)", "a%C2%85b"),
  odd("a lone surrogate (as CESU-8)", "a%ED%A0%80b", "notServerError"),
  odd("a huge string", "x".repeat(5_000), "refusedOrTooLarge"),
];
const QUERY_LINE: OddValue[] = [...QUERY_TEXT, odd("a line break", "a%0Ab")];
const QUERY_DATE: OddValue[] = [
  odd("0000-01-01", "0000-01-01"),
  odd("2023-02-30", "2023-02-30"),
  odd("+275760-09-13", "%2B275760-09-13"),
  odd("2023-13-01", "2023-13-01"),
  odd("25 o'clock", "2023-01-01T25:00:00Z"),
  odd("NUL", "2023-01-0%001"),
];
const QUERY_INT: OddValue[] = [
  odd("-1", "-1"),
  odd("0", "0"),
  odd("2147483648", "2147483648"),
  odd("1.5", "1.5"),
  odd("1e309", "1e309"),
  odd("NaN", "NaN"),
  odd("Infinity", "Infinity"),
  odd("0x10", "0x10"),
  odd("NUL", "1%00"),
];

/** Form fields: the browser's FormData turns lone surrogates into U+FFFD before they leave. */
const FORM_TEXT: OddValue[] = JSON_TEXT.map((v) => (/surrogate/.test(v.label) ? { ...v, expect: "notServerError" } : v));
const FORM_LINE: OddValue[] = [...FORM_TEXT, odd("a line break", "a\nb")];

export type Transport = "json" | "query" | "form";

/** Every odd value a field of this kind gets over this transport. */
export function oddValuesFor(kind: FieldKind, transport: Transport): OddValue[] {
  if (transport === "query") {
    if (kind === "date") return QUERY_DATE;
    if (kind === "int") return QUERY_INT;
    return kind === "line" ? QUERY_LINE : QUERY_TEXT;
  }
  if (transport === "form") return kind === "date" ? JSON_DATE : kind === "line" ? FORM_LINE : FORM_TEXT;
  switch (kind) {
    case "date":
      return JSON_DATE;
    case "int":
      return JSON_INT;
    case "choice":
      return JSON_CHOICE;
    case "flag":
      return JSON_FLAG;
    case "line":
      return JSON_LINE;
    case "url":
      return JSON_TEXT.map((v) =>
        typeof v.value === "string" && v.label !== "a huge string" ? { ...v, value: `https://example.org/${v.value}` } : v,
      );
    default:
      return JSON_TEXT;
  }
}

/** A copy of `body` with `value` at the dotted `key` ("evidence.url", "tags.0"). */
export function withValue(body: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const parts = key.split(".");
  let at: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) at = at[part] as Record<string, unknown>;
  at[parts[parts.length - 1]] = value;
  return copy;
}

/** JSON text of a body whose values may include RawJson. */
export function toJsonText(body: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(body, (_key, value) => {
    if (!(value instanceof RawJson)) return value;
    raws.push(value.text);
    return `__raw_${raws.length - 1}__`;
  });
  return text.replace(/"__raw_(\d+)__"/g, (_m, i: string) => raws[Number(i)]);
}

/** A query string from valid values (encoded here) and one raw, already encoded, value. */
export function queryString(valid: Record<string, string | string[]>, key?: string, raw?: string): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(valid)) {
    if (k === key) continue;
    for (const one of Array.isArray(v) ? v : [v]) parts.push(`${k}=${encodeURIComponent(one)}`);
  }
  if (key !== undefined) parts.push(`${key}=${raw}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

/** POSTs a multipart form: the fields as given, and a small text file as `file`. */
export async function postForm(urlPath: string, as: Caller, fields: Record<string, string>): Promise<ApiResult> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append(
    "file",
    new Blob(["A short report.\n\nIts second paragraph, long enough to be a passage."], { type: "text/plain" }),
    "report.txt",
  );
  const res = await fetch(baseUrl() + urlPath, { method: "POST", headers: { authorization: `Bearer ${as.token}` }, body: form });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body, headers: res.headers };
}

/** Sends one JSON body as raw text (so RawJson values survive). */
export function sendJson(
  method: string,
  urlPath: string,
  as: Caller,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResult> {
  return call(method, urlPath, { as, raw: toJsonText(body), headers });
}

/** Whether a response is the answer the expectation asks for; a message saying what came instead. */
export function judge(res: ApiResult, expectation: Expectation, issuePath: string): string | null {
  const seen = `got ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
  if (res.status >= 500) return seen;
  if (expectation === "notServerError") return null;
  if (Array.isArray(expectation)) return expectation.includes(res.status) ? null : seen;
  if (expectation === "refusedOrTooLarge" && res.status === 413) return null;
  if (res.status !== 422 || res.body?.error?.code !== "validation_failed") return seen;
  const paths: string[] = (res.body.error.details?.issues ?? []).map((i: { path: string }) => i.path);
  return paths.includes(issuePath) ? null : `422 without an issue at "${issuePath}": ${JSON.stringify(res.body.error.details)}`;
}
