import { JSON_CONTENT_TYPE, readBody } from "@/lib/api/server/read-json";
import { UPLOAD, apiRoute } from "@/lib/api/server/route";
import { AppError } from "@/lib/errors";
import { importAnnotations } from "@/lib/server/annotations/import-annotations";

const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The file as JSON: sent as the body (application/json or application/ld+json), or uploaded as the form field `file`. */
async function readImportFile(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  let text: string;
  if (/^multipart\/form-data/i.test(type)) {
    const body = await readBody(req, MAX_IMPORT_BYTES + 64 * 1024, "The upload");
    let file: FormDataEntryValue | null;
    try {
      file = (await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData()).get("file");
    } catch {
      throw new AppError("bad_request", "The upload could not be read. Send it as multipart/form-data with the file in the field `file`.");
    }
    if (!(file instanceof File))
      throw new AppError("validation_failed", "Attach the annotations file as the field `file`.", {
        issues: [{ path: "file", message: "Attach the annotations file as the field `file`." }],
      });
    text = await file.text();
  } else if (JSON_CONTENT_TYPE.test(type.trim())) {
    text = new TextDecoder().decode(await readBody(req, MAX_IMPORT_BYTES, "The annotations file"));
  } else {
    throw new AppError(
      "unsupported_media_type",
      "Send the annotations as JSON (application/json or application/ld+json), or upload them as the form field `file`.",
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw new AppError("bad_request", "The file is not valid JSON: export W3C Web Annotations (JSON-LD) or a Hypothesis JSON export.");
  }
}

export const POST = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  return importAnnotations({ userId: user.id, reportId: params.id, readFile: () => readImportFile(req) });
}, UPLOAD);
