import { AppError } from "@/lib/errors";
import { DEFAULT_PREVIEW_PAGE, type ImportRequest, type PreviewPage } from "@/lib/server/reports/import-source";
import {
  importChoicesSchema,
  importJsonSchema,
  previewPageSchema,
  reportMetadataSchema,
  type ImportChoicesInput,
  type ReportMetadataInput,
} from "@/lib/validations/import";
import { readBody, readJson } from "./read-json";
import { parseInput } from "@/lib/validations/parse-input";

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/**
 * An import request: JSON (pasted text or Markdown, or a web address) or a
 * multipart upload with the file in the field `file` and metadata fields
 * beside it (`title`, `subtitle`, `publisher`, `publishedAt`, `language`,
 * `sourceUrl`, and `authors` repeated or as one comma-separated field), and the
 * preview's choices (`omit` and `merge` repeated or comma-separated, `authorsFrom`,
 * `publishedAtFrom`, `subtitleFrom`).
 */
export async function readImportRequest(
  req: Request,
): Promise<{ request: ImportRequest; metadata: ReportMetadataInput; choices: ImportChoicesInput }> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(type)) {
    const { format, content, url, omit, merge, authorsFrom, publishedAtFrom, subtitleFrom, ...metadata } = await readJson(
      req,
      importJsonSchema,
      16 * 1024 * 1024,
    );
    return {
      request: { kind: "json", input: { format, content, url } },
      metadata,
      choices: { omit, merge, authorsFrom, publishedAtFrom, subtitleFrom },
    };
  }
  const body = await readBody(req, MAX_UPLOAD_BYTES + 64 * 1024, "The upload");
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("bad_request", "The upload could not be read. Send it as multipart/form-data with the file in the field `file`.");
  }
  const file = form.get("file");
  if (!(file instanceof File))
    throw new AppError("validation_failed", "Attach the report as the field `file`.", {
      issues: [{ path: "file", message: "Attach the report as the field `file`." }],
    });
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" && v.trim() !== "" ? v : undefined;
  };
  const authors = form
    .getAll("authors")
    .flatMap((v) => (typeof v === "string" ? v.split(",") : []))
    .map((a) => a.trim())
    .filter(Boolean);
  const metadata = parseInput(reportMetadataSchema, {
    title: text("title"),
    subtitle: text("subtitle"),
    publisher: text("publisher"),
    publishedAt: text("publishedAt"),
    language: text("language"),
    sourceUrl: text("sourceUrl"),
    place: text("place"),
    reportNumber: text("reportNumber"),
    series: text("series"),
    doi: text("doi"),
    accessedAt: text("accessedAt"),
    ...(authors.length ? { authors } : {}),
    ...(text("creators") !== undefined ? { creators: jsonField(text("creators")!) } : {}),
  });
  // Form fields are text: a number is read as one only when it is written as one, so the schema names anything else.
  const number = (v: string) => (/^\d{1,10}$/.test(v.trim()) ? Number(v) : v);
  const numbers = (name: string) => {
    const values = form
      .getAll(name)
      .flatMap((v) => (typeof v === "string" ? v.split(",") : []))
      .filter((v) => v.trim() !== "");
    return values.length ? values.map(number) : undefined;
  };
  const one = (name: string) => {
    const v = text(name);
    return v === undefined ? undefined : number(v);
  };
  const choices = parseInput(importChoicesSchema, {
    omit: numbers("omit"),
    merge: numbers("merge"),
    authorsFrom: one("authorsFrom"),
    publishedAtFrom: one("publishedAtFrom"),
    subtitleFrom: one("subtitleFrom"),
  });
  return { request: { kind: "file", name: file.name, type: file.type, data: Buffer.from(await file.arrayBuffer()) }, metadata, choices };
}

/** A form field holding JSON (`creators`): what it says, or the text itself for the schema to refuse. */
function jsonField(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The page of passages a dry run returns (`?passageOffset=…&passageLimit=…`). */
export function previewPageOf(req: { nextUrl: URL }): PreviewPage {
  const params = req.nextUrl.searchParams;
  const page = parseInput(previewPageSchema, {
    passageOffset: params.get("passageOffset") ?? undefined,
    passageLimit: params.get("passageLimit") ?? undefined,
  });
  return { offset: page.passageOffset ?? DEFAULT_PREVIEW_PAGE.offset, limit: page.passageLimit ?? DEFAULT_PREVIEW_PAGE.limit };
}

export function isDryRun(req: { nextUrl: URL }): boolean {
  const v = req.nextUrl.searchParams.get("dryRun");
  return v === "1" || v === "true";
}
