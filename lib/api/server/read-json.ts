import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validations/parse-input";

/** The raw body, read without trusting its declared size: past maxBytes it stops and answers 413. */
export async function readBody(req: Request, maxBytes: number, what: string): Promise<Buffer> {
  const tooLarge = () => tooLargeError(what, maxBytes);
  if (Number(req.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read().catch(() => {
        // The client went away mid-request (a closed tab's last beacon): nothing to answer, nothing to log.
        throw new AppError("bad_request", "The request was cut off before its body arrived.");
      });
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

/** 413: a body past its limit. */
export const tooLargeError = (what: string, maxBytes: number) =>
  new AppError("payload_too_large", `${what} is too large: at most ${formatBytes(maxBytes)}.`);

/** A JSON media type: `application/json`, or any `application/…+json`. */
export const JSON_CONTENT_TYPE = /^application\/([\w.+-]*\+)?json\b/i;

/**
 * Reads a JSON request body without trusting its size: stops reading past
 * maxBytes (413), refuses what is not a JSON object (400) and checks it
 * against the schema (422, with the fields at fault).
 */
export async function readJson<T extends z.ZodType>(
  req: Request,
  schema: T,
  maxBytes = 64 * 1024,
  options: { emptyIsObject?: boolean } = {},
): Promise<z.infer<T>> {
  const body = await readBody(req, maxBytes, "The request body");
  return jsonBodyOf(new TextDecoder().decode(body), req.headers.get("content-type"), schema, options);
}

/** A request body already read, as readJson takes it: only JSON (415), a JSON object (400), checked against the schema (422). */
export function jsonBodyOf<T extends z.ZodType>(
  text: string,
  contentType: string | null,
  schema: T,
  options: { emptyIsObject?: boolean } = {},
): z.infer<T> {
  if (options.emptyIsObject && text.trim() === "") return parseInput(schema, {});
  // Only a body that says it is JSON: a plain HTML form (or a body with no type) never reaches a schema.
  if (!contentType || !JSON_CONTENT_TYPE.test(contentType.trim())) {
    throw new AppError("unsupported_media_type", "Send the request body as JSON, with `Content-Type: application/json`.");
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new AppError("bad_request", "The request body must be a JSON object.");
  }
  return parseInput(schema, data);
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(0)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${n} bytes`;
}
